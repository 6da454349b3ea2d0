import type { ConcernView, HiddenConcernCounts } from '@rd/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { NO_HIDDEN, parseHidden } from './inputs';

/**
 * The concerns of a meeting the user may read, as the gateway returns them, and how many it withholds (counts
 * per sensitivity from X-Hidden-Concerns). Nothing is filtered or revealed here: the server decides.
 */
export function useConcerns(meetingId: string | undefined, enabled: boolean) {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [concerns, setConcerns] = useState<ConcernView[]>([]);
  const [hidden, setHidden] = useState<HiddenConcernCounts>(NO_HIDDEN);
  const [error, setError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    if (!meetingId || !enabled) return;
    const query = new URLSearchParams({ sort: JSON.stringify(['createdAt', 'ASC']), range: JSON.stringify([0, 499]), filter: '{}' });
    try {
      const { json, headers } = await dataProvider.apiCall<ConcernView[]>('GET', `meetings/${meetingId}/concerns?${query}`);
      setConcerns(json);
      setHidden(parseHidden(headers.get('X-Hidden-Concerns')));
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoaded(true);
    }
  }, [dataProvider, meetingId, enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { concerns, hidden, error, loaded, reload };
}
