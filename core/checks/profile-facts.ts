// The profile facts checks need, derived from a profile without its secrets. Which workspaces
// a role's token may use follows the roles of DESIGN: admin, member and the pool belong to
// workspace `a`, other to `b`, multi to every workspace of the profile.

import type { Profile } from '../profile.js';
import type { ProfileFacts } from './context.js';

export function profileFacts(profile: Pick<Profile, 'rateLimit' | 'workspaces'>): ProfileFacts {
  const { a, b } = profile.workspaces;
  const all = Object.values(profile.workspaces);
  const roleWorkspaces: Record<string, readonly number[]> = { multi: all };
  if (a !== undefined) Object.assign(roleWorkspaces, { admin: [a], member: [a], pool: [a] });
  if (b !== undefined) roleWorkspaces.other = [b];
  return {
    rateLimit: { ...profile.rateLimit },
    workspaces: { ...profile.workspaces },
    roleWorkspaces,
    memberRoles: ['member'],
  };
}
