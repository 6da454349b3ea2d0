import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';

interface Cell {
  n: number;
  usefulnessAverage: number | null;
  trustAverage: number | null;
  contactPoliceFirstShare: number | null;
}

const fmt = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** The meeting's feedback survey, aggregated. */
export const FeedbackPanel = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [overall, setOverall] = useState<Cell | null>(null);
  useEffect(() => {
    if (!record) return;
    dataProvider
      .meetingCall<{ overall: Cell }>('GET', record.id, 'feedback/summary')
      .then((summary) => setOverall(summary.overall))
      .catch(() => setOverall(null));
  }, [record, dataProvider]);
  if (!overall) return <Typography>{translate('resources.meetings.feedback.none')}</Typography>;
  return (
    <Typography data-testid="feedback-summary">
      {translate('resources.meetings.feedback.summary', {
        n: overall.n,
        usefulness: fmt(overall.usefulnessAverage),
        trust: fmt(overall.trustAverage),
        share: overall.contactPoliceFirstShare === null ? '—' : `${Math.round(overall.contactPoliceFirstShare * 100)}%`,
      })}
    </Typography>
  );
};
