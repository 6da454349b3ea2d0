import { CanAccess, Show, SimpleShowLayout, TextField, useLocaleState, useRecordContext } from 'react-admin';
import { LocationField } from '../geography/LocationField';
import { DistrictCalendarButton } from '../meetings/CalendarButton';
import type { DistrictRecord } from '../types';
import { DistrictNameField } from './DistrictNameField';
import { DistrictReport } from './DistrictReport';
import { districtName } from './districtName';

const DistrictTitle = () => {
  const record = useRecordContext<DistrictRecord>();
  const [locale] = useLocaleState();
  return <span>{districtName(record, locale)}</span>;
};

/** The district dashboard: the district itself, then its report counts for users with report:read. */
export const DistrictShow = () => (
  <Show title={<DistrictTitle />}>
    <SimpleShowLayout>
      <DistrictNameField source="name" />
      <TextField source="code" />
      <TextField source="regionCode" />
      <TextField source="countryCode" />
      <TextField source="timeZone" />
      <LocationField source="location" />
      <CanAccess resource="meetings" action="list">
        <DistrictCalendarButton />
      </CanAccess>
    </SimpleShowLayout>
    <CanAccess resource="reports" action="show">
      <DistrictReport />
    </CanAccess>
  </Show>
);
