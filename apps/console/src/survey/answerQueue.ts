/**
 * Answers not sent yet, kept on the device (localStorage) with their Idempotency-Key: offline at "Send", the answer
 * waits here and goes when the connection is back; sent twice (a lost answer), the gateway counts it once (ADR 29, 46).
 */
export interface QueuedAnswer {
  key: string;
  code: string;
  body: Record<string, unknown>;
}

export type SendOutcome = { kind: 'sent' } | { kind: 'refused'; code: string | undefined } | { kind: 'offline' };

/** POSTs one answer; a network failure or a 5xx means "try again later" (offline), a 4xx is a final refusal. */
export type AnswerSender = (answer: QueuedAnswer) => Promise<SendOutcome>;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'rd.survey.pending';

export class AnswerQueue {
  constructor(
    private readonly storage: KeyValueStore,
    private readonly send: AnswerSender,
  ) {}

  pending(): QueuedAnswer[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedAnswer[]) : [];
    } catch {
      return [];
    }
  }

  private save(answers: QueuedAnswer[]): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(answers));
  }

  /** Keeps the answer first, then tries to send it: whatever happens to the page, it is not lost. */
  async submit(answer: QueuedAnswer): Promise<SendOutcome> {
    this.save([...this.pending().filter((a) => a.key !== answer.key), answer]);
    return this.trySend(answer);
  }

  /** Sends what waits, oldest first, each with its own key; stops at the first "offline". Returns how many still wait. */
  async flush(): Promise<number> {
    for (const answer of this.pending()) {
      if ((await this.trySend(answer)).kind === 'offline') break;
    }
    return this.pending().length;
  }

  private async trySend(answer: QueuedAnswer): Promise<SendOutcome> {
    const outcome = await this.send(answer).catch((): SendOutcome => ({ kind: 'offline' }));
    // Sent, or refused for good (closed, full, slip used): either way it is not sent again.
    if (outcome.kind !== 'offline') this.save(this.pending().filter((a) => a.key !== answer.key));
    return outcome;
  }
}

/** The gateway's public answer route. */
export function httpAnswerSender(apiUrl: string, fetchFn: typeof fetch = fetch): AnswerSender {
  return async (answer) => {
    const response = await fetchFn(`${apiUrl}/public/surveys/${encodeURIComponent(answer.code)}/answers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': answer.key },
      body: JSON.stringify(answer.body),
    });
    if (response.ok) return { kind: 'sent' };
    // 409 in progress, 429 and 5xx: the same key later.
    if (response.status >= 500 || response.status === 429 || response.status === 408) return { kind: 'offline' };
    const problem = (await response.json().catch(() => ({}))) as { code?: string };
    if (problem.code === 'idempotency.in-progress') return { kind: 'offline' };
    return { kind: 'refused', code: problem.code };
  };
}
