// Values of the string formats ajv-formats checks (and a few common ones it does not), in the
// shapes real clients send. date-time comes mostly in the contract's form, a numeric offset
// and no fraction (2025-06-01T10:30:00+02:00); `Z` and fractions appear too, and a schema
// `pattern` filters out what it does not allow.

import fc from 'fast-check';
import { shared, stringMatching } from './shared-arbitraries.js';

const ULID = /^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{26}$/;
const OFFSETS_MINUTES = [0, 0, 60, 120, 330, 345, 540, 570, 840, -180, -300, -480, -720];

const dates = (): fc.Arbitrary<Date> =>
  shared('dates', () => fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2098-12-31T23:59:59Z'), noInvalidDate: true }));

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** "2025-06-01T12:30:00+02:00": the instant shown in local time at the offset. */
const offsetDateTime = (): fc.Arbitrary<string> => shared('offset-date-time', () =>
  fc.tuple(dates(), fc.constantFrom(...OFFSETS_MINUTES)).map(([date, offset]) => {
    const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
    return `${local}${offsetText(offset)}`;
  }));

const simpleEmail = (): fc.Arbitrary<string> => shared('simple-email', () => {
  const local = stringMatching(/^[a-z][a-z0-9]{1,11}(\.[a-z0-9]{1,6})?(\+[a-z0-9]{1,5})?$/);
  const domain = fc.constantFrom('example.test', 'mail.example.org', 'customer.test', 'support.example.com', 'xn--bcher-kva.example');
  return fc.tuple(local, domain).map(([name, host]) => `${name}@${host}`);
});

const webUrl = (): fc.Arbitrary<string> => shared('web-url', () => fc.webUrl({ withQueryParameters: true, withFragments: true, size: 'small' }));

/** Weighted choices for a format, or undefined for formats generated as free text. */
export function formatArbitraries(format: string): Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> | undefined {
  switch (format) {
    case 'email':
    case 'idn-email':
      return [
        { weight: 8, arbitrary: simpleEmail() },
        { weight: 1, arbitrary: shared('upper-email', () => simpleEmail().map((email) => email.toUpperCase())) },
        { weight: 1, arbitrary: shared('rfc-email', () => fc.emailAddress({ size: 'small' })) },
      ];
    case 'date-time':
      return [
        { weight: 8, arbitrary: offsetDateTime() },
        { weight: 1, arbitrary: shared('utc-date-time', () => dates().map((date) => `${date.toISOString().slice(0, 19)}Z`)) },
        { weight: 1, arbitrary: shared('fractional-date-time', () => dates().map((date) => date.toISOString())) },
      ];
    case 'date':
      return [{ weight: 1, arbitrary: shared('date', () => dates().map((date) => date.toISOString().slice(0, 10))) }];
    case 'time':
      return [{ weight: 1, arbitrary: shared('time', () => offsetDateTime().map((text) => text.slice(11))) }];
    case 'uri':
    case 'url':
    case 'iri':
      return [
        { weight: 4, arbitrary: webUrl() },
        { weight: 1, arbitrary: fc.constantFrom('https://example.test/path?q=1#frag', 'http://localhost:8080/', 'https://xn--bcher-kva.example/ä?ö=ü') },
      ];
    case 'uri-reference':
    case 'iri-reference':
      return [
        { weight: 3, arbitrary: webUrl() },
        { weight: 1, arbitrary: fc.constantFrom('/relative/path', '../up', '?q=1', '#fragment', '') },
      ];
    case 'uri-template':
      return [{ weight: 1, arbitrary: fc.constantFrom('https://example.test/{id}', '/items{?page,per_page}') }];
    case 'uuid':
      return [{ weight: 1, arbitrary: fc.uuid() }];
    case 'hostname':
    case 'idn-hostname':
      return [{ weight: 1, arbitrary: fc.domain() }];
    case 'ipv4':
      return [{ weight: 1, arbitrary: fc.ipV4() }];
    case 'ipv6':
      return [{ weight: 1, arbitrary: fc.ipV6() }];
    case 'byte':
      return [{ weight: 1, arbitrary: fc.base64String({ maxLength: 64 }) }];
    case 'duration':
      return [{ weight: 1, arbitrary: fc.constantFrom('P1D', 'PT1H30M', 'P1Y2M3DT4H5M6S', 'PT0S', 'P2W') }];
    case 'regex':
      return [{ weight: 1, arbitrary: fc.constantFrom('^a+$', '[0-9]{3}', '(foo|bar)?') }];
    case 'json-pointer':
      return [{ weight: 1, arbitrary: fc.constantFrom('', '/a/b', '/a~1b/0', '/~0tilde') }];
    case 'relative-json-pointer':
      return [{ weight: 1, arbitrary: fc.constantFrom('0', '1/a', '2#') }];
    case 'ulid':
      return [{ weight: 1, arbitrary: stringMatching(ULID) }];
    default:
      return undefined;
  }
}

/** Malformed values for a format; the caller keeps those its validator really rejects. */
export function badFormatValues(format: string): readonly string[] | undefined {
  switch (format) {
    case 'email':
    case 'idn-email':
      return ['not-an-email', 'missing-at.example.test', 'user@', '@example.test', 'user name@example.test', 'user@@example.test'];
    case 'date-time':
      return ['not-a-date', '2025-13-01T10:00:00+00:00', '2025-06-31T10:00:00+00:00', '2025-06-01 10:30:00', '2025-06-01T25:00:00+00:00', '2025-06-01'];
    case 'date':
      return ['not-a-date', '2025-02-30', '2025-13-01', '01/06/2025', '2025-6-1'];
    case 'time':
      return ['25:00:00+00:00', 'noon', '10:30'];
    case 'uri':
    case 'url':
    case 'iri':
      return ['not a uri', 'example.test/no-scheme', 'http//example.test'];
    case 'uuid':
      return ['not-a-uuid', '12345678-1234-1234-1234-12345678901', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'];
    case 'ipv4':
      return ['256.1.1.1', '1.2.3', 'a.b.c.d'];
    case 'ipv6':
      return ['1::2::3', 'gggg::1'];
    case 'hostname':
    case 'idn-hostname':
      return ['-bad-.test', 'a..b', 'under_score.test'];
    case 'duration':
      return ['1 day', 'P', 'PT'];
    default:
      return undefined;
  }
}
