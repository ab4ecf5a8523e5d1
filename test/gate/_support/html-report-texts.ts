// The texts inside Playwright's HTML report: it embeds its data as a base64 zip in index.html,
// where a plain search for a token would never look. A zip's central directory says where each
// entry is and how it is stored (deflated or not); that is all this reads.

import { inflateRawSync } from 'node:zlib';

export function htmlReportTexts(html: string): string[] {
  const match = /data:application\/zip;base64,([A-Za-z0-9+/=]+)/.exec(html);
  if (match?.[1] === undefined) return [];
  const zip = Buffer.from(match[1], 'base64');
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return [];
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const texts: string[] = [];
  for (let index = 0; index < entries; index += 1) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    texts.push((method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return texts;
}
