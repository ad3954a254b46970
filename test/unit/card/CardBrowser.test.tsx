// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { CardBrowser } from '../../../extension/card/CardBrowser';
import { cardSource } from '../../../extension/card/card-source';
import type { CardData } from '../../../extension/dataset/pack';

const base = { description: 'd', summary: 's', related: [] as string[], reviewed: '2026-11-28' };
const entities: CardData[] = [
  { ...base, id: 'peskov', type: 'person', name: 'Dmitry Peskov', related: ['putin', 'talks'] },
  { ...base, id: 'putin', type: 'person', name: 'Vladimir Putin', related: ['peskov'] },
  { ...base, id: 'demands', type: 'event', name: 'Demands (December 2021)', start: '2021-12-15', related: ['talks'] },
  { ...base, id: 'talks', type: 'event', name: 'Talks (January 2022)', start: '2022-01-09', related: ['demands'] },
];
const source = cardSource({ version: '2026.11.28', entities });

function mount(entity: string, onClose = vi.fn()) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<CardBrowser source={source} entity={entity} onClose={onClose} />, root));
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const name = () => q('.card__name')?.textContent;
  return { root, q, name, onClose };
}

describe('CardBrowser', () => {
  it('opens a related entity’s card in place from its chip, focuses it, and goes back', () => {
    const { q, name } = mount('peskov');
    const chip = [...document.querySelectorAll<HTMLButtonElement>('button.card__chip')].find((b) => b.textContent?.includes('Putin'))!;
    act(() => chip.click());
    expect(name()).toBe('Vladimir Putin');
    expect(document.activeElement).toBe(q('.card'));
    expect(q('.card__back')?.getAttribute('aria-label')).toBe('Back to Dmitry Peskov');
    act(() => q<HTMLButtonElement>('.card__back')!.click());
    expect(name()).toBe('Dmitry Peskov');
    expect(q('.card__back')).toBeNull();
  });

  it('shows an event’s timeline, whose lines open their cards, and does not repeat them as chips', () => {
    const { q, name, root } = mount('demands');
    const moments = [...root.querySelectorAll('.card__moment')].map((m) => m.textContent);
    expect(moments).toEqual(['15 Dec 2021Demands', '9 Jan 2022Talks']);
    expect(q('.card__moment--current')?.getAttribute('aria-current')).toBe('true');
    expect(root.querySelector('.card__related')).toBeNull();
    act(() => q<HTMLButtonElement>('.card__moment button')!.click());
    expect(name()).toBe('Talks (January 2022)');
  });

  it('closes on Escape and on its close button', () => {
    const { q, onClose } = mount('putin');
    act(() => void q('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    act(() => q<HTMLButtonElement>('.card__close')!.click());
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
