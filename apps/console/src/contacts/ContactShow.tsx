import Alert from '@mui/material/Alert';
import { EditButton, EmailField, Labeled, ReferenceArrayField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DistrictReferenceField } from '../communities/DistrictReferenceField';
import { UserNameField } from '../directory/UserName';
import type { ContactRecord } from '../types';
import { channelChoices, contactLanguageChoices } from './choices';
import { CardConsentPanel } from './CardConsentPanel';
import { ConsentToggle } from './ConsentToggle';
import { EraseButton } from './EraseButton';
import { LocalDateField } from '../i18n/LocalDateField';
import { formatDate } from '../i18n/dates';

const ContactTitle = () => {
  const record = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  return <span>{record?.name || translate('resources.contacts.erased')}</span>;
};

// An erased contact can no longer be edited: nothing personal is left to change.
const ContactActions = () => {
  const record = useRecordContext<ContactRecord>();
  return (
    <TopToolbar>
      {record && !record.erasedAt && <EditButton />}
      <EraseButton />
    </TopToolbar>
  );
};

const ErasedNotice = () => {
  const record = useRecordContext<ContactRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.erasedAt) return null;
  return (
    <Alert severity="info" data-testid="contact-erased">
      {translate('resources.contacts.erasedOn', { date: formatDate(record.erasedAt, locale, { time: true }) })}
    </Alert>
  );
};

export const ContactShow = () => (
  <Show title={<ContactTitle />} actions={<ContactActions />}>
    <SimpleShowLayout>
      <ErasedNotice />
      <TextField source="name" emptyText="—" />
      <TextField source="position" emptyText="—" />
      <ReferenceField source="organisationId" reference="organisations" link="show" emptyText="—" />
      <DistrictReferenceField source="districtCode" link="show" />
      <TextField source="regionCode" />
      <TextField source="phone" emptyText="—" />
      <EmailField source="email" emptyText="—" />
      <SelectField source="preferredLanguage" choices={contactLanguageChoices} />
      <SelectField source="preferredChannel" choices={channelChoices} />
      <Labeled label="resources.contacts.fields.consent">
        <ConsentToggle />
      </Labeled>
      <LocalDateField source="consentChangedAt" showTime emptyText="—" />
      <CardConsentPanel />
      <ReferenceArrayField source="communityIds" reference="communities" emptyText="—" />
      <Labeled label="resources.contacts.fields.userId">
        <UserNameField source="userId" />
      </Labeled>
      <LocalDateField source="createdAt" showTime />
    </SimpleShowLayout>
  </Show>
);
