// Free text within code-point bounds. Most strings are plain ASCII words; a configurable share
// are the ones that find bugs: non-ASCII letters, emoji (surrogate pairs and multi-code-point
// sequences), right-to-left text, HTML or Markdown where the field holds it, exact boundary
// lengths, and whitespace-only strings where those are valid.

import fc from 'fast-check';
import { codePointLength, toCodePointLength } from './code-points.js';

export interface TextConstraints {
  minLength: number;
  /** `Infinity` when unbounded. */
  maxLength: number;
  /** Longest random string beyond minLength; boundaries still reach maxLength. */
  typicalLength: number;
  /** 0..1: share of unusual strings. */
  unusualShare: number;
  whitespaceOnly: boolean;
  markup: 'html' | 'markdown' | undefined;
}

const ASCII_LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const ASCII_PUNCTUATION = [...'.,-_!?\'"()@#&:;/+*%$=<>[]{}~`^|\\'];
const NON_ASCII = [...'éèêëàâäçñøåæœßÉÖÜŁłŒžšđğışÞðЖжЯяДдΩωλπ中文字日本語한국어ñÑ'];
const EMOJI = ['😀', '🎉', '👍', '🚀', '💡', '🔥', '✅', '❤️', '👩‍💻', '🇫🇷', '👍🏽', '🧑‍🤝‍🧑', '𝄞', '🀄'];
const RIGHT_TO_LEFT = [...'שלוםעולםמרחבابالعالمسلام', '\u200F'];
const WHITESPACE = [' ', ' ', ' ', '\t', '\n'];

const HTML_SNIPPETS = [
  '<p>Hello <strong>world</strong></p>',
  '<p>Line one<br>Line two</p>',
  '<script>alert("x")</script><p>after a script</p>',
  '<img src="x" onerror="alert(1)">',
  '<a href="https://example.test/?a=1&amp;b=2">a link</a>',
  '<p>Unclosed <b>bold',
  '<div dir="rtl">שלום <em>עולם</em></div>',
  '<p>Emoji 😀 and entities &lt;&gt;&amp;&quot;</p>',
  '<table><tr><td>cell</td></tr></table>',
  '<!-- a comment --><p>x</p>',
  '<p style="color:red" onclick="steal()">styled</p>',
  '<blockquote><p>On Monday, someone wrote:</p><p>quoted</p></blockquote>',
];
const MARKDOWN_SNIPPETS = [
  '# Title\n\nSome **bold** and _italic_ text.',
  '* item one\n* item two\n\n1. first\n2. second',
  '```js\nconsole.log("code");\n```',
  '[a link](https://example.test/docs?a=1&b=2) and ![img](https://example.test/i.png)',
  '> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |',
  'Text with <b>inline html</b> and a <script>alert(1)</script>',
];

const asciiUnit = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom(...ASCII_LETTERS) },
  { weight: 3, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constantFrom(...ASCII_PUNCTUATION) },
);
const nonAsciiUnit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NON_ASCII) }, { weight: 1, arbitrary: asciiUnit });
const emojiUnit = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...EMOJI) }, { weight: 1, arbitrary: asciiUnit });
const rightToLeftUnit = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RIGHT_TO_LEFT) }, { weight: 1, arbitrary: asciiUnit });
const mixedUnit = fc.oneof(
  { weight: 4, arbitrary: asciiUnit },
  { weight: 2, arbitrary: fc.constantFrom(...NON_ASCII) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 1, arbitrary: fc.constantFrom(...RIGHT_TO_LEFT) },
);

export function textArbitrary(constraints: TextConstraints): fc.Arbitrary<string> {
  const { minLength: min, maxLength: max } = constraints;
  const typicalMax = Math.min(max, min + constraints.typicalLength);
  const fit = (text: string): string => trimSafe(toCodePointLength(text, clamp(codePointLength(text), min, max)));
  const words = (unit: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.array(unit, { minLength: min, maxLength: typicalMax }).map((units) => fit(units.join('')));

  const typical = words(asciiUnit);
  const unusual: fc.Arbitrary<string>[] = [words(nonAsciiUnit), words(emojiUnit), words(rightToLeftUnit), exactLength(min)];
  // Huge boundary strings are costly to make and to send: rarer, but still there.
  if (Number.isFinite(max) && max !== min && max <= 4096) unusual.push(exactLength(max));
  if (constraints.whitespaceOnly && max >= 1) {
    const low = Math.max(1, min);
    unusual.push(fc.array(fc.constantFrom(...WHITESPACE), { minLength: low, maxLength: Math.min(max, low + 4) }).map((units) => units.join('')));
  }
  if (constraints.markup !== undefined) {
    const snippets = constraints.markup === 'html' ? HTML_SNIPPETS : MARKDOWN_SNIPPETS;
    const markup = fc.array(fc.constantFrom(...snippets), { minLength: 1, maxLength: 3 }).map((parts) => fit(parts.join('\n')));
    unusual.push(markup, markup);
  }
  const share = constraints.unusualShare;
  if (share <= 0) return typical;
  const unusualWeight = Math.max(4, Math.round((400 * share) / unusual.length));
  const typicalWeight = Math.round(400 * (1 - share));
  return fc.oneof(
    ...(typicalWeight > 0 ? [{ weight: typicalWeight, arbitrary: typical }] : []),
    ...unusual.map((arbitrary) => ({ weight: unusualWeight, arbitrary })),
    ...(Number.isFinite(max) && max > 4096 ? [{ weight: 1, arbitrary: exactLength(max) }] : []),
  );
}

/** Strings of exactly `length` code points, mixing every kind of character (emoji count once each). */
function exactLength(length: number): fc.Arbitrary<string> {
  if (length === 0) return fc.constant('');
  return fc.array(mixedUnit, { minLength: 1, maxLength: 8 }).map((units) => {
    const chunk = trimSafe(units.join('')) || 'x';
    return trimSafe(toCodePointLength(chunk, length, chunk));
  });
}

/** No leading or trailing whitespace: servers trim, and a trimmed string may fall under minLength. */
function trimSafe(text: string): string {
  const leading = /^\s/u.test(text);
  const trailing = text.length > 1 && /\s$/u.test(text);
  if (!leading && !trailing) return text;
  // Whitespace characters are single code units, so swapping one keeps the code-point length.
  const inner = text.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  return `${leading ? 'x' : ''}${inner}${trailing ? 'x' : ''}`;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

