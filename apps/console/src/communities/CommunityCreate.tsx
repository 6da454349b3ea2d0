import {
  BooleanInput,
  Create,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  regex,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { DistrictInput } from '../districts/DistrictInput';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { validateCoordinatePair } from '../geography/geographyInput';
import { kindChoices, languageChoices } from './choices';
import { toCreateInput } from './toCreateInput';

// Client checks mirror CreateCommunityInputSchema; the gateway's field errors (problem+json errors[]) land
// on the same inputs when it refuses anyway.
export const wholeNumber = (value: unknown) =>
  value === null || value === undefined || Number.isInteger(value) ? undefined : 'app.validation.wholeNumber';
const communityCode = regex(/^[a-z][a-z0-9-]{1,79}$/, 'app.geography.codeFormat');

export const CommunityCreate = () => (
  <Create redirect="show" transform={toCreateInput}>
    <SimpleForm defaultValues={{ borderAdjacent: false, languages: [] }} validate={validateCoordinatePair}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(120)]} />
      <DistrictInput source="districtCode" isRequired />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <TextInput source="code" validate={communityCode} helperText="resources.communities.helpers.code" />
      <NumberInput
        source="population"
        step={1}
        min={0}
        helperText="resources.communities.helpers.population"
        validate={[minValue(0), maxValue(2_000_000), wholeNumber]}
      />
      <BooleanInput source="borderAdjacent" helperText="resources.communities.helpers.borderAdjacent" />
      <SelectArrayInput source="languages" choices={languageChoices} />
      <CoordinatesInputs />
    </SimpleForm>
  </Create>
);
