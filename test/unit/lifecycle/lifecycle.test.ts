// @vitest-environment happy-dom
/**
 * Cleaning up after an extension that went away under an open page: the
 * browser tests (test/e2e/robustness/lifecycle.e2e.test.ts) show it in real
 * browsers; these pin the two small pieces down.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backstoryHighlightNames, clearLeftovers } from '../../../extension/lifecycle/clear-leftovers';
import { INVALIDATION_CHECK_MS, quietly, watchInvalidation } from '../../../extension/lifecycle/watch-invalidation';

/** The part of HighlightRegistry clearLeftovers uses, over a Map. */
function fakeRegistry(names: string[]) {
  const map = new Map(names.map((n) => [n, {}]));
  return { map, registry: { delete: (name: string) => map.delete(name) } };
}

describe('clearLeftovers', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("deletes every highlight Backstory may have registered, any style, and leaves the page's own", () => {
    const { map, registry } = fakeRegistry(['backstory-person', 'backstory-place-strong', 'backstory-current', 'search-results']);
    clearLeftovers('backstory-card', backstoryHighlightNames(), document, registry);
    expect([...map.keys()]).toEqual(['search-results']);
  });

  it('knows every style of every type', () => {
    expect(backstoryHighlightNames()).toEqual(
      expect.arrayContaining(['backstory-person', 'backstory-event-underline', 'backstory-organization-strong', 'backstory-current']),
    );
  });

  it('removes old card hosts (open shadow roots) and leaves an element of that name the page made without one', () => {
    const old = document.createElement('backstory-card');
    old.attachShadow({ mode: 'open' }).append('old card');
    const pages = document.createElement('backstory-card');
    document.body.append(old, pages);
    clearLeftovers('backstory-card', [], document, fakeRegistry([]).registry);
    expect([...document.querySelectorAll('backstory-card')]).toEqual([pages]);
  });
});

describe('watchInvalidation', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A stand-in for WXT's context: invalid once `gone` is set, and notifying its listeners then. */
  function fakeContext() {
    const listeners: (() => void)[] = [];
    let gone = false;
    let notified = false;
    const ctx = {
      get isInvalid() {
        if (gone && !notified) {
          notified = true;
          listeners.forEach((l) => l());
        }
        return gone;
      },
      onInvalidated: (l: () => void) => listeners.push(l),
    };
    return { ctx, go: () => (gone = true), listeners };
  }

  it('runs the invalidation listeners within one check of the extension going, then stops checking', () => {
    vi.useFakeTimers();
    const { ctx, go } = fakeContext();
    const torn = vi.fn();
    ctx.onInvalidated(torn);
    watchInvalidation(ctx as never);
    vi.advanceTimersByTime(INVALIDATION_CHECK_MS * 3);
    expect(torn).not.toHaveBeenCalled();
    go();
    vi.advanceTimersByTime(INVALIDATION_CHECK_MS);
    expect(torn).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('quietly swallows what an API throws once the context is gone', () => {
    const after = vi.fn();
    quietly(() => {
      throw new Error('Extension context invalidated.');
    });
    quietly(after);
    expect(after).toHaveBeenCalledTimes(1);
  });
});
