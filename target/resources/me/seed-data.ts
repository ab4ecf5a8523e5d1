// Fixed identity data. The tokens are exactly those of targets/local.yaml.
import type { WorkspaceRole } from '../../http/types.js';

export const WORKSPACES = [
  { id: 1, name: 'Acme Support', slug: 'acme-support' },
  { id: 2, name: 'Globex Help', slug: 'globex-help' },
  { id: 3, name: 'Initech', slug: 'initech' },
];

export interface SeedUser {
  id: number;
  name: string;
  email: string;
  timezone: string | null;
  avatar: boolean;
  /** workspace id → role */
  roles: Record<number, WorkspaceRole>;
}

const POOL_USERS: SeedUser[] = Array.from({ length: 8 }, (_, index) => ({
  id: 5 + index,
  name: `Pool Agent ${String(index + 1).padStart(2, '0')}`,
  email: `pool${index + 1}@acme.test`,
  timezone: 'UTC',
  avatar: false,
  roles: { 1: 'admin' },
}));

export const USERS: SeedUser[] = [
  { id: 1, name: 'Alice Anders', email: 'alice@acme.test', timezone: 'Europe/Brussels', avatar: true, roles: { 1: 'owner' } },
  { id: 2, name: 'Ben Baker', email: 'ben@acme.test', timezone: 'America/New_York', avatar: false, roles: { 1: 'member' } },
  { id: 3, name: 'Grace Gordon', email: 'grace@globex.test', timezone: 'Europe/London', avatar: true, roles: { 2: 'owner' } },
  { id: 4, name: 'Max Mertens', email: 'max@acme.test', timezone: null, avatar: false, roles: { 1: 'admin', 2: 'admin' } },
  ...POOL_USERS,
  { id: 13, name: 'Diego Ortiz', email: 'diego@acme.test', timezone: 'America/Mexico_City', avatar: true, roles: { 1: 'member' } },
  { id: 14, name: 'Eve Ng', email: 'eve@acme.test', timezone: 'Asia/Singapore', avatar: false, roles: { 1: 'member' } },
  { id: 15, name: 'Farah Khan', email: 'farah@acme.test', timezone: 'Asia/Karachi', avatar: false, roles: { 1: 'admin' } },
  { id: 16, name: 'Hiro Tanaka', email: 'hiro@acme.test', timezone: 'Asia/Tokyo', avatar: true, roles: { 1: 'member' } },
  { id: 17, name: 'Ivan Petrov', email: 'ivan@globex.test', timezone: 'Europe/Sofia', avatar: false, roles: { 2: 'member' } },
  { id: 18, name: 'Julia Costa', email: 'julia@globex.test', timezone: 'America/Sao_Paulo', avatar: false, roles: { 2: 'member' } },
  { id: 19, name: 'Ken Kato', email: 'ken@initech.test', timezone: 'Asia/Tokyo', avatar: false, roles: { 3: 'owner' } },
];

/** Token id, owner, plaintext (as in targets/local.yaml) and the workspaces it covers. */
export const TOKENS: Array<{ id: number; userId: number; token: string; workspaces: number[] }> = [
  { id: 1, userId: 1, token: '1|ttA7kq2Xn9PvL4mR8sW3eY6uB1cD5fG0hJ2kN4pQ', workspaces: [1] },
  { id: 2, userId: 2, token: '2|ttM3vB8nC1xZ6aS9dF2gH5jK7lQ0wE4rT1yU8iO3', workspaces: [1] },
  { id: 3, userId: 3, token: '3|ttO5pL9kJ2hG6fD1sA8zX4cV7bN3mQ0wE5rT9yU2', workspaces: [2] },
  { id: 4, userId: 4, token: '4|ttW8eR2tY6uI1oP5aS9dF3gH7jK0lZ4xC8vB2nM6', workspaces: [1, 2] },
  { id: 5, userId: 5, token: '5|ttP1aQ2bR3cS4dT5eU6fV7gW8hX9iY0jZ1kA2lB3m', workspaces: [1] },
  { id: 6, userId: 6, token: '6|ttP2bR3cS4dT5eU6fV7gW8hX9iY0jZ1kA2lB3mC4n', workspaces: [1] },
  { id: 7, userId: 7, token: '7|ttP3cS4dT5eU6fV7gW8hX9iY0jZ1kA2lB3mC4nD5o', workspaces: [1] },
  { id: 8, userId: 8, token: '8|ttP4dT5eU6fV7gW8hX9iY0jZ1kA2lB3mC4nD5oE6p', workspaces: [1] },
  { id: 9, userId: 9, token: '9|ttP5eU6fV7gW8hX9iY0jZ1kA2lB3mC4nD5oE6pF7q', workspaces: [1] },
  { id: 10, userId: 10, token: '10|ttP6fV7gW8hX9iY0jZ1kA2lB3mC4nD5oE6pF7qG8r', workspaces: [1] },
  { id: 11, userId: 11, token: '11|ttP7gW8hX9iY0jZ1kA2lB3mC4nD5oE6pF7qG8rH9s', workspaces: [1] },
  { id: 12, userId: 12, token: '12|ttP8hX9iY0jZ1kA2lB3mC4nD5oE6pF7qG8rH9sJ0t', workspaces: [1] },
];
