import { z } from 'zod';
import { defineRequest } from '../message';

export const AUDIT_CHAIN_BREAK_REASONS = ['entries-missing', 'entry-altered', 'link-broken'] as const;

/** The first place where the stored audit log stops matching its hash chain (docs/adr/0024-database-roles-and-audit-chain.md). */
export const AuditChainBreakSchema = z
  .object({
    seq: z.number().int().positive().describe('Position in the chain (1 = first entry) of the entry where the break shows'),
    id: z.string().uuid().describe('Id of the entry stored at that position'),
    reason: z
      .enum(AUDIT_CHAIN_BREAK_REASONS)
      .describe(
        'entries-missing: positions before this entry are absent (rows deleted); entry-altered: this entry no longer hashes to its stored hash ' +
          '(a field was edited); link-broken: its previous-hash does not match the entry before it (that one was edited and re-hashed, or replaced)',
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
    head: z
      .object({
        seq: z.number().int().positive().describe('Position of the newest entry'),
        hash: z.string().regex(/^[0-9a-f]{64}$/).describe('Its SHA-256 hash (hex)'),
      })
      .strict()
      .nullable()
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
    'Recomputes the hash chain of the whole audit log and reports ok or the first broken link (a deleted, edited or replaced entry); needs audit:read (national coordinator). Read-only.',
  schema: z.object({}).strict(),
  reply: AuditChainReportSchema,
});
