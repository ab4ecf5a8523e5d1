import type { Row } from '../family.js';

export interface TagJson {
  id: number;
  ulid: string;
  name: string;
  color: string;
}

export function presentTag(row: Row): TagJson {
  return { id: row.id as number, ulid: row.ulid as string, name: row.name as string, color: row.color as string };
}
