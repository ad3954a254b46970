// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Card } from '../../../extension/card/Card';
import type { CardData } from '../../../extension/dataset/pack';

const peskov: CardData = {
  id: 'dmitry-peskov',
  type: 'person',
  name: 'Dmitry Peskov',
  description: 'Kremlin spokesman',
  summary: 'Press secretary to the Russian president since 2012.',
  roles: [{ title: 'Kremlin spokesman, press secretary to the President of Russia', from: '2012-05-22' }],
  related: ['vladimir-putin'],
  wikipedia: 'Dmitry_Peskov',
  reviewed: '2026-11-28',
};

function show(card: CardData, date?: string): HTMLElement {
  const root = document.createElement('div');
  render(
    <Card card={card} related={[{ id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' }]} packVersion="2026.11.28" articleDate={date} />,
    root,
  );
  return root;
}

describe('Card', () => {
  it('shows name, type, role, summary, related entities and the pack version', () => {
    const root = show(peskov, '2021-12-30');
    const card = root.querySelector('.card')!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(root.querySelector(`#${card.getAttribute('aria-labelledby')}`)?.textContent).toBe('Dmitry Peskov');
    expect(root.querySelector('.card__type')?.textContent).toBe('Person');
    expect(root.querySelector('.card__line')?.textContent).toMatch(/Kremlin spokesman/);
    expect(root.querySelector('.card__summary')?.textContent).toBe(peskov.summary);
    expect(root.querySelector('.card__related')?.textContent).toContain('Vladimir Putin');
    expect(root.querySelector('.card__version')?.textContent).toContain('2026.11.28');
  });

  it('links to Wikipedia in a new tab without opener or referrer', () => {
    const link = show(peskov).querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Dmitry_Peskov');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('has no link when the entity has no article', () => {
    expect(show({ ...peskov, wikipedia: undefined }).querySelector('a')).toBeNull();
  });

  it('renders markup in the data as inert text', () => {
    const hostile = { ...peskov, name: '<img src=x onerror=alert(1)>', summary: '<script>alert(1)</script>' };
    const root = show(hostile);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('.card__summary')?.textContent).toBe('<script>alert(1)</script>');
  });

  it('says in its footer how fresh it is: the pack’s version and the reviewed date', () => {
    expect(show(peskov).querySelector('.card__version')?.textContent).toBe('Backstory pack 2026.11.28 · reviewed 28 November 2026');
  });

  it('is a focusable dialog described by its one line, with a type icon hidden from assistive technology', () => {
    const card = show(peskov).querySelector('.card')!;
    expect(card.getAttribute('tabindex')).toBe('-1');
    expect(card.querySelector(`#${card.getAttribute('aria-describedby')}`)?.textContent).toMatch(/Kremlin spokesman/);
    expect(card.querySelector('.card__type svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('shows an event’s dates', () => {
    const root = show({ ...peskov, type: 'event', roles: undefined, start: '2022-01-10', description: 'Talks' });
    expect(root.querySelector('.card__dates')?.textContent).toBe('10 January 2022');
  });
});
