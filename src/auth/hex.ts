/** @internal Hex encoding for the signature scheme (keys come as hex, signatures go out as hex). */

const HEX = '0123456789abcdef';

/** @internal Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4]! + HEX[b & 15]!;
  return out;
}

/** @internal Decodes a non-empty, even-length hex string (either case); `undefined` when it is not one. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = HEX.indexOf(hex[2 * i]!.toLowerCase());
    const lo = HEX.indexOf(hex[2 * i + 1]!.toLowerCase());
    if (hi < 0 || lo < 0) return undefined;
    out[i] = hi * 16 + lo;
  }
  return out;
}
