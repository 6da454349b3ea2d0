import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { BooleanField, NumberField, ReferenceArrayField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocationField } from '../geography/LocationField';
import { RecordPastDayButton } from '../history/RecordPastDayButton';
import { kindChoices, statusChoices } from './choices';
import { CommunityBriefings, CommunityConcerns, CommunityMeetings, CommunityRate, PlanReportingDayButton } from './CommunityActivity';
import { CommunityTitle } from './CommunityTitle';
import { DistrictReferenceField } from './DistrictReferenceField';
import { LanguagesField } from './LanguagesField';
import { OfficerRoster } from './OfficerRoster';
import { OnboardingPanel } from './OnboardingPanel';
import { LocalDateField } from '../i18n/LocalDateField';

/**
 * A community's page (issue 15): what it is and who serves it, its onboarding, its reporting days (planned and past),
 * its reporting rate over the quarters, open concerns and actions (counts only where the reader may not read them),
 * the briefings presented there, its officers, and "Plan a reporting day". Each card shows only with the permission
 * it needs; the edit button shows only with community:update (canAccess). One column on a phone.
 */
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
          <LocalDateField source="createdAt" showTime />
          <LocalDateField source="statusChangedAt" showTime emptyText="—" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, lg: 5 }}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <PlanReportingDayButton />
            <RecordPastDayButton forCommunity />
          </Stack>
          <OnboardingPanel />
          <CommunityRate />
        </Stack>
      </Grid>
      <Grid size={12}>
        <CommunityMeetings />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <CommunityConcerns />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <CommunityBriefings />
      </Grid>
      <Grid size={12}>
        <OfficerRoster />
      </Grid>
    </Grid>
  </Show>
);
