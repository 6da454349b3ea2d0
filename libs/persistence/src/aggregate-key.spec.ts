import { CATALOGUE, type EventDef } from '@rd/contracts';
import { AGGREGATE_ID_FIELDS, outboxAggregateKey } from './aggregate-key';

describe(outboxAggregateKey.name, () => {
  const id = '6f1c1b8e-8f8b-4c1e-9a55-0c3f7a1f0a11';

  it('should order everything in a meeting with the meeting', () => {
    expect(outboxAggregateKey('meetings.evt.concern.recorded.v1', { concernId: 'c', meetingId: id })).toBe(`meeting:${id}`);
    expect(outboxAggregateKey('meetings.evt.action.assigned.v1', { actionId: 'a', concernId: 'c', meetingId: id })).toBe(`meeting:${id}`);
  });

  it('should key an officer assignment by its community and a contact event by the contact', () => {
    expect(outboxAggregateKey('communities.evt.officer.assigned.v1', { assignmentId: 'x', communityId: id })).toBe(`community:${id}`);
    expect(outboxAggregateKey('communities.evt.contact.erased.v1', { contactId: id })).toBe(`contact:${id}`);
  });

  it('should make each audit record its own aggregate', () => {
    expect(outboxAggregateKey('audit.evt.entry.submitted.v1', { id, resourceId: 'r' })).toBe(`entry:${id}`);
  });

  it('should fall back to the subject when the payload names no aggregate', () => {
    expect(outboxAggregateKey('meetings.evt.thing.done.v1', { other: 1 })).toBe('meetings.evt.thing.done.v1');
  });

  it('should find an aggregate id field in every event of the catalogue', () => {
    const events = CATALOGUE.filter((def): def is EventDef => def.kind === 'evt');
    const unkeyed = events
      .filter((def) => {
        const shape = (def.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
        return ![...AGGREGATE_ID_FIELDS, 'id'].some((field) => field in shape);
      })
      .map((def) => def.name);
    // A new event without one would be ordered with every other event of its subject: name its aggregate instead.
    expect(unkeyed).toEqual([]);
    expect(events.length).toBeGreaterThan(20);
  });
});
