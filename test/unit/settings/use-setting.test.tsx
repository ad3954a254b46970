// @vitest-environment happy-dom
/**
 * The popup and the options page show a reader's choice at once and keep showing it while
 * storage catches up. The browser tells a view of its own writes through the same storage events
 * as every other page, and those can come after the write has resolved: a render in between (the
 * options' "Saved" line, the popup's new tab status) must not put the control's old state back,
 * or a quick second click undoes the first (what the options e2e test once met in CI).
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../extension/options/Options';
import { Popup } from '../../../extension/popup/Popup';
import {
  disabledSites,
  enabledEverywhere,
  firstMentionOnly,
  highlightStyle,
  highlightTypes,
  hoverDelayMs,
  setSiteEnabled,
} from '../../../extension/settings/items';

const HOST = 'example.com';
/** The roots of the views mounted by a test, unmounted after it (their effects stop watching). */
const roots: HTMLElement[] = [];

/** Lets every pending promise and Preact's deferred render run. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/**
 * Storage events as the views hear them, which `hold()` delays until `release()`: the view's news
 * of its own write comes late. Installed before a view mounts, as views listen from the start.
 */
function lateStorageEvents() {
  const events = fakeBrowser.storage.local.onChanged;
  const addListener = events.addListener.bind(events);
  let held: (() => void)[] | null = null;
  vi.spyOn(events, 'addListener').mockImplementation((listener: Parameters<typeof addListener>[0]) =>
    addListener((...args) => (held ? held.push(() => listener(...args)) : listener(...args))),
  );
  return {
    hold: () => void (held = []),
    release: async () => {
      const late = held ?? [];
      held = null;
      act(() => late.forEach((deliver) => deliver()));
      await settle();
    },
  };
}

/** Storage reads taken at once but answered only on `release()`: a view's first read comes late. */
function lateReads() {
  const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (...args: Parameters<typeof read>) => {
    const stored = await read(...args);
    await answered;
    return stored;
  });
  return {
    release: async () => {
      answer();
      await settle();
    },
  };
}

/**
 * Mounts a view; `rerender` makes it render again without any change of setting, as the "Saved"
 * line does in the options and a repainted tab's status in the popup.
 */
async function mount(view: 'options' | 'popup', hostname = HOST) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  let tabRepainted = () => {};
  const ui: ComponentChild =
    view === 'options' ? (
      <Options shortcuts={[]} shortcutsHelp="" />
    ) : (
      <Popup
        pack={{ version: 'test', entities: [] }}
        requestStatus={async () => ({ hostname, active: true, found: [], capped: false })}
        onTabRepainted={(callback) => {
          tabRepainted = callback;
          return () => {};
        }}
        reveal={() => {}}
        openOptions={() => {}}
      />
    );
  act(() => render(ui, root));
  await settle();
  const input = (selector: string) => root.querySelector<HTMLInputElement>(selector)!;
  const click = async (selector: string) => {
    act(() => input(selector).click());
    await settle();
  };
  const rerender = async () => {
    if (view === 'popup') tabRepainted();
    await settle();
    if (view === 'options') expect(root.querySelector('#saved')?.textContent).toMatch(/^Saved/);
  };
  return { root, input, click, rerender };
}

describe('a view of the settings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    act(() => roots.splice(0).forEach((root) => render(null, root)));
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('shows every option as stored once it has read storage', async () => {
    await highlightTypes.setValue(['organization', 'event']);
    await highlightStyle.setValue('underline');
    await firstMentionOnly.setValue(true);
    await hoverDelayMs.setValue(1000);
    const { root, input } = await mount('options');
    const checked = [...root.querySelectorAll<HTMLInputElement>('input[name="types"]:checked')].map((i) => i.value);
    expect(checked).toEqual(['organization', 'event']);
    expect(input('input[name="style"]:checked').value).toBe('underline');
    expect(input('input[name="mentions"]:checked').value).toBe('first');
    expect(input('input[name="delay"]:checked').value).toBe('1000');
  });

  it('keeps a choice made before its first read of storage came back', async () => {
    const events = lateStorageEvents();
    const reads = lateReads();
    events.hold();
    const { input, click } = await mount('options');
    await click('input[name="style"][value="underline"]');
    await reads.release();
    expect(input('input[name="style"][value="underline"]').checked, 'not the default read before the click').toBe(true);
    await events.release();
    expect(await highlightStyle.getValue()).toBe('underline');
    expect(input('input[name="style"][value="underline"]').checked).toBe(true);
  });

  it('shows the popup\'s site switch off for the site as the page reads it (a trailing dot, say)', async () => {
    await setSiteEnabled(HOST, false);
    const { input } = await mount('popup', `${HOST}.`);
    expect(input('#switch-site').checked).toBe(false);
  });

  it.each([
    {
      control: 'options: a type, off and on again',
      view: 'options' as const,
      first: 'input[name="types"][value="person"]',
      second: 'input[name="types"][value="person"]',
      stored: async () => expect(await highlightTypes.getValue()).toContain('person'),
    },
    {
      control: 'options: the style, underline then tint',
      view: 'options' as const,
      first: 'input[name="style"][value="underline"]',
      second: 'input[name="style"][value="tint"]',
      stored: async () => expect(await highlightStyle.getValue()).toBe('tint'),
    },
    {
      control: 'options: the mentions, first then every',
      view: 'options' as const,
      first: 'input[name="mentions"][value="first"]',
      second: 'input[name="mentions"][value="every"]',
      stored: async () => expect(await firstMentionOnly.getValue()).toBe(false),
    },
    {
      control: 'options: the delay, slow then quick',
      view: 'options' as const,
      first: 'input[name="delay"][value="1000"]',
      second: 'input[name="delay"][value="200"]',
      stored: async () => expect(await hoverDelayMs.getValue()).toBe(200),
    },
    {
      control: 'popup: everywhere, off and on again',
      view: 'popup' as const,
      first: '#switch-everywhere',
      second: '#switch-everywhere',
      stored: async () => expect(await enabledEverywhere.getValue()).toBe(true),
    },
    {
      control: 'popup: this site, off and on again',
      view: 'popup' as const,
      first: '#switch-site',
      second: '#switch-site',
      stored: async () => expect(await disabledSites.getValue()).toEqual([]),
    },
  ])('$control: each click shows and stores at once, before storage reports back', async (row) => {
    const events = lateStorageEvents();
    const { input, click, rerender } = await mount(row.view);
    const before = input(row.first).checked;
    events.hold();
    await click(row.first);
    await rerender();
    expect(input(row.first).checked, 'the first choice still shown').toBe(!before);
    await click(row.second);
    await events.release();
    await row.stored();
    expect(input(row.second).checked).toBe(true);
  });
});
