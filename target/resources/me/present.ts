// User and workspace objects of the contract.
import type { UserRow } from '../../http/types.js';
import type { Row } from '../family.js';

export interface UserJson {
  id: number;
  ulid: string;
  name: string;
  email: string;
  avatar_url: string | null;
  timezone: string | null;
}

export function presentUser(row: UserRow | Row): UserJson {
  return {
    id: row.id as number,
    ulid: row.ulid as string,
    name: row.name as string,
    email: row.email as string,
    avatar_url: (row.avatar_url as string | null) ?? null,
    timezone: (row.timezone as string | null) ?? null,
  };
}

export function presentWorkspace(row: Row): { id: number; ulid: string; name: string; slug: string } {
  return { id: row.id as number, ulid: row.ulid as string, name: row.name as string, slug: row.slug as string };
}
