// Media types compared the way HTTP means them: case-insensitive, parameters ignored.

/** `application/json; charset=utf-8` → `application/json`; undefined when absent or empty. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence === undefined || essence === '' ? undefined : essence;
}

/** `application/json` or any `+json` suffix type. */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  return mediaType === 'application/json' || /^[a-z0-9.+-]+\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
