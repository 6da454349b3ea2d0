import { createHash } from 'node:crypto';
import { SIGN_IN_SHEET_MAX_BYTES } from '@rd/contracts';
import { checkSheetSize, formatBytes, refusalKey, sha256Hex } from './signInSheet';

describe('sign-in sheet upload helpers', () => {
  it('should refuse an empty file and one over 5 MiB before sending, and let the gateway judge the rest', () => {
    expect(checkSheetSize(0)).toBe('resources.meetings.signInSheet.empty');
    expect(checkSheetSize(SIGN_IN_SHEET_MAX_BYTES + 1)).toBe('resources.meetings.signInSheet.refused.tooLarge');
    expect(checkSheetSize(SIGN_IN_SHEET_MAX_BYTES)).toBeNull();
    expect(checkSheetSize(1)).toBeNull();
    // Another file kept with a meeting (the minutes of a day recorded afterwards) says it under its own labels.
    expect(checkSheetSize(0, 'resources.past-reporting-days.minutesFile')).toBe('resources.past-reporting-days.minutesFile.empty');
    expect(refusalKey(409, 'resources.past-reporting-days.minutesFile')).toBe('resources.past-reporting-days.minutesFile.refused.notHeld');
  });

  it('should explain each refusal of the gateway by its status', () => {
    expect([403, 404, 409, 413, 415, 500, undefined].map((status) => refusalKey(status))).toEqual([
      'resources.meetings.signInSheet.refused.forbidden',
      'resources.meetings.signInSheet.refused.notFound',
      'resources.meetings.signInSheet.refused.notHeld',
      'resources.meetings.signInSheet.refused.tooLarge',
      'resources.meetings.signInSheet.refused.wrongType',
      'resources.meetings.signInSheet.refused.other',
      'resources.meetings.signInSheet.refused.other',
    ]);
  });

  it('should write sizes in B, KiB and MiB', () => {
    expect([formatBytes(68), formatBytes(1536), formatBytes(5 * 1024 * 1024)]).toEqual(['68 B', '1.5 KiB', '5.0 MiB']);
  });

  it('should hash as the gateway does (SHA-256, lower-case hex)', async () => {
    const bytes = new TextEncoder().encode('sign-in sheet');
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await expect(sha256Hex(copy)).resolves.toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
