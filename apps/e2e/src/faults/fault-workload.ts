import { getTokenResponse } from '@rd/testing';
import { randomBytes, randomUUID } from 'node:crypto';

/** What a write of the workload is, and where an independent count finds it. */
export type WriteKind = 'community' | 'meeting' | 'concern' | 'minutes' | 'feedback' | 'refusal';

export interface Attempt {
  correlationId: string;
  /** HTTP status; 0 when no answer came (connection refused or cut). */
  status: number;
  replayed: boolean;
  /** When the answer came (ms since epoch). */
  at: number;
}

export interface LedgerEntry {
  kind: WriteKind;
  /** Unique text in the write, counted in the owning service's database. */
  marker: string;
  /** The meeting a minutes or feedback write went to (its own, so its rows can be counted). */
  meetingId?: string;
  attempts: Attempt[];
  /** The deciding answer: 2xx or 4xx; undefined when none came before the workload's deadline. */
  decided?: number;
  /** Id of the record the 2xx answer created. */
  id?: string;
  /** The problem+json `code` of a deciding 4xx. */
  code?: string;
}

/** A write the platform applied: answered 2xx, or refused as already applied by an earlier attempt whose answer was lost. */
export function isAcknowledged(entry: LedgerEntry): boolean {
  return entry.decided !== undefined && (entry.decided < 300 || entry.code === 'idempotency.already-applied');
}

function problemCode(body: unknown): string | undefined {
  return body && typeof body === 'object' && 'code' in body ? String((body as { code: unknown }).code) : undefined;
}

export interface WorkloadSeeds {
  communityId: string;
  /** A held meeting that takes the workload's concerns. */
  concernMeetingId: string;
  /** A fresh held meeting for each minutes or feedback write. */
  takeHeldMeeting: () => string | undefined;
}

const RETRY_PAUSE_MS = 300;

/** Access tokens per demo user, fetched again shortly before they expire (an outage can outlast one). */
class Tokens {
  private readonly cache = new Map<string, { token: string; until: number }>();
  constructor(private readonly keycloakUrl: string) {}
  async of(user: string, fresh = false): Promise<string> {
    const cached = this.cache.get(user);
    if (cached && !fresh && cached.until > Date.now()) return cached.token;
    const response = await getTokenResponse(user, undefined, { keycloakUrl: this.keycloakUrl });
    this.cache.set(user, { token: response.access_token, until: Date.now() + (response.expires_in - 30) * 1000 });
    return response.access_token;
  }
}

/**
 * A steady mixed workload through the gateway, as a careful client sends it: every write carries an Idempotency-Key
 * and is retried with the same key while the answer is a 5xx, a 409 "still being processed" or no answer at all,
 * until a 2xx or 4xx decides it. Report reads run alongside. Every attempt is kept in the ledger with its own
 * correlation id, for the checks against the databases and the audit log.
 */
export class FaultWorkload {
  readonly ledger: LedgerEntry[] = [];
  reads = { ok: 0, failed: 0 };
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly tokens: Tokens;
  private next = 0;

  constructor(
    private readonly gatewayUrl: string,
    keycloakUrl: string,
    private readonly seeds: () => WorkloadSeeds,
    private readonly options: { concurrency: number; pauseMs: number; decideWithinMs: number },
  ) {
    this.tokens = new Tokens(keycloakUrl);
  }

  /** Starts the workers; each runs one write (or read) after another until `stop`. */
  start(label: string): void {
    this.running = true;
    for (let i = 0; i < this.options.concurrency; i += 1) this.workers.push(this.worker(label));
  }

  /** Stops starting new writes and waits until every started one is decided (or its deadline passed). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
  }

  /** Runs `count` writes of one kind at once (a burst for the relay) and waits for them. */
  async burst(label: string, kind: WriteKind, count: number): Promise<LedgerEntry[]> {
    return Promise.all(Array.from({ length: count }, () => this.write(label, kind)));
  }

  private async worker(label: string): Promise<void> {
    const kinds: (WriteKind | 'read')[] = ['community', 'meeting', 'concern', 'concern', 'minutes', 'feedback', 'refusal', 'read'];
    while (this.running) {
      const kind = kinds[this.next++ % kinds.length];
      if (kind === 'read') await this.read();
      else await this.write(label, kind);
      await sleep(this.options.pauseMs);
    }
  }

  private async read(): Promise<void> {
    const status = await this.send('reviewer.sughd', 'GET', '/reports/summary?regionCode=sughd', undefined, randomUUID()).then((r) => r.status);
    if (status === 200) this.reads.ok += 1;
    else this.reads.failed += 1;
  }

  async write(label: string, kind: WriteKind): Promise<LedgerEntry> {
    const marker = `${label}-${randomBytes(5).toString('hex')}`;
    const seeds = this.seeds();
    const entry: LedgerEntry = { kind, marker, attempts: [] };
    const request = this.requestOf(entry, seeds);
    this.ledger.push(entry);
    if (!request) return entry;
    const key = randomUUID();
    const deadline = Date.now() + this.options.decideWithinMs;
    for (;;) {
      const correlationId = randomUUID();
      const answer = await this.send(request.user, request.method, request.path, request.body, correlationId, key);
      entry.attempts.push({ correlationId, status: answer.status, replayed: answer.replayed, at: Date.now() });
      if (answer.status >= 200 && answer.status < 500 && answer.status !== 401 && problemCode(answer.body) !== 'idempotency.in-progress') {
        entry.decided = answer.status;
        entry.code = problemCode(answer.body);
        if (answer.status < 300 && answer.body && typeof answer.body === 'object' && 'id' in answer.body) entry.id = String((answer.body as { id: unknown }).id);
        return entry;
      }
      if (Date.now() > deadline) return entry;
      await sleep(RETRY_PAUSE_MS);
    }
  }

  private requestOf(entry: LedgerEntry, seeds: WorkloadSeeds): { user: string; method: string; path: string; body: unknown } | undefined {
    const { marker } = entry;
    switch (entry.kind) {
      case 'community':
        return { user: 'ngo.isfara', method: 'POST', path: '/communities', body: { name: `Fault village ${marker}`, districtCode: 'isfara', kind: 'village' } };
      case 'meeting':
        return {
          user: 'police.isfara',
          method: 'POST',
          path: '/meetings',
          body: {
            kind: 'local',
            communityIds: [seeds.communityId],
            districtCode: 'isfara',
            title: `Fault day ${marker}`,
            startsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
            venueName: 'Community centre',
            venueType: 'community-centre',
            organisedBy: 'police',
          },
        };
      case 'concern':
        return {
          user: 'police.isfara',
          method: 'POST',
          path: `/meetings/${seeds.concernMeetingId}/concerns`,
          body: { topic: 'water-and-irrigation', sensitivity: 'public', text: `Fault concern ${marker}` },
        };
      case 'minutes': {
        entry.meetingId = seeds.takeHeldMeeting();
        if (!entry.meetingId) return undefined;
        return { user: 'ngo.isfara', method: 'PUT', path: `/meetings/${entry.meetingId}/minutes`, body: { body: `# Minutes\n\nFault minutes ${marker}` } };
      }
      case 'feedback': {
        entry.meetingId = seeds.takeHeldMeeting();
        if (!entry.meetingId) return undefined;
        const response = { usefulness: 4, trustInPolice: 3, wouldContactPoliceFirst: true };
        return { user: 'ngo.isfara', method: 'POST', path: `/meetings/${entry.meetingId}/feedback`, body: [response, response, response] };
      }
      case 'refusal':
        // The regional reviewer may not create communities: a refusal the audit log must hold.
        return { user: 'reviewer.sughd', method: 'POST', path: '/communities', body: { name: `Refused village ${marker}`, districtCode: 'isfara', kind: 'village' } };
    }
  }

  private async send(
    user: string,
    method: string,
    path: string,
    body: unknown,
    correlationId: string,
    key?: string,
  ): Promise<{ status: number; replayed: boolean; body?: unknown }> {
    try {
      let token = await this.tokens.of(user);
      for (let refreshed = false; ; refreshed = true) {
        const response = await fetch(`${this.gatewayUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'x-correlation-id': correlationId,
            ...(key ? { 'idempotency-key': key } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        if (response.status === 401 && !refreshed) {
          token = await this.tokens.of(user, true);
          continue;
        }
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        return { status: response.status, replayed: response.headers.get('idempotent-replayed') === 'true', body: parsed };
      }
    } catch {
      // No answer (the gateway is down, or Keycloak did not answer for a token): the client retries.
      return { status: 0, replayed: false };
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
