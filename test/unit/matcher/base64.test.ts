import { describe, expect, it } from 'vitest';
import { base64Bytes, int32sFromBase64, int32sToBase64 } from '../../../extension/matcher/base64';

describe('32-bit integers as base64 (the compiled trie)', () => {
  it.each([
    { name: 'none', values: [] },
    { name: 'the edges of the range', values: [0, 1, -1, 2 ** 31 - 1, -(2 ** 31)] },
    { name: 'a node as the matcher holds it', values: [(1 << 24) | 5, (2 << 16) | 0x0436] },
  ])('reads back $name', ({ values }) => {
    expect([...int32sFromBase64(int32sToBase64(Int32Array.from(values)))]).toEqual(values);
  });

  it('writes little-endian bytes', () => {
    expect([...base64Bytes(int32sToBase64(Int32Array.of(0x04030201)))]).toEqual([1, 2, 3, 4]);
  });

  it("decodes through atob the bytes node's Buffer decodes (engines without Uint8Array.fromBase64, node 20 among them)", () => {
    const text = int32sToBase64(Int32Array.from({ length: 1000 }, (_, i) => Math.imul(i, 0x9e3779b1)));
    expect([...base64Bytes(text, false)]).toEqual([...Buffer.from(text, 'base64')]);
  });

  it('refuses bytes that are not whole integers', () => {
    expect(() => int32sFromBase64(btoa('abc'))).toThrow(/not 32-bit integers/);
  });
});
