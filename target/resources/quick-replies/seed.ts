// Deterministic quick replies: three in workspace A, one in B.
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';

const SEED: ReadonlyArray<{ workspace: 'a' | 'b'; name: string; body: string }> = [
  {
    workspace: 'a',
    name: 'Thanks for reaching out',
    body: '<p>Hi there,</p><p>Thanks for reaching out. We are looking into it and will get back to you shortly.</p>',
  },
  {
    workspace: 'a',
    name: 'Password reset',
    body: '<p>You can reset your password from the sign-in page with the "Forgot password" link.</p>',
  },
  {
    workspace: 'a',
    name: 'Closing the loop',
    body: '<p>We have not heard back from you, so we are closing this ticket. Reply any time to reopen it.</p>',
  },
  {
    workspace: 'b',
    name: 'Welcome to Globex',
    body: '<p>Welcome! Our help team answers within one business day.</p>',
  },
];

export function seedQuickReplies(db: Database.Database, context: SeedContext): void {
  const insert = db.prepare(
    `INSERT INTO quick_replies (ulid, workspace_id, name, body, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  SEED.forEach((reply, index) => {
    const at = context.at(60 * 24 * (3 + index));
    insert.run(context.ulid(), context.workspaces[reply.workspace], reply.name, reply.body, at, at);
  });
}
