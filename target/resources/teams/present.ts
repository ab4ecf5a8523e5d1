import type { Row } from '../family.js';

export interface TeamJson {
  id: number;
  ulid: string;
  name: string;
  description: string | null;
  logo_url: string | null;
  member_count: number;
}

/** Selects a team with its live member count, so `member_count` is always true. */
export const TEAM_SELECT = `SELECT teams.*, (SELECT COUNT(*) FROM team_members tm WHERE tm.team_id = teams.id) AS member_count FROM teams`;

export function presentTeam(row: Row): TeamJson {
  return {
    id: row.id as number,
    ulid: row.ulid as string,
    name: row.name as string,
    description: (row.description as string | null) ?? null,
    logo_url: (row.logo_url as string | null) ?? null,
    member_count: Number(row.member_count ?? 0),
  };
}
