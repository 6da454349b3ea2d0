// react-admin's bundle pulls ESM the unit runner does not load; its hooks live in ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nContext, type I18nProvider } from 'react-admin';
import { createI18nProvider } from '../../i18n/i18nProvider';
import type { MeetingPack } from '../fieldDb';
import { FieldHold } from './FieldHold';
import { holdPartsOf } from './holdPack';

const M = '11111111-1111-4111-8111-111111111111';
const pack = (status: string, extra: Record<string, unknown> = {}): MeetingPack => ({
  meetingId: M,
  userId: 'u1',
  takenAt: 0,
  parts: {
    meeting: { id: M, title: 'Reporting day, Community A', status, kind: 'community', communityIds: [], policeUnitId: null, facilitatingOrganisationId: null, inviteeOrganisationIds: [], startsAt: '2026-12-01T05:00:00Z', timeZone: 'Asia/Dushanbe' },
    communities: [{ id: 'c1', name: 'Community A' }],
    organisations: [{ id: 'o1', name: 'District police unit' }, { id: 'bad' }, 'junk'],
    ...extra,
  },
});
let english: I18nProvider;
beforeAll(async () => {
  english = await createI18nProvider('en');
});
const render = (p: MeetingPack) =>
  renderToStaticMarkup(createElement(I18nContext.Provider, { value: english }, createElement(FieldHold, { pack: p, identity: { userId: 'u1' } })));

describe('FieldHold', () => {
  it('offers every hold-step form, and those needing a held meeting only once it is marked held', () => {
    const scheduled = render(pack('scheduled'));
    expect(scheduled).toContain('Reporting day, Community A');
    for (const section of ['held', 'attendance', 'concern', 'action', 'minutes', 'feedback', 'sheet']) expect(scheduled).toContain(`field-section-${section}`);
    expect(scheduled).toMatch(/<button[^>]*disabled=""[^>]*data-testid="field-section-attendance"/);
    expect(scheduled).not.toMatch(/<button[^>]*disabled=""[^>]*data-testid="field-section-concern"/);
    expect(scheduled).toContain('Mark the meeting held first');
    expect(render(pack('held'))).not.toMatch(/disabled=""[^>]*data-testid="field-section-attendance"/);
  });
});

describe('holdPartsOf', () => {
  it('reads the lists leniently and the attendance and minutes version the pack may hold', () => {
    const parts = holdPartsOf(pack('held', { attendance: { recordedAt: '2026-12-01T06:00:00.000Z' }, minutes: { version: 3 } }));
    expect(parts.organisations).toEqual([
      { id: 'o1', name: 'District police unit' },
      { id: 'bad', name: '' },
    ]);
    expect(parts.attendance?.recordedAt).toBe('2026-12-01T06:00:00.000Z');
    expect(parts.minutesVersion).toBe(3);
    expect(holdPartsOf(pack('scheduled'))).toMatchObject({ attendance: null, minutesVersion: null });
  });
});
