import { describe, expect, it } from 'vitest';
import { DWELL_MS, GRACE_MS, HOVER_DELAY_CHOICES, IDLE, hoverTransition, type HoverEvent, type HoverState } from '../../../extension/hover/intent';

type S = HoverState<string>;
type E = HoverEvent<string>;
const idle: S = IDLE;
const dwelling = (target: string): S => ({ kind: 'dwelling', target });
const shown = (target: string): S => ({ kind: 'shown', target });
const leaving = (target: string): S => ({ kind: 'leaving', target });
const enter = (target: string): E => ({ kind: 'enterMention', target });
const ev = (kind: Exclude<E['kind'], 'enterMention'>) => ({ kind }) as E;

describe('hover intent', () => {
  it.each<[string, S, E, S, unknown[]]>([
    ['pointer reaches a mention: dwell', idle, enter('a'), dwelling('a'), [{ kind: 'startTimer', ms: DWELL_MS }]],
    ['dwell elapses: show', dwelling('a'), ev('timer'), shown('a'), [{ kind: 'show', target: 'a' }]],
    ['pointer leaves before the dwell: nothing opens', dwelling('a'), ev('leaveMention'), idle, [{ kind: 'cancelTimer' }]],
    ['sweeping onto another mention restarts the dwell', dwelling('a'), enter('b'), dwelling('b'), [{ kind: 'startTimer', ms: DWELL_MS }]],
    ['staying on the same mention changes nothing', dwelling('a'), enter('a'), dwelling('a'), []],
    ['leaving a shown mention starts the grace', shown('a'), ev('leaveMention'), leaving('a'), [{ kind: 'startTimer', ms: GRACE_MS }]],
    ['reaching the card within the grace keeps it', leaving('a'), ev('enterCard'), shown('a'), [{ kind: 'cancelTimer' }]],
    ['coming back to the mention keeps it', leaving('a'), enter('a'), shown('a'), [{ kind: 'cancelTimer' }]],
    ['grace elapses: hide', leaving('a'), ev('timer'), idle, [{ kind: 'hide' }]],
    ['leaving the card starts the grace', shown('a'), ev('leaveCard'), leaving('a'), [{ kind: 'startTimer', ms: GRACE_MS }]],
    ['another mention while leaving: hide and dwell on it', leaving('a'), enter('b'), dwelling('b'), [{ kind: 'hide' }, { kind: 'startTimer', ms: DWELL_MS }]],
    ['another mention while shown: hide and dwell on it', shown('a'), enter('b'), dwelling('b'), [{ kind: 'hide' }, { kind: 'startTimer', ms: DWELL_MS }]],
    ['Escape closes a shown card', shown('a'), ev('escape'), idle, [{ kind: 'cancelTimer' }, { kind: 'hide' }]],
    ['Escape closes a leaving card', leaving('a'), ev('escape'), idle, [{ kind: 'cancelTimer' }, { kind: 'hide' }]],
    ['Escape cancels a dwell without hiding', dwelling('a'), ev('escape'), idle, [{ kind: 'cancelTimer' }]],
    ['Escape when idle does nothing', idle, ev('escape'), idle, []],
    ['a stale timer when idle is ignored', idle, ev('timer'), idle, []],
    ['a stale timer while shown is ignored', shown('a'), ev('timer'), shown('a'), []],
    ['entering the card while idle does nothing', idle, ev('enterCard'), idle, []],
    ['leaving a mention while idle does nothing', idle, ev('leaveMention'), idle, []],
  ])('%s', (_name, state, event, next, effects) => {
    const step = hoverTransition(state, event);
    expect(step.state).toEqual(next);
    expect(step.effects).toEqual(effects);
  });

  it('opens only after the dwell and closes only after the grace, walked end to end', () => {
    const events: E[] = [enter('a'), ev('timer'), ev('leaveMention'), ev('enterCard'), ev('leaveCard'), ev('timer')];
    let state: S = idle;
    const shownAt: string[] = [];
    for (const e of events) {
      state = hoverTransition(state, e).state;
      shownAt.push(state.kind);
    }
    expect(shownAt).toEqual(['dwelling', 'shown', 'leaving', 'shown', 'leaving', 'idle']);
  });

  it.each(HOVER_DELAY_CHOICES)('runs with the reader’s dwell of %i ms, keeping the designed grace', (dwellMs) => {
    const timing = { dwellMs, graceMs: GRACE_MS };
    expect(hoverTransition(idle, enter('a'), Object.is, timing).effects).toEqual([{ kind: 'startTimer', ms: dwellMs }]);
    expect(hoverTransition(shown('a'), ev('leaveMention'), Object.is, timing).effects).toEqual([{ kind: 'startTimer', ms: GRACE_MS }]);
  });

  it('offers the designed dwell among the reader’s choices', () => {
    expect(HOVER_DELAY_CHOICES).toContain(DWELL_MS);
  });

  it('keeps the timing constants in the range that makes the card hoverable (WCAG 1.4.13)', () => {
    expect(DWELL_MS).toBeGreaterThanOrEqual(200);
    expect(DWELL_MS).toBeLessThanOrEqual(600);
    expect(GRACE_MS).toBeGreaterThanOrEqual(200);
  });
});
