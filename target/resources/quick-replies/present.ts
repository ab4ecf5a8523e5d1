// A quick reply row as the contract's QuickReply object.
import type { QuickReplyRow } from './schema.js';

export function presentQuickReply(row: QuickReplyRow): Record<string, unknown> {
  return { id: row.id, ulid: row.ulid, name: row.name, body: row.body };
}
