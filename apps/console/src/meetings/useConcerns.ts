import type { ConcernView, HiddenConcernCounts } from '@rd/contracts';
import { useApiQuery, useInvalidateApi } from '../data/apiQueries';
import { NO_HIDDEN, parseHidden } from './inputs';

const NONE: ConcernView[] = [];
const QUERY = new URLSearchParams({ sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, 499]), filter: '{}' });

/** The gateway path under which a meeting's concerns are cached; invalidate it after a change to them. */
export const concernsPath = (meetingId: string) => `meetings/${meetingId}/concerns`;

/**
 * The concerns of a meeting the user may read, as the gateway returns them, and how many it withholds (counts
 * per sensitivity from X-Hidden-Concerns). Nothing is filtered or revealed here: the server decides. Every panel
 * of the meeting shares the one query, so a change invalidated in one shows in all.
 */
export function useConcerns(meetingId: string | undefined, enabled: boolean) {
  const invalidate = useInvalidateApi();
  const { data, error, isFetched } = useApiQuery<ConcernView[], { concerns: ConcernView[]; hidden: HiddenConcernCounts }>(
    meetingId && enabled ? `${concernsPath(meetingId)}?${QUERY}` : null,
    { read: (concerns, headers) => ({ concerns, hidden: parseHidden(headers.get('X-Hidden-Concerns')) }) },
  );
  const reload = () => (meetingId ? invalidate(concernsPath(meetingId)) : Promise.resolve());
  return { concerns: data?.concerns ?? NONE, hidden: data?.hidden ?? NO_HIDDEN, error: error ?? null, loaded: isFetched, reload };
}
