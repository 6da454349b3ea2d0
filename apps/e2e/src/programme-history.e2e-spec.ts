import {
  COMMUNITY_IMPORT_MEDIA_TYPES,
  dateInZone,
  ProblemDetailsSchema,
  type CommunityImportReport,
  type CommunityView,
  type ContactView,
  type MeetingView,
  type OrganisationView,
  type PastReportingDayImportResult,
  type PastReportingDayView,
  type ReportSummary,
} from '@rd/contracts';
import { eventually } from '@rd/testing';
import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { e2eEnv } from './support/e2e-env';
import { api, send, tokenFor, type ApiResponse } from './support/http';

// The programme's history through the gateway, with real Keycloak tokens (docs/adr/0035-programme-history.md).

const hex = () => randomBytes(3).toString('hex');
const tomorrowInDushanbe = () => dateInZone(new Date(Date.now() + 24 * 3_600_000), 'Asia/Dushanbe');
const row = (n: number) => ({ under18: 0, from18to29: n, from30to59: n, from60: 0 });
const none = row(0);

async function newCommunity(): Promise<CommunityView> {
  const created = await api<CommunityView>('ngo.isfara', 'POST', '/communities', { name: `History ${hex()}`, districtCode: 'isfara', kind: 'village' });
  expect(created.status).toBe(201);
  return created.body;
}

function expectProblem(response: ApiResponse, status: number, field?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = ProblemDetailsSchema.parse(response.body);
  if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
}

async function upload<T>(user: string, path: string, body: string | Buffer, contentType: string = COMMUNITY_IMPORT_MEDIA_TYPES.csv): Promise<ApiResponse<T>> {
  const response = await send(`${e2eEnv().gatewayUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': contentType },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, headers: response.headers, body: (response.text ? JSON.parse(response.text) : undefined) as T };
}

const recordedFor = async (communityId: string) =>
  (await api<MeetingView[]>('ngo.isfara', 'GET', `/meetings?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ communityId, recordedAfterwards: true }))}`)).body;

const summary = async (level: 'community' | 'district', code: string, quarter: string) => {
  const response = await api<ReportSummary>('ngo.isfara', 'GET', `/reports/summary?level=${level}&code=${code}&from=${quarter}&to=${quarter}`);
  expect(response.status).toBe(200);
  return response.body;
};

/** Completes a community's onboarding checklist but for the first reporting day (a recorded past one ticks it). */
async function fillChecklist(communityId: string): Promise<void> {
  const police = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara police ${hex()}`, kind: 'district-police', districtCode: 'isfara' });
  const hukumat = await api<OrganisationView>('ngo.isfara', 'POST', '/organisations', { name: `Isfara hukumat ${hex()}`, kind: 'local-government', districtCode: 'isfara' });
  const person = async (name: string, organisationId: string) =>
    (await api<ContactView>('ngo.isfara', 'POST', '/contacts', { name, organisationId, phone: '+992927111111', preferredLanguage: 'tg', preferredChannel: 'sms', consent: true, communityIds: [communityId] })).body.id;
  const focal = await person(`Focal ${hex()}`, hukumat.body.id);
  const gov = await person(`Gov ${hex()}`, hukumat.body.id);
  const officer = await person(`Officer ${hex()}`, police.body.id);
  expect((await api('ngo.isfara', 'PATCH', `/communities/${communityId}`, { focalPointContactIds: [focal], localGovernmentContactId: gov })).status).toBe(200);
  expect((await api('police.isfara', 'POST', '/officer-assignments', { communityId, officerContactId: officer, policeUnitId: police.body.id })).status).toBe(201);
}

describe('programme history (ADR 35)', () => {
  describe('effective dates of onboarding transitions', () => {
    it('refuses an effective date in the future with 422, and nothing changes', async () => {
      const community = await newCommunity();
      const refused = await api('ngo.isfara', 'POST', `/communities/${community.id}/transitions`, { to: 'onboarding', effectiveOn: tomorrowInDushanbe() });
      expectProblem(refused, 422, 'effectiveOn');
      const after = await api<CommunityView>('ngo.isfara', 'GET', `/communities/${community.id}`);
      expect(after.body).toMatchObject({ status: 'proposed', statusEffectiveOn: null, statusHistory: [] });
    });

    it('refuses an NGO admin of another district (404) and a police officer (403)', async () => {
      const community = await newCommunity();
      expect((await api('ngo.khujand', 'POST', `/communities/${community.id}/transitions`, { to: 'onboarding', effectiveOn: '2024-01-05' })).status).toBe(404);
      expect((await api('police.isfara', 'POST', `/communities/${community.id}/transitions`, { to: 'onboarding', effectiveOn: '2024-01-05' })).status).toBe(403);
      const day = { communityId: community.id, heldOn: '2024-02-20', organisedBy: 'police', attendance: { counts: { women: row(1), men: row(1), other: none } } };
      expectProblem(await api('ngo.khujand', 'POST', '/past-reporting-days', day), 404);
      expectProblem(await api('police.isfara', 'POST', '/past-reporting-days', day), 403);
      expect(await recordedFor(community.id)).toHaveLength(0);
    });
  });

  describe('a reporting day recorded afterwards', () => {
    it('counts in the reports of its quarter for a community active since then, and is refused twice or in the future', async () => {
      const community = await newCommunity();
      const districtBefore = await summary('district', 'isfara', '2024-Q1');
      expect((await api('ngo.isfara', 'POST', `/communities/${community.id}/transitions`, { to: 'onboarding', effectiveOn: '2024-01-05' })).status).toBe(200);
      const day = {
        communityId: community.id,
        heldOn: '2024-02-20',
        organisedBy: 'police-ngo-facilitated',
        attendance: { counts: { women: row(6), men: row(5), other: none } },
        concerns: [
          { topic: 'water-and-irrigation', sensitivity: 'public', count: 3 },
          { topic: 'domestic-violence', sensitivity: 'confidential', count: 1 },
        ],
        feedback: { usefulness: [0, 0, 2, 5, 3], trust: [0, 1, 2, 4, 3], contactPoliceFirst: { yes: 7, no: 3 } },
      };
      const recorded = await api<PastReportingDayView>('ngo.isfara', 'POST', '/past-reporting-days', day);
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ heldOn: '2024-02-20', quarter: '2024-Q1', attendees: 22, concerns: 4, respondents: 10 });
      expectProblem(await api('ngo.isfara', 'POST', '/past-reporting-days', day), 409, 'heldOn');
      expectProblem(await api('ngo.isfara', 'POST', '/past-reporting-days', { ...day, heldOn: tomorrowInDushanbe() }), 422, 'heldOn');

      // The recorded day ticks "first reporting day planned"; with the rest of the checklist the community can be
      // activated as of the day it really joined.
      await fillChecklist(community.id);
      await eventually(async () => expect((await api<CommunityView>('ngo.isfara', 'GET', `/communities/${community.id}`)).body.checklist.firstReportingDayPlanned).toBe(true), 20_000, 200);
      const activated = await api<CommunityView>('coordinator', 'POST', `/communities/${community.id}/transitions`, { to: 'active', effectiveOn: '2024-01-10', reason: 'Joined with the pilot' });
      expect(activated.status).toBe(200);
      expect(activated.body).toMatchObject({ status: 'active', statusEffectiveOn: '2024-01-10' });

      await eventually(
        async () => {
          const q1 = await summary('community', community.id, '2024-Q1');
          expect(q1.measures.reportingRate).toMatchObject({ expected: 1, held: 1 });
          expect(q1.measures.attendance.total).toBe(22);
          // Expected every quarter since: 2024-Q2 is due and not held.
          expect((await summary('community', community.id, '2024-Q2')).measures.reportingRate).toMatchObject({ expected: 1, held: 0 });
        },
        30_000,
        300,
      );
      const districtAfter = await summary('district', 'isfara', '2024-Q1');
      expect(districtAfter.measures.reportingRate.held).toBe(districtBefore.measures.reportingRate.held + 1);
      expect(districtAfter.measures.attendance.total).toBe(districtBefore.measures.attendance.total + 22);

      const [meeting] = await recordedFor(community.id);
      expect(meeting).toMatchObject({ id: recorded.body.meetingId, status: 'closed', recordedAfterwards: true, quarter: '2024-Q1' });
    });
  });

  describe('the minutes of the time as a file', () => {
    const PDF = Buffer.from('%PDF-1.4\n% minutes of a reporting day in 2022\n');
    const put = async (user: string, meetingId: string, body: Buffer | string, contentType: string) =>
      send(`${e2eEnv().gatewayUrl}/meetings/${meetingId}/minutes-file`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${await tokenFor(user)}`, 'Content-Type': contentType },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });

    it('is attached to a day recorded afterwards, checked by its bytes, downloaded by minutes readers, refused elsewhere', async () => {
      const community = await newCommunity();
      const recorded = await api<PastReportingDayView>('ngo.isfara', 'POST', '/past-reporting-days', {
        communityId: community.id,
        heldOn: '2022-08-09',
        organisedBy: 'ngo',
        attendance: { counts: { women: row(2), men: row(2), other: none } },
      });
      expect(recorded.status).toBe(201);
      const id = recorded.body.meetingId;
      expect((await put('ngo.isfara', id, 'not a scan', 'application/octet-stream')).status).toBe(415);
      expect((await put('police.isfara', id, PDF, 'application/pdf')).status).toBe(403);
      expect((await put('ngo.khujand', id, PDF, 'application/pdf')).status).toBe(404);
      const stored = await put('ngo.isfara', id, PDF, 'application/octet-stream');
      expect(stored.status).toBe(200);
      expect(JSON.parse(stored.text)).toMatchObject({ meetingId: id, mediaType: 'application/pdf', sizeBytes: PDF.length });

      const download = await send(`${e2eEnv().gatewayUrl}/meetings/${id}/minutes-file`, { method: 'GET', headers: { Authorization: `Bearer ${await tokenFor('gov.isfara')}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="minutes-file-/);
      expect(download.text).toBe(PDF.toString());
      // The reviewer never sees meetings: 404, as for any object of a kind the role never reads.
      expect((await api('reviewer.sughd', 'GET', `/meetings/${id}/minutes-file`)).status).toBe(404);

      // A meeting held in the platform has its minutes there: no file of the time.
      const today = await api<MeetingView>('police.isfara', 'POST', '/meetings', {
        kind: 'local',
        communityIds: [community.id],
        districtCode: 'isfara',
        title: `Today ${hex()}`,
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        venueName: 'School',
        venueType: 'school',
        organisedBy: 'police',
      });
      expect(today.status).toBe(201);
      expect((await put('ngo.isfara', today.body.id, PDF, 'application/pdf')).status).toBe(409);
    });
  });

  describe('import from CSV and XLSX', () => {
    it('stores nothing on a dry run, reports a bad row with its line, stores nothing when a row fails, then records all', async () => {
      const community = await newCommunity();
      const header = 'community_name,district_code,held_on,organised_by,women_18to29,men_30to59,concerns_theft_public,usefulness_4,trust_5,contact_yes';
      const good = [`${community.name},isfara,2023-03-14,police,4,6,2,3,3,3`, `${community.name},isfara,15.06.2023,ngo,5,5,0,0,0,0`];
      const bad = [`${community.name},isfara,${tomorrowInDushanbe()},police,4,6,0,0,0,0`, `Nowhere ${hex()},isfara,2023-09-01,police,1,1,0,0,0,0`, `${community.name},isfara,2023-12-01,police,lots,1,0,0,0,0`];
      const csv = [header, ...good, ...bad].join('\n');

      const dryRun = await upload<CommunityImportReport>('ngo.isfara', '/past-reporting-day-imports/dry-run', csv);
      expect(dryRun.status).toBe(200);
      expect(dryRun.body).toMatchObject({ rows: 5, valid: 2 });
      expect(dryRun.body.errors.map((e) => [e.row, e.field])).toEqual([
        [4, 'heldOn'],
        [5, 'communityName'],
        [6, 'women_18to29'],
      ]);
      expect(await recordedFor(community.id)).toHaveLength(0);

      const rejected = await upload<CommunityImportReport>('ngo.isfara', '/past-reporting-day-imports', csv);
      expectProblem(rejected, 422);
      expect(rejected.body.errors.map((e) => e.row)).toEqual([4, 5, 6]);
      expect(await recordedFor(community.id)).toHaveLength(0);

      const applied = await upload<PastReportingDayImportResult>('ngo.isfara', '/past-reporting-day-imports', [header, ...good].join('\n'));
      expect(applied.status).toBe(201);
      expect(applied.body.created.map((c) => [c.row, c.heldOn, c.communityId])).toEqual([
        [2, '2023-03-14', community.id],
        [3, '2023-06-15', community.id],
      ]);
      expect((await recordedFor(community.id)).map((m) => m.quarter).sort()).toEqual(['2023-Q1', '2023-Q2']);

      // The same file again: every row is already recorded, and nothing is stored twice.
      const again = await upload<CommunityImportReport>('ngo.isfara', '/past-reporting-day-imports', [header, ...good].join('\n'));
      expectProblem(again, 422);
      expect(await recordedFor(community.id)).toHaveLength(2);
    });

    it('reads an XLSX workbook with date cells, and a community outside the caller’s districts is a row problem', async () => {
      const community = await newCommunity();
      const workbook = new Workbook();
      const sheet = workbook.addWorksheet('Days');
      sheet.addRow(['communityId', 'heldOn', 'organisedBy', 'women_30to59', 'men_30to59']);
      sheet.addRow([community.id, new Date(Date.UTC(2022, 10, 3)), 'police', 7, 8]);
      const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
      const outside = await upload<CommunityImportReport>('ngo.khujand', '/past-reporting-day-imports/dry-run', xlsx, COMMUNITY_IMPORT_MEDIA_TYPES.xlsx);
      expect(outside.status).toBe(200);
      expect(outside.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'communityId' })]);
      const applied = await upload<PastReportingDayImportResult>('ngo.isfara', '/past-reporting-day-imports', xlsx, COMMUNITY_IMPORT_MEDIA_TYPES.xlsx);
      expect(applied.status).toBe(201);
      expect(applied.body.created).toEqual([expect.objectContaining({ row: 2, heldOn: '2022-11-03' })]);
      expect(await upload('police.isfara', '/past-reporting-day-imports/dry-run', xlsx, COMMUNITY_IMPORT_MEDIA_TYPES.xlsx)).toMatchObject({ status: 403 });
    });
  });
});
