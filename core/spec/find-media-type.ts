// Which documented media type covers a Content-Type: the same type (parameters such as
// `charset` and letter case ignored), then `type/*`, then `*/*`.

/** The entry of `content` (keyed by media type) that covers `contentType`. */
export function findMediaType<T>(content: Record<string, T>, contentType: string): T | undefined {
  const wanted = essence(contentType);
  const byEssence = new Map<string, T>();
  for (const [mediaType, entry] of Object.entries(content)) {
    const key = essence(mediaType);
    if (!byEssence.has(key)) byEssence.set(key, entry);
  }
  return byEssence.get(wanted) ?? byEssence.get(`${wanted.split('/')[0]}/*`) ?? byEssence.get('*/*');
}

/** `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}
