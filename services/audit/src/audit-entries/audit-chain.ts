import type { AuditChainBreak } from '@rd/contracts';
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Key of the transaction-scoped advisory lock every insert takes before it reads the chain's head: inserts are
 * serialised, so each links to the one committed before it and the chain never forks (advisory locks need no
 * privilege, so the application role can take it).
 */
export const AUDIT_CHAIN_LOCK = 0x617564_6974; // "audit"

/** Everything an entry's hash covers: its position, the previous hash and every stored field. */
export interface ChainedAuditEntry {
  seq: number;
  prevHash: string;
  id: string;
  occurredAt: Date;
  source: string;
  userId: string;
  username: string;
  roles: readonly string[];
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: string;
  httpStatus: number;
  correlationId: string;
  clientAddress: string;
  method: string;
  path: string;
  recordedAt: Date;
}

/**
 * Version 1 of the canonical form: a JSON array in a fixed order, timestamps as ISO 8601 UTC with milliseconds.
 * Never change it in place: a new form gets a new tag, and entries keep the form they were hashed with.
 */
export function canonicalAuditEntry(entry: ChainedAuditEntry): string {
  return JSON.stringify([
    'rd-audit-entry/v1',
    entry.seq,
    entry.prevHash,
    entry.id,
    entry.occurredAt.toISOString(),
    entry.source,
    entry.userId,
    entry.username,
    [...entry.roles],
    entry.action,
    entry.resourceType,
    entry.resourceId,
    entry.outcome,
    entry.httpStatus,
    entry.correlationId,
    entry.clientAddress,
    entry.method,
    entry.path,
    entry.recordedAt.toISOString(),
  ]);
}

/** SHA-256 (hex) of the canonical form. */
export function auditEntryHash(entry: ChainedAuditEntry): string {
  return createHash('sha256').update(canonicalAuditEntry(entry), 'utf8').digest('hex');
}

/** Checks stored entries handed to it in `seq` order; remembers where it is, so a caller can page through the table. */
export class AuditChainVerifier {
  private expectedSeq: number;
  private prevHash: string;
  checked = 0;
  /** The last entry that checked out. */
  last: { seq: number; hash: string } | null = null;

  /** From the start of the chain, or from the entry after a trusted point (a head recorded earlier). */
  constructor(after?: { seq: number; hash: string }) {
    this.expectedSeq = (after?.seq ?? 0) + 1;
    this.prevHash = after?.hash ?? GENESIS_HASH;
  }

  /** The break this entry shows, or undefined when it links and hashes correctly. */
  check(entry: ChainedAuditEntry & { hash: string }): AuditChainBreak | undefined {
    this.checked += 1;
    const at = { seq: entry.seq, id: entry.id };
    if (entry.seq !== this.expectedSeq) {
      return {
        ...at,
        reason: 'entries-missing',
        missingFrom: this.expectedSeq,
        detail:
          entry.seq > this.expectedSeq
            ? `positions ${this.expectedSeq}..${entry.seq - 1} are absent before this entry`
            : `position ${entry.seq} comes again after ${this.expectedSeq - 1}`,
      };
    }
    if (entry.prevHash !== this.prevHash) {
      return {
        ...at,
        reason: 'link-broken',
        missingFrom: null,
        detail: entry.seq === 1 ? 'the first entry does not start from the genesis hash' : `its previous hash is not the hash of entry ${entry.seq - 1}`,
      };
    }
    if (auditEntryHash(entry) !== entry.hash) {
      return { ...at, reason: 'entry-altered', missingFrom: null, detail: 'its fields no longer hash to its stored hash' };
    }
    this.expectedSeq = entry.seq + 1;
    this.prevHash = entry.hash;
    this.last = { seq: entry.seq, hash: entry.hash };
    return undefined;
  }
}
