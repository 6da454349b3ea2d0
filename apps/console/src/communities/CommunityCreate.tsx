import {
  BooleanInput,
  Create,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { DistrictInput } from '../districts/DistrictInput';
import { kindChoices, languageChoices } from './choices';
import { toCreateInput } from './toCreateInput';

// Client checks mirror CreateCommunityInputSchema; the gateway's field errors (problem+json errors[]) land
// on the same inputs when it refuses anyway.
const wholeNumber = (value: unknown) =>
  value === null || value === undefined || Number.isInteger(value) ? undefined : 'app.validation.wholeNumber';

export const CommunityCreate = () => (
  <Create redirect="show" transform={toCreateInput}>
    <SimpleForm defaultValues={{ borderAdjacent: false, languages: [] }}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(120)]} />
      <DistrictInput source="districtCode" isRequired />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <NumberInput
        source="population"
        step={1}
        min={0}
        helperText="resources.communities.helpers.population"
        validate={[minValue(0), maxValue(2_000_000), wholeNumber]}
      />
      <BooleanInput source="borderAdjacent" helperText="resources.communities.helpers.borderAdjacent" />
      <SelectArrayInput source="languages" choices={languageChoices} />
    </SimpleForm>
  </Create>
);
