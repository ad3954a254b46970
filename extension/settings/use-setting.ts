/**
 * A setting as the popup and the options page show it: its stored value, then every change to it
 * (the other view, Reset, another window), plus `show`, which puts the reader's own choice on
 * screen at once. A view must not wait for the browser to report its write back: Preact sets a
 * controlled input's `checked` from state on every render, so a render in between (the "Saved"
 * line, the tab's new status) would put the control's old state back, and a quick second click
 * would then undo the first.
 */
import { useEffect, useRef, useState, type StateUpdater } from 'preact/hooks';

/** What a view needs of a setting: a WXT storage item has this shape. */
export interface FollowedSetting<T> {
  getValue(): Promise<T>;
  watch(onChange: (value: T) => void): () => void;
}

/** `setting`'s value, `initial` until read; `setting` must be the same object on every render. */
export function useSetting<T>(setting: FollowedSetting<T>, initial: T) {
  const [shown, setShown] = useState(initial);
  // Once a change or a choice is on screen, the first read may be older than it: it is dropped.
  const newerShown = useRef(false);
  const show = (next: StateUpdater<T>) => {
    newerShown.current = true;
    setShown(next);
  };
  useEffect(() => {
    newerShown.current = false;
    void setting.getValue().then((stored) => newerShown.current || setShown(stored));
    return setting.watch(show);
  }, [setting]);
  return [shown, show] as const;
}
