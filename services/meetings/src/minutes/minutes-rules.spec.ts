import { MinutesApprovedEvtV1 } from '@rd/contracts';
import { concernSection, decideApprove, decideApprover, decideSave, protectedLeaks, quotes, type ConcernFacts } from './minutes-rules';
import { minutesApprovedPayload } from './minutes.mapper';
import type { Minutes } from './minutes.entity';

const SECRET = 'He was beaten by border guards at the Vorukh post';
const concerns: ConcernFacts[] = [
  { topic: 'water-and-irrigation', sensitivity: 'public', text: 'PUBLIC-TEXT the canal gate is broken', answer: 'PUBLIC-ANSWER repair in May' },
  { topic: 'youth-violence', sensitivity: 'restricted', text: 'RESTRICTED-TEXT fights at the bazaar', answer: 'RESTRICTED-ANSWER patrols' },
  { topic: 'border-guards', sensitivity: 'confidential', text: SECRET, answer: 'CONFIDENTIAL-ANSWER case handed over' },
  { topic: 'water-and-irrigation', sensitivity: 'confidential', text: 'ok', answer: null },
];

describe('minutes rules', () => {
  describe('protectedLeaks', () => {
    it('should find a confidential text whatever its case, spacing and punctuation', () => {
      expect(protectedLeaks(`Notes:\n${SECRET.toUpperCase().replace(/ /g, '\n  ')}!`, concerns)).toEqual([2]);
      expect(protectedLeaks('It ended: confidential-answer, case handed over.', concerns)).toEqual([2]);
    });

    it('should find restricted text too: minutes go to local government, who may not read it', () => {
      expect(protectedLeaks('Also: restricted text, fights at the bazaar.', concerns)).toEqual([1]);
    });

    it('should find a quote with a word changed or cut short (five consecutive words of it)', () => {
      expect(protectedLeaks('Residents said a man was beaten by border guards at the post in Vorukh.', concerns)).toEqual([2]);
      expect(protectedLeaks('he was beaten by the guards at Vorukh', concerns)).toEqual([]);
    });

    it('should ignore public text and very short passages', () => {
      expect(protectedLeaks('PUBLIC-TEXT the canal gate is broken; it was ok', concerns)).toEqual([]);
      expect(quotes('that is ok', 'ok')).toBe(false);
    });
  });

  describe('concernSection', () => {
    it('should count per topic and sensitivity and show only public text', () => {
      const section = concernSection(concerns);
      expect(section.total).toBe(4);
      expect(section.bySensitivity).toEqual({ public: 1, restricted: 1, confidential: 2 });
      expect(section.byTopic.map((t) => t.topic)).toEqual(['water-and-irrigation', 'border-guards', 'youth-violence']);
      expect(section.byTopic[0]).toEqual({
        topic: 'water-and-irrigation',
        counts: { public: 1, restricted: 0, confidential: 1 },
        publicItems: [{ text: 'PUBLIC-TEXT the canal gate is broken', answer: 'PUBLIC-ANSWER repair in May' }],
      });
      const raw = JSON.stringify(section);
      for (const marker of ['RESTRICTED-', 'CONFIDENTIAL-', 'Vorukh']) expect(raw).not.toContain(marker);
    });
  });

  describe('lock', () => {
    it('should refuse edits and a second approval once approved', () => {
      expect(decideSave('approved', 'held', 3)).toMatchObject({ ok: false, reason: 'locked' });
      expect(decideApprove('approved', 'held', 3)).toMatchObject({ ok: false, reason: 'locked' });
      expect(decideSave('approved', 'closed', 3)).toMatchObject({ ok: false, reason: 'locked' });
    });

    it('should allow drafting only for a held meeting, and refuse stale edits', () => {
      expect(decideSave('none', 'held', 0)).toEqual({ ok: true });
      expect(decideSave('draft', 'held', 2, 2)).toEqual({ ok: true });
      expect(decideSave('none', 'scheduled', 0)).toMatchObject({ ok: false, reason: 'meeting-not-held' });
      expect(decideSave('draft', 'held', 2, 1)).toMatchObject({ ok: false, reason: 'stale' });
    });

    it('should approve only an existing draft of a held meeting', () => {
      expect(decideApprove('none', 'held', 0)).toMatchObject({ ok: false, reason: 'no-draft' });
      expect(decideApprove('draft', 'scheduled', 1)).toMatchObject({ ok: false, reason: 'meeting-not-held' });
      expect(decideApprove('draft', 'held', 2, 1)).toMatchObject({ ok: false, reason: 'stale' });
      expect(decideApprove('draft', 'held', 2)).toEqual({ ok: true });
    });
  });

  describe('decideApprover', () => {
    const unit = '0d9b7b43-5d1c-4a56-9d7e-00000000000a';
    const ngo = '0d9b7b43-5d1c-4a56-9d7e-00000000000b';
    const meeting = { policeUnitId: unit, facilitatingOrganisationId: ngo };

    it('should let the organising police unit and the facilitating NGO approve, and the coordinator always', () => {
      expect(decideApprover({ roles: ['police-officer'], organisationId: unit }, meeting)).toEqual({ ok: true });
      expect(decideApprover({ roles: ['ngo-admin'], organisationId: ngo }, meeting)).toEqual({ ok: true });
      expect(decideApprover({ roles: ['national-coordinator'] }, meeting)).toEqual({ ok: true });
    });

    it('should refuse a police officer of another unit, saying who approves', () => {
      const refused = decideApprover({ roles: ['police-officer'], organisationId: '0d9b7b43-5d1c-4a56-9d7e-00000000000c' }, meeting);
      expect(refused).toMatchObject({ ok: false, reason: 'not-organiser', message: expect.stringContaining('organising police unit or its facilitating NGO') });
    });

    it('should refuse an account without an organisation, saying so', () => {
      expect(decideApprover({ roles: ['ngo-admin'] }, meeting)).toMatchObject({ ok: false, reason: 'not-organiser', message: expect.stringContaining('belongs to no organisation') });
    });
  });

  describe('minutesApprovedPayload', () => {
    it('should carry recipients, counts and a path, never the body or concern text', () => {
      const meeting = {
        id: '00000000-0000-4000-8000-000000000001',
        communityIds: ['00000000-0000-4000-8000-000000000002'],
        districtCode: 'isfara',
        regionCode: 'sughd',
        quarter: '2026-Q4',
        heldAt: new Date('2026-11-20T08:00:00Z'),
        policeUnitId: '00000000-0000-4000-8000-000000000003',
        facilitatingOrganisationId: '00000000-0000-4000-8000-000000000004',
        inviteeOrganisationIds: ['00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000005'],
      };
      const minutes = { version: 2, language: 'ru', body: `BODY-MARKER ${SECRET}`, approvedAt: new Date('2026-11-22T08:00:00Z') } as Minutes;
      const payload = minutesApprovedPayload(meeting, minutes, concernSection(concerns));
      expect(MinutesApprovedEvtV1.schema.parse(payload)).toEqual(payload);
      expect(payload.recipients).toEqual([
        { organisationId: meeting.policeUnitId, kind: 'police-unit' },
        { organisationId: meeting.facilitatingOrganisationId, kind: 'facilitating-organisation' },
        { organisationId: '00000000-0000-4000-8000-000000000005', kind: 'invited-organisation' },
      ]);
      expect(payload.summary).toEqual({ concernsTotal: 4, concernsBySensitivity: { public: 1, restricted: 1, confidential: 2 }, topics: 3 });
      const raw = JSON.stringify(payload);
      for (const marker of ['BODY-MARKER', 'PUBLIC-', 'RESTRICTED-', 'CONFIDENTIAL-', 'Vorukh']) expect(raw).not.toContain(marker);
      expect(() => MinutesApprovedEvtV1.schema.parse({ ...payload, body: 'x' })).toThrow();
    });
  });
});
