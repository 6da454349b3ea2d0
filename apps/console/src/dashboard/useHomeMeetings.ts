import type { MeetingView } from '@rd/contracts';
import { useGetList } from 'react-admin';
import { listRoute } from './home';

/** How many lines a meetings card shows. */
const SHOWN = 5;
const SOONEST_FIRST = { field: 'startsAt', order: 'ASC' } as const;

/** The first meetings of GET /meetings with `filter`, soonest first, and the route of their full list. */
export function useHomeMeetings(filter: Record<string, unknown>, listFilter: Record<string, unknown> = filter) {
  const { data = [], total, isPending, error } = useGetList<MeetingView>('meetings', { filter, sort: SOONEST_FIRST, pagination: { page: 1, perPage: SHOWN } });
  return { meetings: data, total, isPending, error, to: listRoute('meetings', listFilter, SOONEST_FIRST) };
}
