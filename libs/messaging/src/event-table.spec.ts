import { ContactErasedEvtV1, durableConsumerName, MeetingScheduledEvtV1 } from '@rd/contracts';
import { eventTable, eventTableMismatches, onEvent } from './event-table';

const noop = async () => undefined;

describe(eventTable.name, () => {
  it('should name each durable consumer from the service and the event, as EventConsumer does', () => {
    const [binding] = eventTable('reporting', [onEvent(MeetingScheduledEvtV1, noop)]);
    expect(binding).toMatchObject({
      service: 'reporting',
      event: MeetingScheduledEvtV1,
      durable: 'reporting__meeting-scheduled-v1',
    });
    expect(binding.durable).toBe(durableConsumerName('reporting', MeetingScheduledEvtV1.name));
  });

  it('should refuse an event bound twice', () => {
    expect(() => eventTable('reporting', [onEvent(MeetingScheduledEvtV1, noop), onEvent(MeetingScheduledEvtV1, noop)])).toThrow(/twice/);
  });
});

describe(eventTableMismatches.name, () => {
  it('should find nothing when the table binds exactly the events the catalogue lists for the service', () => {
    expect(eventTableMismatches('communities', eventTable('communities', [onEvent(MeetingScheduledEvtV1, noop)]))).toEqual([]);
  });

  it('should name an event the catalogue lists for the service without a binding', () => {
    expect(eventTableMismatches('communities', [])).toEqual([expect.stringContaining(`no binding for ${MeetingScheduledEvtV1.name}`)]);
  });

  it('should name a binding of an event the catalogue does not list for the service', () => {
    const table = eventTable('communities', [onEvent(MeetingScheduledEvtV1, noop), onEvent(ContactErasedEvtV1, noop)]);
    expect(eventTableMismatches('communities', table)).toEqual([expect.stringContaining(`binds ${ContactErasedEvtV1.name}`)]);
  });

  it('should name a table built for another service', () => {
    const table = eventTable('reporting', [onEvent(MeetingScheduledEvtV1, noop)]);
    expect(eventTableMismatches('communities', table)).toEqual([expect.stringContaining('belongs to reporting')]);
  });
});
