import { eventTableMismatches } from '@rd/messaging';
import { MeetingsEventsConsumer } from './meetings-events.consumer';

describe(MeetingsEventsConsumer.name, () => {
  it('should bind exactly the events the catalogue says meetings consumes', () => {
    const table = new MeetingsEventsConsumer({} as never).bindings();
    expect(eventTableMismatches('meetings', table)).toEqual([]);
  });
});
