// Teams with members: four in A (one empty), one in B.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

const TEAMS: Array<{ workspace: 'a' | 'b'; name: string; description: string | null; logo: boolean; members: number[] }> = [
  { workspace: 'a', name: 'Tier 1', description: 'First line: triage and quick answers.', logo: true, members: [1, 2, 13, 14] },
  { workspace: 'a', name: 'Tier 2', description: 'Escalations and bugs.', logo: false, members: [4, 15, 16] },
  { workspace: 'a', name: 'Billing Team', description: null, logo: false, members: [1, 15] },
  { workspace: 'a', name: 'Night Shift', description: 'Covers 22:00 to 06:00.', logo: false, members: [] },
  { workspace: 'b', name: 'Globex Agents', description: 'Everyone at Globex.', logo: true, members: [3, 17, 18] },
];

export function seedTeams(db: Database.Database, context: SeedContext): void {
  const team = db.prepare(
    'INSERT INTO teams (ulid, workspace_id, name, description, logo_url, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const member = db.prepare('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)');
  TEAMS.forEach((row, index) => {
    const slug = row.name.toLowerCase().replace(/\s+/g, '-');
    const logo = row.logo ? `https://logos.there-there.test/${slug}.png` : null;
    const result = team.run(context.ulid(), context.workspaces[row.workspace], row.name, row.description, logo, context.at(120 + index));
    for (const userId of row.members) member.run(result.lastInsertRowid, userId);
  });
}
