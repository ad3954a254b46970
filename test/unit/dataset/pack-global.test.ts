import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACK_GLOBAL, packTexts, providePack, readPack, typesOf } from '../../../extension/dataset/pack-global';
import { loadPack } from '../../../scripts/lib/annotate-text';

const pack = loadPack().pack;

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[PACK_GLOBAL];
  vi.restoreAllMocks();
});

describe('the pack handed from pack.js to the content script', () => {
  it('parses the matcher and every entity type at once, in one go', () => {
    providePack(packTexts(pack));
    const parse = vi.spyOn(JSON, 'parse');
    const read = readPack()!;
    expect(parse).toHaveBeenCalledTimes(1);
    expect(read.version).toBe(pack.version);
    expect(read.matcher).toEqual(pack.matcher);
    const typeOf = typesOf(read);
    for (const entity of pack.entities) expect(typeOf(entity.id), entity.id).toBe(entity.type);
    expect(typeOf('no-such-entity')).toBeUndefined();
  });

  it('leaves the cards out: they stay with the background', () => {
    const texts = packTexts(pack);
    expect(Object.keys(texts)).toEqual(['core']);
    for (const entity of pack.entities) {
      expect(texts.core, entity.id).not.toContain(JSON.stringify(entity.summary));
      expect(texts.core, entity.id).not.toContain(JSON.stringify(entity.description));
    }
  });

  it('is null when pack.js left nothing or something else', () => {
    expect(readPack()).toBeNull();
    (globalThis as Record<string, unknown>)[PACK_GLOBAL] = '{"version":"x"}';
    expect(readPack()).toBeNull();
  });
});
