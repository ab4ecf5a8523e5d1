// The resource families in dependency order: tables are created and seeded in this order.
import type { Family } from './family.js';
import { me } from './me/index.js';
import { channels } from './channels/index.js';
import { tags } from './tags/index.js';
import { teams } from './teams/index.js';
import { members } from './members/index.js';
import { contacts } from './contacts/index.js';
import { tickets } from './tickets/index.js';
import { quickReplies } from './quick-replies/index.js';
import { savedViews } from './saved-views/index.js';
import { workflows } from './workflows/index.js';
import { brains } from './brains/index.js';

export const FAMILIES: readonly Family[] = [
  me, channels, tags, teams, members, contacts, tickets,
  quickReplies, savedViews, workflows, brains,
];
