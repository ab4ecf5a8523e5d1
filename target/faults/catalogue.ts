// Named deviations from the contract the target can switch on (`--faults id,...`). Each is a bug
// a real API ships, switched on at the place it would live and triggered by ordinary input (a
// length, a character class, a parameter combination, a page boundary, a route), and names the
// check id(s) of DESIGN.md that must report it. The mutation run (mutation-cli.ts) proves it.

export type FaultArea =
  | 'envelopes-and-schemas'
  | 'status-codes'
  | 'validation-body'
  | 'pagination'
  | 'filters-and-sorts'
  | 'access'
  | 'rate-limiting'
  | 'state'
  | 'robustness';

export interface Fault {
  /** Stable kebab-case id, used on the command line. */
  id: string;
  area: FaultArea;
  /** One line: what the fault breaks, and on which input. */
  description: string;
  /**
   * Check ids (DESIGN.md) that must report the deviation; any one of them firing detects it.
   * The first is the primary catcher: a budgeted mutation run runs only the specs that judge it.
   */
  catches: string[];
}

export const FAULTS: readonly Fault[] = [
  // Envelopes and schemas
  {
    id: 'contact-null-without-name',
    area: 'envelopes-and-schemas',
    description: 'A ticket whose contact has no name answers "contact": null (the presenter joins contacts on their name).',
    catches: ['response-schema'],
  },
  {
    id: 'contact-id-as-string',
    area: 'envelopes-and-schemas',
    description: 'Contact answers of /contacts carry "id" as a string ("17"), as a BIGINT column read as text would.',
    catches: ['response-schema'],
  },
  {
    id: 'message-time-without-offset',
    area: 'envelopes-and-schemas',
    description: 'Message "created_at" is written as local time without an offset (2026-01-05T09:00:00).',
    catches: ['response-schema'],
  },
  {
    id: 'contact-nulls-dropped',
    area: 'envelopes-and-schemas',
    description: 'Contact answers of /contacts drop members whose value is null (a required "notes" or "avatar_url" goes missing).',
    catches: ['response-schema'],
  },
  {
    id: 'waiting-status-renamed',
    area: 'envelopes-and-schemas',
    description: 'A ticket in status "waiting" is answered with the legacy name "pending", outside the status enum.',
    catches: ['response-schema'],
  },
  {
    id: 'channel-list-bare-array',
    area: 'envelopes-and-schemas',
    description: 'GET /channels answers a bare JSON array instead of {"data": [...]}.',
    catches: ['envelope', 'response-schema'],
  },
  {
    id: 'tag-list-with-meta',
    area: 'envelopes-and-schemas',
    description: 'GET /tags, an unpaginated list, carries "meta" and "links" from a shared list helper.',
    catches: ['envelope', 'response-schema'],
  },
  {
    id: 'tag-double-wrapped',
    area: 'envelopes-and-schemas',
    description: 'GET /tags/{tag} wraps the tag twice: {"data": {"data": {...}}}.',
    catches: ['envelope', 'response-schema'],
  },

  // Status codes
  {
    id: 'tag-create-200',
    area: 'status-codes',
    description: 'POST /tags answers 200 instead of 201 Created.',
    catches: ['status-documented'],
  },
  {
    id: 'contact-validation-400',
    area: 'status-codes',
    description: 'Invalid bodies on /contacts are refused with 400 instead of 422 (same body).',
    catches: ['negative-rejected'],
  },
  {
    id: 'method-not-allowed-500',
    area: 'status-codes',
    description: 'An unsupported method on a known path crashes into a 500 instead of a 405 with Allow.',
    catches: ['unsupported-method', 'no-server-error'],
  },

  // The 422 body
  {
    id: 'validation-errors-array',
    area: 'validation-body',
    description: 'A 422 lists its errors as an array of {field, message} objects instead of an object keyed by field.',
    catches: ['validation-error-format'],
  },
  {
    id: 'validation-message-missing',
    area: 'validation-body',
    description: 'A 422 body has "errors" but no "message".',
    catches: ['validation-error-format'],
  },
  {
    id: 'validation-keys-json-pointer',
    area: 'validation-body',
    description: 'Body errors are keyed by JSON pointer (/from_contact/email) instead of dotted field names.',
    catches: ['validation-error-fields'],
  },
  {
    id: 'query-errors-unnamed',
    area: 'validation-body',
    description: 'Query validation errors are reported under the key "query" instead of the parameter (per_page, filter.status).',
    catches: ['validation-error-fields'],
  },

  // Pagination
  {
    id: 'page-offset-off-by-one',
    area: 'pagination',
    description: 'Pages after the first start one item late, so the item at each page boundary is never listed.',
    catches: ['pagination-traversal'],
  },
  {
    id: 'ticket-total-ignores-filters',
    area: 'pagination',
    description: 'On a filtered ticket list, meta.total and last_page count every ticket of the workspace.',
    catches: ['pagination-traversal'],
  },
  {
    id: 'next-link-on-last-page',
    area: 'pagination',
    description: 'links.next is not null on the last page: it points one page past the end.',
    catches: ['pagination-links'],
  },
  {
    id: 'links-drop-filters',
    area: 'pagination',
    description: 'Pagination links keep page and per_page only, dropping every filter, search and sort parameter.',
    catches: ['pagination-links'],
  },
  {
    id: 'links-relative',
    area: 'pagination',
    description: 'Pagination links are relative paths (/api/tickets?page=2) instead of absolute URLs.',
    catches: ['pagination-links', 'response-schema'],
  },
  {
    id: 'per-page-max-not-enforced',
    area: 'pagination',
    description: 'per_page above 100 is not refused with 422: the list silently serves 100 items.',
    catches: ['pagination-bounds', 'negative-rejected'],
  },
  {
    id: 'page-past-end-repeats-last',
    area: 'pagination',
    description: 'A page past the end answers the items of the last page instead of an empty page.',
    catches: ['pagination-bounds'],
  },

  // Filters and sorts
  {
    id: 'status-filter-dropped-with-search',
    area: 'filters-and-sorts',
    description: 'filter[status] is ignored when the ticket list is also searched (filter[search] or q).',
    catches: ['filter-semantics'],
  },
  {
    id: 'closed-filter-leaks-spam',
    area: 'filters-and-sorts',
    description: 'filter[status]=closed also returns spam tickets.',
    catches: ['filter-semantics'],
  },
  {
    id: 'unassigned-one-ignored',
    area: 'filters-and-sorts',
    description: 'filter[unassigned]=1 does not filter: only the spelling "true" is read as true.',
    catches: ['filter-semantics'],
  },
  {
    id: 'contact-email-filter-ignored',
    area: 'filters-and-sorts',
    description: 'filter[email] on /contacts is accepted but ignored.',
    catches: ['filter-semantics'],
  },
  {
    id: 'contact-sort-descending-ignored',
    area: 'filters-and-sorts',
    description: 'A descending sort on /contacts (sort=-name) sorts ascending.',
    catches: ['sort-order'],
  },
  {
    id: 'ticket-default-sort-ascending',
    area: 'filters-and-sorts',
    description: 'Without sort, tickets come least recently updated first (updated_at) instead of -updated_at.',
    catches: ['sort-order'],
  },

  // Access
  {
    id: 'articles-without-auth',
    area: 'access',
    description: 'GET /brains/{brain}/articles is served without a token (the public help-centre route skips auth).',
    catches: ['auth-required'],
  },
  {
    id: 'malformed-token-500',
    area: 'access',
    description: 'A bearer token without the "|" separator crashes into a 500 instead of a 401.',
    catches: ['auth-invalid-token', 'no-server-error'],
  },
  {
    id: 'token-secret-not-checked',
    area: 'access',
    description: 'A token is found by its id part alone: "<known id>|<any secret>" is accepted.',
    catches: ['auth-invalid-token'],
  },
  {
    id: 'workspace-header-ignored',
    area: 'access',
    description: 'X-Workspace-Id is never read: every token acts in its first workspace (no 400 or 403 for the header).',
    catches: ['workspace-header'],
  },
  {
    id: 'foreign-ticket-readable',
    area: 'access',
    description: "GET /tickets/{ticket} loads the ticket by ULID alone: another workspace's ticket is readable.",
    catches: ['workspace-isolation'],
  },
  {
    id: 'contact-search-leaks-workspaces',
    area: 'access',
    description: "filter[search] on /contacts misses parentheses around its OR: other workspaces' contacts whose email matches leak in.",
    catches: ['filter-semantics', 'workspace-isolation'],
  },
  {
    id: 'member-deletes-tags',
    area: 'access',
    description: 'A plain member may DELETE /tags/{tag}, an admin-only route.',
    catches: ['role-permissions'],
  },
  {
    id: 'bad-request-error-key',
    area: 'access',
    description: 'The 400 answers (workspace header, unknown filter or sort, malformed JSON) say {"error": ...} instead of {"message": ...}.',
    catches: ['workspace-header', 'error-body'],
  },

  // Rate limiting
  {
    id: 'rate-limit-off',
    area: 'rate-limiting',
    description: 'The limiter only counts: no request is ever refused with 429.',
    catches: ['rate-limit-burst'],
  },
  {
    id: 'rate-limit-global',
    area: 'rate-limiting',
    description: 'One window is shared by every token instead of one per token.',
    catches: ['rate-limit-isolation'],
  },
  {
    id: 'retry-after-missing',
    area: 'rate-limiting',
    description: 'A 429 carries no Retry-After header.',
    catches: ['rate-limit-retry-after', 'response-headers'],
  },
  {
    id: 'retry-after-too-short',
    area: 'rate-limiting',
    description: 'Retry-After is always 1 second, whatever is left of the window.',
    catches: ['rate-limit-retry-after'],
  },
  {
    id: 'rate-remaining-frozen',
    area: 'rate-limiting',
    description: 'X-RateLimit-Remaining always shows the full limit instead of counting down.',
    catches: ['rate-limit-headers'],
  },
  {
    id: 'rate-lockout-outlasts-window',
    area: 'rate-limiting',
    description: 'A token that hit the limit stays refused for one more window after the one Retry-After names.',
    catches: ['rate-limit-recovery'],
  },
  {
    id: 'rate-headers-missing-on-errors',
    area: 'rate-limiting',
    description: 'X-RateLimit-Limit and X-RateLimit-Remaining are missing on 4xx answers.',
    catches: ['rate-limit-headers', 'response-headers'],
  },

  // State
  {
    id: 'contact-update-not-saved',
    area: 'state',
    description: 'PUT /contacts/{contact} answers the new values but never saves them.',
    catches: ['update-persisted'],
  },
  {
    id: 'quick-reply-delete-kept',
    area: 'state',
    description: 'DELETE /quick-replies/{quickReply} answers 204 but the quick reply stays readable.',
    catches: ['use-after-delete'],
  },
  {
    id: 'tag-list-cached',
    area: 'state',
    description: "GET /tags is served from a cache filled by the workspace's first read and never invalidated.",
    catches: ['create-visible-in-list'],
  },
  {
    id: 'tag-attach-not-saved',
    area: 'state',
    description: 'Attaching a tag answers the ticket with the tag, but the attachment is never written.',
    catches: ['read-after-write', 'update-persisted'],
  },
  {
    id: 'created-contact-other-ulid',
    area: 'state',
    description: 'POST /contacts answers a freshly generated ULID instead of the stored one: reading it back is a 404.',
    catches: ['read-after-write'],
  },

  // Robustness
  {
    id: 'emoji-500',
    area: 'robustness',
    description: 'A body string with a character outside the Basic Multilingual Plane (an emoji) crashes the write into a 500.',
    catches: ['no-server-error', 'positive-accepted'],
  },
  {
    id: 'max-length-500',
    area: 'robustness',
    description: 'A body string of 251 to 255 characters (valid up to 255) overflows a 250-character column: 500.',
    catches: ['no-server-error', 'positive-accepted'],
  },
  {
    id: 'page-past-end-500',
    area: 'robustness',
    description: 'A page past the end crashes into a 500 instead of an empty page.',
    catches: ['pagination-bounds', 'no-server-error'],
  },
  {
    id: 'unknown-route-html',
    area: 'robustness',
    description: 'An unknown path is answered with an HTML 404 page instead of JSON.',
    catches: ['unknown-route', 'error-body'],
  },
  {
    id: 'members-text-html',
    area: 'robustness',
    description: 'GET /members sends its JSON with Content-Type text/html.',
    catches: ['content-type'],
  },
  {
    id: 'plus-email-rejected',
    area: 'robustness',
    description: 'An email with "+" in the local part (ann+tag@example.com) is refused with 422 as invalid.',
    catches: ['positive-accepted'],
  },
];
