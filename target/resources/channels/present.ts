import type { Row } from '../family.js';

export interface ChannelJson {
  id: number;
  ulid: string;
  name: string;
  type: string;
  color: string;
  email_address: string | null;
}

export function presentChannel(row: Row): ChannelJson {
  return {
    id: row.id as number,
    ulid: row.ulid as string,
    name: row.name as string,
    type: row.type as string,
    color: row.color as string,
    email_address: (row.email_address as string | null) ?? null,
  };
}
