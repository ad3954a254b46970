import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_STYLES, styledHighlightName } from '../../../extension/highlight/highlight-styles';
import type { HighlightRegistryLike } from '../../../extension/highlight/highlight-layer';
import { StyledHighlightRegistry } from '../../../extension/highlight/styled-registry';

const fake = () => new Map<string, unknown>() as unknown as HighlightRegistryLike & Map<string, unknown>;
const h = (label: string) => ({ label }) as unknown as Highlight;

describe('styledHighlightName', () => {
  it.each([
    ['person', 'tint', 'backstory-person'],
    ['event', 'underline', 'backstory-event-underline'],
    ['place', 'strong', 'backstory-place-strong'],
  ] as const)('%s in %s → %s', (type, style, name) => expect(styledHighlightName(type, style)).toBe(name));
});

describe('StyledHighlightRegistry', () => {
  it('registers each type under its style’s name and moves them all when the style changes', () => {
    const target = fake();
    const registry = new StyledHighlightRegistry('underline', target);
    registry.set('backstory-person', h('p'));
    registry.set('backstory-event', h('e'));
    expect([...target.keys()].sort()).toEqual(['backstory-event-underline', 'backstory-person-underline']);
    for (const style of HIGHLIGHT_STYLES) {
      registry.setStyle(style);
      expect([...target.keys()].sort()).toEqual([styledHighlightName('event', style), styledHighlightName('person', style)]);
    }
    registry.delete('backstory-person');
    expect([...target.keys()]).toEqual([styledHighlightName('event', 'strong')]);
  });

  it('passes other names through untouched', () => {
    const target = fake();
    new StyledHighlightRegistry('strong', target).set('backstory-current', h('c'));
    expect([...target.keys()]).toEqual(['backstory-current']);
  });
});
