import { eventTableMismatches } from '@rd/messaging';
import { CommunitiesEventsConsumer } from './communities-events.consumer';

describe(CommunitiesEventsConsumer.name, () => {
  it('should bind exactly the events the catalogue says communities consumes', () => {
    const table = new CommunitiesEventsConsumer({} as never).bindings();
    expect(eventTableMismatches('communities', table)).toEqual([]);
  });
});
