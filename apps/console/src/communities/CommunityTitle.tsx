import { useRecordContext, useTranslate } from 'react-admin';
import type { CommunityRecord } from '../types';

export const CommunityTitle = () => {
  const record = useRecordContext<CommunityRecord>();
  const translate = useTranslate();
  return <span>{record?.name ?? translate('resources.communities.name', { smart_count: 1 })}</span>;
};
