import { eventTableMismatches } from '@rd/messaging';
import { AuditEventsConsumer } from './audit-events.consumer';

describe(AuditEventsConsumer.name, () => {
  it('should bind exactly the events the catalogue says audit consumes', () => {
    const table = new AuditEventsConsumer().bindings();
    expect(eventTableMismatches('audit', table)).toEqual([]);
  });
});
