// journey (write-mix): conversations created, answered and closed under load, then everything the
// run created is cleaned up, after an interrupt or a failure too. Tickets cannot be deleted
// through the API: the run closes them (their subject carries the run id); it deletes the
// contacts it created (the reference target deletes their tickets with them) and its tag.
import { runPhase } from '../autocannon-runner.js';
import { JourneySource, type Journey } from '../journey-source.js';
import { LoadError } from '../load-error.js';
import type { RawRecord } from '../raw-record.js';
import { LoadRecorder } from '../recorder.js';
import type { RunContext } from '../run-context.js';
import type { TargetClient } from '../target-client.js';
import { plannedRate } from './planned-rate.js';

export async function runJourneys(context: RunContext, adminToken: string): Promise<RawRecord> {
  const { scenario, settings, client, runId } = context;
  const runTag = await createRunTag(client, adminToken, runId);
  const source = new JourneySource(scenario.journey, context.tokens, context.basePath, (name) => {
    if (name === 'runId') return runId;
    if (name === 'runTag') return runTag;
    return context.data[name]?.[0];
  });
  const recorder = new LoadRecorder();
  let record: RawRecord | undefined;
  context.progress.watch(`${scenario.name} (${context.size})`, recorder, settings.seconds);
  try {
    const outcome = await runPhase({
      baseUrl: context.baseUrl,
      connections: settings.connections,
      seconds: settings.seconds,
      rate: plannedRate(context, settings.rate ?? 1),
      source,
      recorder,
      timeoutSeconds: scenario.timeoutSeconds,
      signal: context.signal,
      onResponse: (completed) => source.onResponse(completed),
      onFailure: (spec) => source.onFailure(spec),
    });
    record = recorder.finish(outcome.startedAt, outcome.finishedAt, outcome.schedule);
  } finally {
    context.progress.stop();
    context.progress.say(`${scenario.name}: cleaning up what run ${runId} created`);
    const cleanup = await cleanUp(context, adminToken, source.journeys, runTag);
    recorder.count('cleanup_failures', cleanup.failures);
    recorder.count('leftover_tickets', cleanup.leftoverTickets);
    recorder.count('journeys_completed', source.journeys.filter((journey) => journey.completed).length);
    recorder.count('journeys_abandoned', source.journeys.filter((journey) => journey.abandoned).length);
    if (record) {
      record.counters = { ...record.counters, ...recorder.counters };
    }
  }
  return record;
}

async function createRunTag(client: TargetClient, token: string, runId: string): Promise<string> {
  const suffix = Math.floor(Math.random() * 36 ** 4).toString(36);
  const response = await client.politeRequest('POST', '/tags', token, { name: `load-${runId}-${suffix}`, color: '#7c3aed' });
  const ulid = (response.json as { data?: { ulid?: unknown } } | undefined)?.data?.ulid;
  if (response.status !== 201 || typeof ulid !== 'string') {
    throw new LoadError(`The write-mix set-up could not create its tag (POST /tags answered ${response.status}); the profile's admin token must be an admin of its workspace`);
  }
  return ulid;
}

interface CleanupOutcome {
  failures: number;
  leftoverTickets: number;
}

async function cleanUp(context: RunContext, adminToken: string, journeys: readonly Journey[], runTag: string): Promise<CleanupOutcome> {
  const { client, runId, notes } = context;
  let failures = 0;
  const attempt = async (what: string, method: string, path: string, body?: unknown, okStatuses = [200, 204]): Promise<void> => {
    try {
      const response = await client.politeRequest(method, path, adminToken, body);
      if (!okStatuses.includes(response.status)) {
        failures += 1;
        notes.push(`Clean-up: ${what} answered ${response.status}.`);
      }
    } catch (error) {
      failures += 1;
      notes.push(`Clean-up: ${what} failed (${error instanceof Error ? error.message : String(error)}).`);
    }
  };

  const tickets = journeys.filter((journey) => journey.captured.ticket !== undefined);
  for (const journey of tickets) {
    if (!journey.completed) await attempt(`closing ticket ${journey.captured.ticket}`, 'PUT', `/tickets/${journey.captured.ticket}/status`, { status: 'closed' });
  }
  const contacts = journeys.map((journey) => journey.captured.contact).filter((contact): contact is string => contact !== undefined);
  for (const contact of contacts) await attempt(`deleting contact ${contact}`, 'DELETE', `/contacts/${contact}`, undefined, [204, 404]);
  await attempt(`deleting tag ${runTag}`, 'DELETE', `/tags/${runTag}`, undefined, [204, 404]);

  let leftoverTickets = 0;
  try {
    const search = await client.politeRequest('GET', `/tickets?${new URLSearchParams({ 'filter[search]': runId, per_page: '1' })}`, adminToken);
    leftoverTickets = Number((search.json as { meta?: { total?: unknown } } | undefined)?.meta?.total ?? 0) || 0;
  } catch {
    leftoverTickets = tickets.length;
  }
  notes.push(
    `Created ${tickets.length} ticket(s), ${contacts.length} contact(s) and 1 tag; deleted the contacts and the tag, closed every ticket. ` +
      (leftoverTickets === 0
        ? 'No ticket of the run is left (deleting a contact removed its tickets).'
        : `${leftoverTickets} ticket(s) could not be removed (the API cannot delete tickets): they are closed and carry "${runId}" in their subject.`),
  );
  return { failures, leftoverTickets };
}
