import { permissionsOf, type Permission } from '@rd/auth-core';
import { COMMUNITY_IMPORT_MAX_BYTES, COMMUNITY_IMPORT_MEDIA_TYPES, CommunityImportResultSchema, type Role } from '@rd/contracts';
import { canAccess } from '../auth/canAccess';
import { canApply, fileProblem, importMediaType, readImportAnswer } from './importFile';

const as = (...roles: Role[]): Permission[] => [...permissionsOf(roles)];
const id = '7f1c3f7e-7a0e-4a57-9a4c-7d1a3f2b9c10';

describe('import wizard', () => {
  describe(importMediaType.name, () => {
    it('should send .csv as text/csv and .xlsx as the XLSX type, whatever the case', () => {
      expect(importMediaType('Border villages.CSV')).toBe(COMMUNITY_IMPORT_MEDIA_TYPES.csv);
      expect(importMediaType('list.xlsx')).toBe(COMMUNITY_IMPORT_MEDIA_TYPES.xlsx);
      expect(importMediaType('list.xls')).toBeUndefined();
      expect(importMediaType('photo.png')).toBeUndefined();
    });
  });

  describe(fileProblem.name, () => {
    it('should stop a wrong type, an empty file and a file over the limit before sending it', () => {
      expect(fileProblem({ name: 'a.pdf', size: 10 })?.key).toBe('imports.wrongType');
      expect(fileProblem({ name: 'a.csv', size: 0 })?.key).toBe('imports.empty');
      expect(fileProblem({ name: 'a.csv', size: COMMUNITY_IMPORT_MAX_BYTES + 1 })).toEqual({ key: 'imports.tooLarge', values: { size: 2 } });
      expect(fileProblem({ name: 'a.csv', size: 100 })).toBeUndefined();
      expect(fileProblem({ name: 'a.csv', size: 2048 }, 1024)).toEqual({ key: 'imports.tooLarge', values: { size: 1 / 1024 } });
    });
  });

  describe(readImportAnswer.name, () => {
    it('should read a dry-run report, a created result and a 422 rejection with its rows', () => {
      const errors = [{ row: 3, field: 'districtCode', message: 'Unknown district "x"' }];
      expect(readImportAnswer(200, { rows: 2, valid: 1, errors }, CommunityImportResultSchema)).toEqual({ kind: 'report', report: { rows: 2, valid: 1, errors } });
      expect(readImportAnswer(201, { rows: 1, created: [{ row: 2, id, name: 'A', districtCode: 'isfara' }] }, CommunityImportResultSchema)).toMatchObject({ kind: 'applied' });
      expect(readImportAnswer(422, { type: 't', title: 'Unprocessable Entity', status: 422, detail: 'Nothing was imported', rows: 2, valid: 1, errors }, CommunityImportResultSchema)).toEqual({
        kind: 'rejected',
        report: { rows: 2, valid: 1, errors },
        message: 'Nothing was imported',
      });
    });

    it('should show the detail of any other problem (413, 415), or nothing it cannot read', () => {
      expect(readImportAnswer(415, { type: 't', title: 'Unsupported Media Type', status: 415, detail: 'The file is not CSV' }, CommunityImportResultSchema)).toMatchObject({ kind: 'problem', status: 415, problem: { detail: 'The file is not CSV' } });
      expect(readImportAnswer(502, '<html>', CommunityImportResultSchema)).toEqual({ kind: 'problem', status: 502, problem: undefined });
    });
  });

  describe(canApply.name, () => {
    it('should allow the import only after a dry-run without a single problem', () => {
      expect(canApply(undefined)).toBe(false);
      expect(canApply({ rows: 5, valid: 5, errors: [] })).toBe(true);
      expect(canApply({ rows: 5, valid: 4, errors: [{ row: 2, field: 'name', message: 'x' }] })).toBe(false);
      expect(canApply({ rows: 0, valid: 0, errors: [] })).toBe(false);
    });
  });

  describe('access', () => {
    it('should offer the wizard to those who may create communities, and not to a regional reviewer or a police officer', () => {
      expect(canAccess(as('ngo-admin'), { resource: 'community-imports', action: 'list' })).toBe(true);
      expect(canAccess(as('national-coordinator'), { resource: 'community-imports', action: 'list' })).toBe(true);
      expect(canAccess(as('regional-reviewer'), { resource: 'community-imports', action: 'list' })).toBe(false);
      expect(canAccess(as('police-officer'), { resource: 'community-imports', action: 'list' })).toBe(false);
    });
  });
});
