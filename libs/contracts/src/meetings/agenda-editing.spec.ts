import { randomUUID } from 'node:crypto';
import { AddAgendaItemInputSchema, MAX_AGENDA_ITEMS, MeetingAgendaViewSchema, MoveAgendaItemInputSchema } from './agenda.dto';
import { AddAgendaItemCmdV1, MoveAgendaItemCmdV1, RemoveAgendaItemCmdV1 } from './agenda.messages.v1';
import { CreateMeetingInputSchema, UpdateMeetingInputSchema } from './meeting.dto';
import { AgendaChangedEvtV1 } from './meeting-activity.evt.v1';
import { MEETING_UPDATE_FIELDS } from './meeting-updated.evt.v1';
import { TemplateVersionInputSchema, TemplateViewSchema } from './template.dto';

describe('contracts for editing a planned meeting (ADR 41)', () => {
  it('should take a new agenda item with a kind, a heading and an optional position within the agenda', () => {
    expect(AddAgendaItemInputSchema.parse({ kind: 'next-steps', title: ' Next steps ' })).toEqual({ kind: 'next-steps', title: 'Next steps' });
    expect(AddAgendaItemInputSchema.safeParse({ kind: 'next-steps', title: 'X', position: 2 }).success).toBe(true);
    for (const bad of [
      { kind: 'next-steps', title: '   ' },
      { kind: 'dance', title: 'Dance' },
      { kind: 'next-steps', title: 'X', position: 0 },
      { kind: 'next-steps', title: 'X', position: MAX_AGENDA_ITEMS + 1 },
      { kind: 'next-steps', title: 'X', briefingId: randomUUID() },
    ]) {
      expect(AddAgendaItemInputSchema.safeParse(bad).success).toBe(false);
    }
    expect(MoveAgendaItemInputSchema.safeParse({ position: 1.5 }).success).toBe(false);
    expect(MoveAgendaItemInputSchema.safeParse({}).success).toBe(false);
  });

  it('should name the commands by the subject grammar and carry the meeting and item ids', () => {
    expect([AddAgendaItemCmdV1.name, RemoveAgendaItemCmdV1.name, MoveAgendaItemCmdV1.name]).toEqual([
      'meetings.cmd.agenda.add-item.v1',
      'meetings.cmd.agenda.remove-item.v1',
      'meetings.cmd.agenda.move-item.v1',
    ]);
    expect(RemoveAgendaItemCmdV1.schema.safeParse({ meetingId: randomUUID(), itemId: 'not-an-id' }).success).toBe(false);
  });

  it('should announce an agenda change with ids, kind and positions, and refuse a title in the event', () => {
    const event = {
      meetingId: randomUUID(),
      districtCode: 'isfara',
      regionCode: 'sughd',
      change: 'item-moved',
      itemId: randomUUID(),
      kind: 'legal-information',
      position: 2,
      previousPosition: 5,
      briefingId: null,
      itemCount: 7,
      occurredAt: new Date().toISOString(),
    };
    expect(AgendaChangedEvtV1.schema.safeParse(event).success).toBe(true);
    expect(AgendaChangedEvtV1.schema.safeParse({ ...event, title: 'Water rules' }).success).toBe(false);
  });

  it('should keep guidance optional and additive on templates and on the agenda view', () => {
    const version = { agenda: [{ kind: 'security-briefing', title: 'Security briefing' }], checklist: [{ key: 'book-venue', title: 'Book a venue', offsetDays: -14 }] };
    expect(TemplateVersionInputSchema.safeParse(version).success).toBe(true);
    expect(TemplateVersionInputSchema.safeParse({ ...version, agenda: [{ ...version.agenda[0], guidance: 'Brief on the situation' }] }).success).toBe(true);
    expect(TemplateVersionInputSchema.safeParse({ ...version, agenda: [{ ...version.agenda[0], guidance: '  ' }] }).success).toBe(false);
    expect(TemplateVersionInputSchema.safeParse({ ...version, agenda: [{ ...version.agenda[0], guidance: 'x'.repeat(2001) }] }).success).toBe(false);
    // A view from before guidance existed still parses.
    expect(TemplateViewSchema.safeParse({ id: randomUUID(), key: 'reporting-day', version: 1, name: 'Reporting day', createdAt: '2026-11-24T16:00:00Z', ...version }).success).toBe(true);
    const item = { id: randomUUID(), position: 1, kind: 'security-briefing', title: 'Security briefing', briefingId: null };
    const agenda = { meetingId: randomUUID(), templateId: null, templateVersion: null, items: [item], checklist: [], carryOver: { concerns: [], confidentialOpenCount: 0 }, proposedStaff: [] };
    expect(MeetingAgendaViewSchema.safeParse(agenda).success).toBe(true);
    expect(MeetingAgendaViewSchema.parse({ ...agenda, items: [{ ...item, guidance: 'How to' }] }).items[0].guidance).toBe('How to');
  });

  it('should take venue access notes on create and update, and leave them out of meeting.updated v1', () => {
    expect(UpdateMeetingInputSchema.safeParse({ venueAccessibility: 'Ramp at the side door' }).success).toBe(true);
    expect(UpdateMeetingInputSchema.safeParse({ venueAccessibility: null }).success).toBe(true);
    expect(UpdateMeetingInputSchema.safeParse({ venueAccessibility: 'x'.repeat(501) }).success).toBe(false);
    const create = { kind: 'local', communityIds: [randomUUID()], districtCode: 'isfara', title: 'Day', startsAt: '2027-01-20T05:00:00Z', venueName: 'Hall', venueType: 'school', organisedBy: 'police' };
    expect(CreateMeetingInputSchema.parse({ ...create, venueAccessibility: 'Step-free' }).venueAccessibility).toBe('Step-free');
    expect(MEETING_UPDATE_FIELDS).not.toContain('venueAccessibility');
  });
});
