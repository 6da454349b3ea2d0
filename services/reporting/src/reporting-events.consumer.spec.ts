import { eventTableMismatches } from '@rd/messaging';
import { ReportingEventsConsumer } from './reporting-events.consumer';

describe(ReportingEventsConsumer.name, () => {
  it('should bind exactly the events the catalogue says reporting consumes', () => {
    const table = new ReportingEventsConsumer({} as never, {} as never).bindings();
    expect(eventTableMismatches('reporting', table)).toEqual([]);
  });
});
