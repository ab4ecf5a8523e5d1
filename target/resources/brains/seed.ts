// Deterministic brains: two in workspace A (three and two articles), one in B (one article).
import type Database from 'better-sqlite3';
import type { SeedContext } from '../family.js';
import { insertArticle, insertBrain } from './store.js';

interface SeedArticle {
  title: string;
  body: string;
  isPublic: boolean;
  /** Minutes after the article's creation it was last edited; null for never. */
  editedAfter: number | null;
}

interface SeedBrain {
  workspace: 'a' | 'b';
  name: string;
  additionalInstructions: string | null;
  articles: SeedArticle[];
}

const SEED: readonly SeedBrain[] = [
  {
    workspace: 'a',
    name: 'Support KB',
    additionalInstructions: 'Answer in a friendly tone and link to the relevant article.',
    articles: [
      {
        title: 'Resetting your password',
        body: '# Resetting your password\n\nUse **Forgot password** on the sign-in page; the link is valid for one hour.',
        isPublic: true,
        editedAfter: 90,
      },
      {
        title: 'Exporting your data',
        body: '# Exporting your data\n\nGo to *Settings > Export* and pick CSV or JSON.',
        isPublic: true,
        editedAfter: null,
      },
      {
        title: 'Escalation checklist',
        body: '## Before escalating\n\n1. Reproduce the problem\n2. Collect the account id\n3. Tag the ticket `escalated`',
        isPublic: false,
        editedAfter: 600,
      },
    ],
  },
  {
    workspace: 'a',
    name: 'Billing FAQ',
    additionalInstructions: null,
    articles: [
      {
        title: 'Where to find invoices',
        body: 'Invoices are listed under *Billing > Invoices* and can be downloaded as PDF.',
        isPublic: true,
        editedAfter: null,
      },
      {
        title: 'Changing the billing email',
        body: 'Owners can change the billing email under *Billing > Details*.',
        isPublic: true,
        editedAfter: 30,
      },
    ],
  },
  {
    workspace: 'b',
    name: 'Globex handbook',
    additionalInstructions: null,
    articles: [
      {
        title: 'Opening hours',
        body: 'The help desk is staffed Monday to Friday, 9:00 to 17:00 CET.',
        isPublic: true,
        editedAfter: null,
      },
    ],
  },
];

export function seedBrains(db: Database.Database, context: SeedContext): void {
  let minutes = 60 * 24 * 6;
  for (const brain of SEED) {
    const brainId = insertBrain(db, {
      ulid: context.ulid(),
      workspaceId: context.workspaces[brain.workspace],
      name: brain.name,
      additionalInstructions: brain.additionalInstructions,
      at: context.at(minutes),
    });
    for (const article of brain.articles) {
      minutes += 20;
      insertArticle(db, {
        ulid: context.ulid(),
        brainId,
        title: article.title,
        body: article.body,
        isPublic: article.isPublic,
        lastEditedAt: article.editedAfter === null ? null : context.at(minutes + article.editedAfter),
        at: context.at(minutes),
      });
    }
    minutes += 60;
  }
}
