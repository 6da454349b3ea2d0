import { eventTableMismatches } from '@rd/messaging';
import { NotificationsEventsConsumer } from './notifications-events.consumer';

describe(NotificationsEventsConsumer.name, () => {
  it('should bind exactly the events the catalogue says notifications consumes', () => {
    const table = new NotificationsEventsConsumer({} as never, {} as never).bindings();
    expect(eventTableMismatches('notifications', table)).toEqual([]);
  });
});
