/**
 * Hover intent as a small pure state machine: idle → dwelling → shown →
 * leaving. It decides *when* a card opens and closes; the content script
 * carries out the effects (timers, showing, hiding). Pure so that every
 * transition is pinned by a table test, as Wikipedia's Page Previews do.
 */

/**
 * Pointer dwell before a card opens. Long enough that sweeping the pointer
 * across a paragraph opens nothing, short enough to feel immediate when the
 * reader means it. Page Previews use 500 ms for links, where a click is the
 * main intent; highlighted words have no click, so Backstory asks less.
 */
export const DWELL_MS = 350;

/**
 * Grace after the pointer leaves the mention or the card before the card
 * closes: the time a reader needs to travel the gap into the card
 * (WCAG 1.4.13 "hoverable"). Page Previews use 300 ms for the same reason.
 */
export const GRACE_MS = 300;

/**
 * The dwells a reader can choose in the options, in ms. The quickest still
 * lets a pointer cross a name without opening it; the slowest suits readers
 * who rest the pointer on the text while reading and want cards only when
 * they insist.
 */
export const HOVER_DELAY_CHOICES = [200, DWELL_MS, 600, 1000] as const;

/** The delays the machine runs with: the constants above, unless the reader chose another dwell. */
export interface HoverTiming {
  dwellMs: number;
  graceMs: number;
}

export const DEFAULT_TIMING: HoverTiming = { dwellMs: DWELL_MS, graceMs: GRACE_MS };

export type HoverState<T> =
  | { kind: 'idle' }
  | { kind: 'dwelling'; target: T }
  | { kind: 'shown'; target: T }
  | { kind: 'leaving'; target: T };

export type HoverEvent<T> =
  | { kind: 'enterMention'; target: T }
  | { kind: 'leaveMention' }
  | { kind: 'enterCard' }
  | { kind: 'leaveCard' }
  | { kind: 'timer' }
  | { kind: 'escape' };

/**
 * What the runner must do. A `startTimer` replaces any running timer, and a
 * `timer` event fed back for a cancelled one is ignored by the states, so
 * stale work is dropped.
 */
export type HoverEffect<T> =
  | { kind: 'startTimer'; ms: number }
  | { kind: 'cancelTimer' }
  | { kind: 'show'; target: T }
  | { kind: 'hide' };

export interface HoverStep<T> {
  state: HoverState<T>;
  effects: HoverEffect<T>[];
}

export const IDLE: HoverState<never> = { kind: 'idle' };

/** The next state and the effects of `event` in `state`. Targets compare with `same`. */
export function hoverTransition<T>(
  state: HoverState<T>,
  event: HoverEvent<T>,
  same: (a: T, b: T) => boolean = Object.is,
  timing: HoverTiming = DEFAULT_TIMING,
): HoverStep<T> {
  const stay: HoverStep<T> = { state, effects: [] };
  const dwellOn = (target: T, hide: boolean): HoverStep<T> => ({
    state: { kind: 'dwelling', target },
    effects: [...(hide ? [{ kind: 'hide' } as const] : []), { kind: 'startTimer', ms: timing.dwellMs }],
  });
  const idle = (hide: boolean): HoverStep<T> => ({
    state: IDLE,
    effects: [{ kind: 'cancelTimer' }, ...(hide ? [{ kind: 'hide' } as const] : [])],
  });

  switch (event.kind) {
    case 'enterMention':
      if (state.kind === 'idle') return dwellOn(event.target, false);
      if (same(state.target, event.target)) {
        return state.kind === 'leaving'
          ? { state: { kind: 'shown', target: state.target }, effects: [{ kind: 'cancelTimer' }] }
          : stay;
      }
      return dwellOn(event.target, state.kind !== 'dwelling');
    case 'leaveMention':
      if (state.kind === 'dwelling') return idle(false);
      if (state.kind === 'shown') {
        return { state: { kind: 'leaving', target: state.target }, effects: [{ kind: 'startTimer', ms: timing.graceMs }] };
      }
      return stay;
    case 'enterCard':
      if (state.kind === 'leaving' || state.kind === 'shown') {
        return { state: { kind: 'shown', target: state.target }, effects: [{ kind: 'cancelTimer' }] };
      }
      return stay;
    case 'leaveCard':
      if (state.kind === 'shown') {
        return { state: { kind: 'leaving', target: state.target }, effects: [{ kind: 'startTimer', ms: timing.graceMs }] };
      }
      return stay;
    case 'timer':
      if (state.kind === 'dwelling') {
        return { state: { kind: 'shown', target: state.target }, effects: [{ kind: 'show', target: state.target }] };
      }
      if (state.kind === 'leaving') return { state: IDLE, effects: [{ kind: 'hide' }] };
      return stay;
    case 'escape':
      if (state.kind === 'idle') return stay;
      return idle(state.kind !== 'dwelling');
  }
}
