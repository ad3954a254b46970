/**
 * A sample sentence painted exactly as pages will be: the same stylesheet,
 * the same Custom Highlight names, so the reader sees the chosen style and
 * types before leaving the options page.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '../dataset/pack';
import { styledHighlightName, type HighlightStyle } from '../highlight/highlight-styles';

const SAMPLE = 'Kremlin spokesman Dmitry Peskov said NATO’s answer to Russia’s security demands would come after the talks in Geneva.';

/** The words of the sample to paint, and their type. */
const SAMPLE_MENTIONS: readonly [string, EntityType][] = [
  ['Dmitry Peskov', 'person'],
  ['NATO', 'organization'],
  ['security demands', 'event'],
  ['Geneva', 'place'],
];

export function HighlightPreview({ style, types }: { style: HighlightStyle; types: readonly EntityType[] }) {
  const para = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const text = para.current?.firstChild;
    if (!text || typeof Highlight !== 'function') return undefined;
    const names: string[] = [];
    for (const type of ENTITY_TYPES) {
      if (!types.includes(type)) continue;
      const highlight = new Highlight();
      for (const [word, t] of SAMPLE_MENTIONS) {
        if (t !== type) continue;
        const range = document.createRange();
        const at = SAMPLE.indexOf(word);
        range.setStart(text, at);
        range.setEnd(text, at + word.length);
        highlight.add(range);
      }
      const name = styledHighlightName(type, style);
      CSS.highlights.set(name, highlight);
      names.push(name);
    }
    return () => names.forEach((name) => CSS.highlights.delete(name));
  }, [style, types]);
  return (
    <p class="preview" ref={para}>
      {SAMPLE}
    </p>
  );
}
