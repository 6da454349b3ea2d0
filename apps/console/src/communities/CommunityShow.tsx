import Grid from '@mui/material/Grid';
import {
  BooleanField,
  DateField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { LocationField } from '../geography/LocationField';
import { RecordPastDayButton } from '../history/RecordPastDayButton';
import { kindChoices, statusChoices } from './choices';
import { CommunityTitle } from './CommunityTitle';
import { DistrictReferenceField } from './DistrictReferenceField';
import { LanguagesField } from './LanguagesField';
import { OfficerRoster } from './OfficerRoster';
import { OnboardingPanel } from './OnboardingPanel';

// The edit button shows only with community:update (canAccess). Contacts and organisations link to their pages.
export const CommunityShow = () => (
  <Show title={<CommunityTitle />}>
    <Grid container spacing={2} sx={{ p: 1 }}>
      <Grid size={{ xs: 12, lg: 7 }}>
        <SimpleShowLayout>
          <TextField source="name" />
          <TextField source="code" />
          <DistrictReferenceField source="districtCode" link="show" />
          <TextField source="regionCode" />
          <SelectField source="kind" choices={kindChoices} />
          <NumberField source="population" emptyText="—" />
          <BooleanField source="borderAdjacent" />
          <LanguagesField source="languages" />
          <LocationField source="location" />
          <SelectField source="status" choices={statusChoices} />
          <ReferenceArrayField source="pairedCommunityIds" reference="communities" emptyText="—" />
          <ReferenceField source="partnerOrganisationId" reference="organisations" link="show" emptyText="—" />
          <ReferenceField source="policeUnitId" reference="organisations" link="show" emptyText="—" />
          <ReferenceField source="officerContactId" reference="contacts" link="show" emptyText="—" />
          <ReferenceArrayField source="focalPointContactIds" reference="contacts" emptyText="—" />
          <ReferenceField source="localGovernmentContactId" reference="contacts" link="show" emptyText="—" />
          <DateField source="createdAt" showTime />
          <DateField source="statusChangedAt" showTime emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <OnboardingPanel />
        <RecordPastDayButton forCommunity />
      </Grid>
      <Grid size={12}>
        <OfficerRoster />
      </Grid>
    </Grid>
  </Show>
);
