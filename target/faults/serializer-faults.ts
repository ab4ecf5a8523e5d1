// Faults of the response serializer: the last step before JSON, where a hand-written transformer
// turns presented objects into the wire format. Installed only when one of them is switched on,
// so the clean target has no extra hook at all.
import type { FastifyInstance } from 'fastify';
import type { ActiveFaults } from './active.js';

type Json = Record<string, unknown>;

const SERIALIZER_FAULTS = [
  'contact-null-without-name',
  'contact-id-as-string',
  'message-time-without-offset',
  'contact-nulls-dropped',
  'waiting-status-renamed',
] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The resources of a `data` member: the object itself, or the items of a list. */
function resources(payload: unknown): Json[] {
  if (!isObject(payload)) return [];
  const { data } = payload;
  if (Array.isArray(data)) return data.filter(isObject);
  return isObject(data) ? [data] : [];
}

const isTicket = (item: Json): boolean => 'number' in item && 'contact' in item;
const isMessage = (item: Json): boolean => 'body_html' in item && 'sender' in item;

function serializeTicket(ticket: Json, faults: ActiveFaults): void {
  if (faults.has('contact-null-without-name') && isObject(ticket.contact) && ticket.contact.name === null) {
    ticket.contact = null;
  }
  if (faults.has('waiting-status-renamed') && ticket.status === 'waiting') ticket.status = 'pending';
  if (faults.has('message-time-without-offset') && Array.isArray(ticket.messages)) {
    for (const message of ticket.messages.filter(isObject)) serializeMessage(message, faults);
  }
}

function serializeMessage(message: Json, faults: ActiveFaults): void {
  if (faults.has('message-time-without-offset') && typeof message.created_at === 'string') {
    message.created_at = message.created_at.replace(/[+-]\d{2}:\d{2}$/, '');
  }
}

function serializeContact(contact: Json, faults: ActiveFaults): void {
  if (faults.has('contact-id-as-string') && typeof contact.id === 'number') contact.id = String(contact.id);
  if (faults.has('contact-nulls-dropped')) {
    for (const [key, value] of Object.entries(contact)) if (value === null) delete contact[key];
  }
}

export function installSerializerFaults(app: FastifyInstance, faults: ActiveFaults): void {
  if (!SERIALIZER_FAULTS.some((id) => faults.has(id))) return;
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const route = request.routeOptions.url ?? '';
    for (const item of resources(payload)) {
      if (route.startsWith('/api/tickets') && isTicket(item)) serializeTicket(item, faults);
      else if (route.startsWith('/api/tickets') && isMessage(item)) serializeMessage(item, faults);
      else if (route.startsWith('/api/contacts')) serializeContact(item, faults);
    }
    return payload;
  });
}
