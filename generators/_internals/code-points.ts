// JSON Schema counts string length in code points, not UTF-16 units: "😀" has length 1.

export function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count -= 1;
        i += 1;
      }
    }
  }
  return count;
}

/** The first `count` code points of `text`. */
export function firstCodePoints(text: string, count: number): string {
  if (count <= 0) return '';
  let out = '';
  let taken = 0;
  for (const char of text) {
    if (taken === count) break;
    out += char;
    taken += 1;
  }
  return out;
}

/** `text` cut or padded (by repeating `padding`) to exactly `length` code points. */
export function toCodePointLength(text: string, length: number, padding = 'x'): string {
  const current = codePointLength(text);
  if (current > length) return firstCodePoints(text, length);
  if (current === length) return text;
  const pad = padding === '' ? 'x' : padding;
  const padLength = codePointLength(pad);
  const missing = length - current;
  return text + pad.repeat(Math.floor(missing / padLength)) + firstCodePoints(pad, missing % padLength);
}
