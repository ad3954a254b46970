/**
 * Arrays of 32-bit integers as base64 text, little-endian: how the compiled pack carries the
 * matcher's trie and alias rows (`CompiledLayout.trie`, `aliases`) ready to use. The loader then
 * makes no pass over them: `Uint8Array.fromBase64` (Chrome 140, Firefox 133) decodes in native
 * code, where replaying the trie's numbering from per-node counts took 1.6–1.9 ms of every
 * page's start (22,000 nodes, run cold in the interpreter). Older engines, node 20 among them
 * (the tests and the command-line tools), decode through `atob`.
 */

/** The values as base64 of their little-endian bytes. */
export function int32sToBase64(values: Int32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setInt32(4 * i, values[i]!, true);
  const CHUNK = 8192; // stay far below engines' argument-count limits
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Decodes `int32sToBase64`'s text, in place: the integers are read in the machine's byte order,
 * which is little-endian on every platform browsers run on.
 */
export function int32sFromBase64(text: string): Int32Array {
  const bytes = base64Bytes(text);
  if (bytes.length % 4 !== 0) throw new Error(`matcher: ${bytes.length} bytes of base64 are not 32-bit integers`);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

type FromBase64 = (text: string) => Uint8Array;
/** `Uint8Array.fromBase64`, where the engine has it. */
const NATIVE_FROM_BASE64 = (Uint8Array as { fromBase64?: FromBase64 }).fromBase64;

/** The bytes of base64 `text`: natively where the engine can (unless `native` is false), else through `atob`. */
export function base64Bytes(text: string, native = NATIVE_FROM_BASE64 !== undefined): Uint8Array {
  if (native) return NATIVE_FROM_BASE64!.call(Uint8Array, text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
