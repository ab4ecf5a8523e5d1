import type { Row } from '../family.js';
import { presentUser, type UserJson } from '../me/present.js';

export function presentMember(row: Row): UserJson & { role: string } {
  return { ...presentUser(row), role: row.role as string };
}

export function presentInvitation(row: Row): {
  id: number;
  ulid: string;
  email: string;
  name: string | null;
  role: string;
  invited_at: string;
} {
  return {
    id: row.id as number,
    ulid: row.ulid as string,
    email: row.email as string,
    name: (row.name as string | null) ?? null,
    role: row.role as string,
    invited_at: row.invited_at as string,
  };
}
