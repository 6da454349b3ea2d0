import { z } from 'zod';
import { CreateCommunityInputSchema } from './community.dto';

/** Largest import file the gateway reads, in bytes. */
export const COMMUNITY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** Most data rows one import may hold (2,000 rows of JSON stay far below the 1 MB NATS payload limit). */
export const COMMUNITY_IMPORT_MAX_ROWS = 2000;
/**
 * Most bytes of parsed rows sent in one request to the communities service, below the 1 MB NATS
 * max_payload with room for the envelope (typical rows: 2,000 take ~400 KB; 2,000 worst-case rows ~1.2 MB).
 */
export const COMMUNITY_IMPORT_MAX_PAYLOAD_BYTES = 900 * 1024;
/** Media types the import route accepts; every other route stays JSON-only. */
export const COMMUNITY_IMPORT_MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * One row of an import: exactly what creating one community takes (the file's latitude and longitude
 * columns become `location`), so an import can do nothing a single create could not.
 */
export const CommunityImportRowSchema = CreateCommunityInputSchema;
export type CommunityImportRow = z.infer<typeof CommunityImportRowSchema>;

/** A row as it travels from the gateway to the communities service: its row number in the file and its data. */
export const NumberedImportRowSchema = z
  .object({
    row: z.number().int().min(1).describe('Row number in the file, as a spreadsheet shows it (the header is row 1)'),
    data: CommunityImportRowSchema,
  })
  .strict();
export type NumberedImportRow = z.infer<typeof NumberedImportRowSchema>;

export const ImportRowsSchema = z
  .object({
    rows: z.array(NumberedImportRowSchema).min(1).max(COMMUNITY_IMPORT_MAX_ROWS).describe('Rows that passed the shape checks'),
  })
  .strict();

/** One problem with one row of an import file. */
export const ImportRowErrorSchema = z.object({
  row: z.number().int().min(0).describe('Row number in the file (0 when the problem is not tied to one row)'),
  field: z.string().describe('Column, e.g. `districtCode`'),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

/** What a dry-run answers: how many rows, how many would be created, and every problem found. */
export const CommunityImportReportSchema = z.object({
  rows: z.number().int().min(0).describe('Data rows in the file'),
  valid: z.number().int().min(0).describe('Rows without any problem'),
  errors: z.array(ImportRowErrorSchema).describe('Every problem found, by row'),
});
export type CommunityImportReport = z.infer<typeof CommunityImportReportSchema>;

export const ImportedCommunitySchema = z.object({
  row: z.number().int().min(1).describe('Row number in the file'),
  id: z.string().uuid().describe('Id of the community created from the row'),
  name: z.string(),
  districtCode: z.string(),
});
export type ImportedCommunity = z.infer<typeof ImportedCommunitySchema>;

/** What a successful apply answers. */
export const CommunityImportResultSchema = z.object({
  rows: z.number().int().min(0).describe('Data rows in the file'),
  created: z.array(ImportedCommunitySchema).describe('Communities created, one per row, in file order'),
});
export type CommunityImportResult = z.infer<typeof CommunityImportResultSchema>;
