// The settings a trigger keeps: `on_no_reply` needs its waiting time (at most 30 days), the tag
// triggers may name tags, the others have none (null). Checked here as well as in openapi.yaml,
// because an update may send `trigger_parameters` without `trigger_type`, and then they must
// suit the workflow's current trigger, which the schema alone cannot see.
import { isUlid } from '../../db/ids.js';
import { ValidationFailed } from '../../http/errors.js';

const UNIT_MINUTES = { minutes: 1, hours: 60, days: 60 * 24 } as const;
const MAX_MINUTES = 30 * 24 * 60;

type Unit = keyof typeof UNIT_MINUTES;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(field: string, message: string): never {
  throw new ValidationFailed({ [`trigger_parameters${field}`]: [message] });
}

function noReply(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) {
    fail('', 'The trigger parameters field is required when trigger type is on_no_reply.');
  }
  if (!isPlainObject(raw)) fail('', 'The trigger parameters field must be an object.');
  const { value, unit = 'hours', only_business_hours: onlyBusinessHours = false } = raw;
  if (value === undefined) fail('.value', 'The trigger parameters.value field is required.');
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    fail('.value', 'The trigger parameters.value field must be an integer.');
  }
  if (value < 1) fail('.value', 'The trigger parameters.value field must be at least 1.');
  if (typeof unit !== 'string' || !Object.hasOwn(UNIT_MINUTES, unit)) {
    fail('.unit', 'The selected trigger parameters.unit is invalid.');
  }
  if (typeof onlyBusinessHours !== 'boolean') {
    fail('.only_business_hours', 'The trigger parameters.only business hours field must be true or false.');
  }
  const limit = MAX_MINUTES / UNIT_MINUTES[unit as Unit];
  if (value > limit) fail('.value', `The trigger parameters.value field must not be greater than ${limit}.`);
  return { value, unit, only_business_hours: onlyBusinessHours };
}

function tagFilter(raw: unknown): Record<string, unknown> | null {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) fail('', 'The trigger parameters field must be an object.');
  if (raw.tag_ulids === undefined) return {};
  if (!Array.isArray(raw.tag_ulids)) fail('.tag_ulids', 'The trigger parameters.tag ulids field must be an array.');
  const tagUlids = raw.tag_ulids.map((item, index) => {
    if (typeof item !== 'string' || !isUlid(item)) {
      fail(`.tag_ulids.${index}`, `The trigger parameters.tag ulids.${index} field format is invalid.`);
    }
    return item.toLowerCase();
  });
  return { tag_ulids: tagUlids };
}

/** The stored settings for `triggerType` given what the request sent (undefined: nothing). */
export function triggerParametersFor(triggerType: string, raw: unknown): Record<string, unknown> | null {
  switch (triggerType) {
    case 'on_no_reply':
      return noReply(raw);
    case 'on_tag_added':
    case 'on_tag_removed':
      return tagFilter(raw);
    default:
      return null;
  }
}
