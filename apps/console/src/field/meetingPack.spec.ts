import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { createDataProvider } from '../data/dataProvider';
import type { HttpClient } from '../data/httpClient';
import { resetFieldDbForTests } from './fieldDb';
import { buildMeetingPack, canTakeOffline, loadPack, partsOf, removePack, savePack, SURVEY_QUESTIONS } from './meetingPack';

const API = 'http://api.test/api/v1';
const NOW = Date.parse('2026-11-30T12:00:00Z');
const USER = '11111111-1111-4111-8111-111111111111';
const MEETING = 'aaaaaaaa-0000-4000-8000-000000000001';
const COMMUNITY = 'cccccccc-0000-4000-8000-000000000001';
const UNIT = 'eeeeeeee-0000-4000-8000-000000000001';
const NGO = 'eeeeeeee-0000-4000-8000-000000000002';
const OTHER_ORG = 'eeeeeeee-0000-4000-8000-000000000003';
const OFFICER = 'dddddddd-0000-4000-8000-000000000001';
const INVITEE = 'dddddddd-0000-4000-8000-000000000002';
const BRIEFING = 'bbbbbbbb-0000-4000-8000-000000000001';

const meeting = (status: string) => ({
  id: MEETING,
  title: 'Reporting day in Khoja Alo',
  status,
  communityIds: [COMMUNITY],
  regionCode: 'sughd',
  districtCode: 'isfara',
  timeZone: 'Asia/Dushanbe',
  startsAt: '2026-12-01T05:00:00Z',
  policeUnitId: UNIT,
  facilitatingOrganisationId: NGO,
  inviteeContactIds: [INVITEE],
  inviteeOrganisationIds: [NGO],
});
const agenda = {
  meetingId: MEETING,
  templateId: null,
  templateVersion: 2,
  items: [
    { id: 'i1', position: 1, kind: 'opening', title: 'Opening', briefingId: null },
    { id: 'i2', position: 2, kind: 'legal-information', title: 'Your rights', briefingId: BRIEFING },
  ],
  checklist: [{ id: 'k1', key: 'invite', title: 'Send invitations', offsetDays: -7, dueDate: '2026-11-24', done: true, doneAt: null, doneBy: null, overdue: false }],
  // As the gateway answers this reader: confidential concerns counted, never their text.
  carryOver: { concerns: [{ concernId: 'x1', text: 'Street lights', sensitivity: 'public' }], confidentialOpenCount: 2 },
  proposedStaff: [],
};
const contact = (id: string, name: string, extra: Record<string, unknown> = {}) => ({ id, name, position: 'Inspector', phone: '+992 92 000 00 00', erasedAt: null, ...extra });

/** The gateway as the data provider sees it: one answer per path, every request recorded. */
function setup(status = 'scheduled', overrides: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = {
    [`/meetings/${MEETING}`]: meeting(status),
    [`/meetings/${MEETING}/agenda`]: agenda,
    [`/communities/${COMMUNITY}`]: { id: COMMUNITY, name: 'Khoja Alo' },
    '/officer-assignments': [{ id: 'as1', communityId: COMMUNITY, officerContactId: OFFICER, policeUnitId: UNIT, current: true }],
    [`/briefings/${BRIEFING}`]: { id: BRIEFING, title: { en: 'Your rights' }, body: { en: 'You may ask for a lawyer.' }, version: 1 },
    ...overrides,
  };
  const requests: string[] = [];
  const http = (async (url: string) => {
    const parsed = new URL(url);
    const path = parsed.pathname.replace('/api/v1', '');
    requests.push(`${path}${parsed.search ? `?${decodeURIComponent(parsed.searchParams.get('filter') ?? '')}` : ''}`);
    const filter = JSON.parse(parsed.searchParams.get('filter') ?? '{}') as { id?: string[] };
    let json = answers[path];
    if (path === '/contacts') json = [contact(OFFICER, 'Officer Karimov'), contact(INVITEE, 'Jamoat head')].filter((row) => filter.id?.includes(row.id));
    if (path === '/organisations') {
      const all = [
        { id: UNIT, name: 'Isfara police' },
        { id: NGO, name: 'Safe Communities' },
        { id: OTHER_ORG, name: 'District hukumat' },
      ];
      json = filter.id ? all.filter((row) => filter.id?.includes(row.id)) : all;
    }
    if (json === undefined) throw new Error(`unexpected ${url}`);
    const headers = new Headers(Array.isArray(json) ? { 'Content-Range': `rows 0-${json.length}/${json.length}` } : {});
    return { status: 200, headers, json };
  }) as HttpClient;
  return { sut: createDataProvider(API, http), mocks: { requests } };
}

describe('buildMeetingPack', () => {
  it('should read every part of the day through the routes the meeting page uses', async () => {
    const { sut, mocks } = setup();
    const pack = await buildMeetingPack(sut, MEETING, USER, NOW);
    expect(pack).toMatchObject({ meetingId: MEETING, userId: USER, takenAt: NOW });
    const parts = partsOf(pack);
    expect(parts.meeting.title).toBe('Reporting day in Khoja Alo');
    expect(parts.agenda.items.map((item) => item.title)).toEqual(['Opening', 'Your rights']);
    expect(parts.checklist).toHaveLength(1);
    expect(parts.communities.map((row) => row.name)).toEqual(['Khoja Alo']);
    expect(parts.invitees.contacts.map((row) => row.name)).toEqual(['Jamoat head']);
    expect(parts.invitees.organisations).toEqual([{ id: NGO, name: 'Safe Communities' }]);
    expect(parts.briefings.map((row) => row.body.en)).toEqual(['You may ask for a lawyer.']);
    expect(parts.survey).toBe(SURVEY_QUESTIONS);
    expect(parts.officers).toEqual([
      { communityId: COMMUNITY, officerContactId: OFFICER, name: 'Officer Karimov', position: 'Inspector', phone: '+992 92 000 00 00', policeUnitId: UNIT, policeUnitName: 'Isfara police' },
    ]);
    // The meeting's own organisations first (to count among officials present), then the rest of the region.
    expect(parts.organisations.map((row) => row.name)).toEqual(['Isfara police', 'Safe Communities', 'District hukumat']);
    expect(mocks.requests).toEqual(
      expect.arrayContaining([`/meetings/${MEETING}/agenda`, `/officer-assignments?{"current":true,"communityId":"${COMMUNITY}"}`, '/organisations?{"regionCode":"sughd"}']),
    );
  });

  it('should keep the carry-over exactly as the gateway withheld it from this reader', async () => {
    const { sut } = setup();
    const parts = partsOf(await buildMeetingPack(sut, MEETING, USER, NOW));
    expect(parts.carryOver).toEqual({ concerns: [{ concernId: 'x1', text: 'Street lights', sensitivity: 'public' }], confidentialOpenCount: 2 });
  });

  it('should leave an erased officer off the contact card', async () => {
    const { sut } = setup('scheduled', {});
    const pack = await buildMeetingPack(
      {
        ...sut,
        getMany: async (resource, params) =>
          resource === 'contacts' ? { data: [contact(OFFICER, '', { erasedAt: '2026-11-01T00:00:00Z' })] as never[] } : sut.getMany(resource, params),
      },
      MEETING,
      USER,
      NOW,
    );
    expect(partsOf(pack).officers).toEqual([]);
  });

  it.each(['closed', 'cancelled'])('should refuse a %s meeting and read nothing more', async (status) => {
    const { sut, mocks } = setup(status);
    await expect(buildMeetingPack(sut, MEETING, USER, NOW)).rejects.toThrow('field.device.notTakeable');
    expect(mocks.requests).toEqual([`/meetings/${MEETING}`]);
  });

  it('should fail whole when one part fails, so no half pack is stored', async () => {
    const { sut } = setup('scheduled', { [`/briefings/${BRIEFING}`]: undefined });
    await expect(buildMeetingPack(sut, MEETING, USER, NOW)).rejects.toThrow(/unexpected/);
  });
});

describe('canTakeOffline', () => {
  it('should take every meeting but a cancelled or closed one', () => {
    expect(['draft', 'scheduled', 'postponed', 'held', 'closed', 'cancelled'].filter((status) => canTakeOffline(status as never))).toEqual(['draft', 'scheduled', 'postponed', 'held']);
    expect(canTakeOffline(undefined)).toBe(false);
  });
});

describe('packs on the device', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    resetFieldDbForTests();
  });

  it("should replace a pack on update, and neither read nor remove another user's", async () => {
    const other = '22222222-2222-4222-8222-222222222222';
    await savePack({ meetingId: 'm1', userId: USER, takenAt: 1, parts: {} });
    await savePack({ meetingId: 'm1', userId: USER, takenAt: 2, parts: {} });
    await expect(loadPack('m1', USER)).resolves.toMatchObject({ takenAt: 2 });
    await expect(loadPack('m1', other)).resolves.toBeNull();
    await removePack('m1', other);
    await expect(loadPack('m1', USER)).resolves.not.toBeNull();
    await removePack('m1', USER);
    await expect(loadPack('m1', USER)).resolves.toBeNull();
  });
});
