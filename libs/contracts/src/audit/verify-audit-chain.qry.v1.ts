import { z } from 'zod';
import { defineRequest } from '../message';

export const AUDIT_CHAIN_BREAK_REASONS = ['entries-missing', 'entry-altered', 'link-broken', 'anchor-mismatch'] as const;

const HashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A position in the chain and the hash of the entry there: a head recorded earlier, or where a partial check stopped. */
export const AuditChainPointSchema = z
  .object({
    seq: z.number().int().positive().describe('Position in the chain (1 = first entry)'),
    hash: HashSchema.describe('SHA-256 (hex) of the entry at that position'),
  })
  .strict();
export type AuditChainPoint = z.infer<typeof AuditChainPointSchema>;

/** The first place where the stored audit log stops matching its hash chain (docs/adr/0024-database-roles-and-audit-chain.md). */
export const AuditChainBreakSchema = z
  .object({
    seq: z.number().int().positive().describe('Position in the chain (1 = first entry) of the entry where the break shows'),
    id: z.string().uuid().nullable().describe('Id of the entry stored at that position; null when there is none (anchor-mismatch)'),
    reason: z
      .enum(AUDIT_CHAIN_BREAK_REASONS)
      .describe(
        'entries-missing: positions before this entry are absent (rows deleted); entry-altered: this entry no longer hashes to its stored hash ' +
          '(a field was edited); link-broken: its previous-hash does not match the entry before it (that one was edited and re-hashed, or replaced); ' +
          'anchor-mismatch: the entry at the `after` position is gone or has another hash than the one recorded',
      ),
    missingFrom: z.number().int().positive().nullable().describe('entries-missing: the first absent position; otherwise null'),
    detail: z.string().max(300).describe('What did not match, in words (no field values)'),
  })
  .strict();
export type AuditChainBreak = z.infer<typeof AuditChainBreakSchema>;

export const AuditChainReportSchema = z
  .object({
    ok: z.boolean().describe('True when every stored entry links to the one before it and hashes to its stored hash'),
    checked: z.number().int().min(0).describe('Entries checked in chain order (up to and including the first break)'),
    complete: z.boolean().describe('True when the check reached the newest entry (or a break); false when it stopped at `limit`: continue from `next`'),
    next: AuditChainPointSchema.nullable().describe('When not complete: the last entry checked, to pass as `after` to continue'),
    head: AuditChainPointSchema.nullable()
      .describe('The newest entry of the chain, null when the log is empty. Record it elsewhere: removing the newest entries leaves no gap behind.'),
    firstBreak: AuditChainBreakSchema.nullable().describe('The first broken link, null when ok'),
    verifiedAt: z.iso.datetime({ offset: true }).describe('When the check ran'),
  })
  .strict();
export type AuditChainReport = z.infer<typeof AuditChainReportSchema>;

export const VerifyAuditChainQryV1 = defineRequest({
  name: 'audit.qry.entry.verify.v1',
  kind: 'qry',
  owner: 'audit',
  description:
    'Recomputes the hash chain of the audit log (all of it, or from a recorded point on, up to a limit per call) and reports ok or the first broken link (a deleted, edited or replaced entry); needs audit:read (national coordinator). Read-only.',
  schema: z
    .object({
      after: AuditChainPointSchema.optional().describe(
        'Check from the entry after this point only: a head recorded earlier (its entry must still carry that hash), or the `next` of a partial check',
      ),
      limit: z.number().int().min(1).max(1_000_000).default(100_000).describe('Check at most this many entries in one call (100,000 take about 2 s on 2 cores; the gateway waits 5 s)'),
    })
    .strict(),
  reply: AuditChainReportSchema,
});
