import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  email,
  maxLength,
  minLength,
  ReferenceArrayInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { channelChoices, contactLanguageChoices } from './choices';

const byName = { field: 'name', order: 'ASC' } as const;
const nameSearch = (q: string) => (q ? { q } : {});
// E.164 after spaces, dashes and brackets are dropped (normalisePhone).
export const phone = regex(/^\+[1-9][0-9\s()-]{6,20}$/, 'resources.contacts.phoneFormat');

/** The inputs shared by the create and edit pages (the place is chosen on create only). */
export const ContactInputs = () => (
  <>
    <TextInput source="name" validate={[required(), minLength(2), maxLength(160)]} />
    <TextInput source="position" validate={maxLength(160)} />
    <ReferenceInput source="organisationId" reference="organisations" sort={byName}>
      <AutocompleteInput optionText="name" filterToQuery={nameSearch} />
    </ReferenceInput>
    <TextInput source="phone" type="tel" validate={phone} helperText="resources.contacts.helpers.phone" />
    <TextInput source="email" type="email" validate={[email(), maxLength(254)]} />
    <SelectInput source="preferredLanguage" choices={contactLanguageChoices} validate={required()} />
    <SelectInput source="preferredChannel" choices={channelChoices} validate={required()} />
    <BooleanInput source="consent" helperText="resources.contacts.helpers.consent" />
    <ReferenceArrayInput source="communityIds" reference="communities" sort={byName} perPage={50}>
      <AutocompleteArrayInput optionText="name" filterToQuery={nameSearch} />
    </ReferenceArrayInput>
  </>
);
