import { describe, expect, it } from 'vitest';
import { cardSourceLoader } from '../../../extension/card/card-source';
import { cardsFromBackground } from '../../../extension/dataset/pack-cards';
import type { CardsRequest } from '../../../extension/messaging/protocol';
import { loadPack } from '../../../scripts/lib/annotate-text';

const pack = loadPack().pack;

/** A stand-in for `runtime.sendMessage` that answers with `answers` in turn and records the requests. */
function background(...answers: (() => Promise<unknown>)[]) {
  const requests: CardsRequest[] = [];
  return {
    requests,
    send: (request: CardsRequest) => {
      requests.push(request);
      return answers[Math.min(requests.length, answers.length) - 1]!();
    },
  };
}

describe('the cards a page gets from the background', () => {
  it('asks once, whatever the number of cards shown, and shares the answer', async () => {
    const bg = background(async () => pack.entities);
    const load = cardsFromBackground(bg.send);
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(b).toBe(a);
    expect(a).toHaveLength(pack.entities.length);
    expect(bg.requests).toEqual([{ type: 'backstory:cards' }]);
  });

  it.each([
    { label: 'a failed request (the background restarting)', first: () => Promise.reject(new Error('Receiving end does not exist')) },
    { label: 'an answer that is not a list', first: async () => undefined },
  ])('asks again after $label', async ({ first }) => {
    const bg = background(first, async () => pack.entities);
    const load = cardsFromBackground(bg.send);
    await expect(load()).rejects.toThrow();
    expect(await load()).toHaveLength(pack.entities.length);
    expect(bg.requests).toHaveLength(2);
  });

  it('builds one card source from them, with the article date', async () => {
    const bg = background(async () => pack.entities);
    const source = cardSourceLoader(pack.version, cardsFromBackground(bg.send), '2022-01-10');
    const ready = await source();
    expect(await source()).toBe(ready);
    expect(ready.lookup('dmitry-peskov')?.name).toBe('Dmitry Peskov');
    expect(ready.events.every((e) => e.type === 'event')).toBe(true);
    expect(ready).toMatchObject({ packVersion: pack.version, articleDate: '2022-01-10' });
  });
});
