import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  Edit,
  maxLength,
  maxValue,
  minLength,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import type { CommunityRecord } from '../types';
import { CoordinatesInputs } from '../geography/CoordinatesInputs';
import { validateCoordinatePair } from '../geography/geographyInput';
import { kindChoices, languageChoices } from './choices';
import { wholeNumber } from './CommunityCreate';
import { CommunityTitle } from './CommunityTitle';
import { toUpdateInput } from './toUpdateInput';

const byName = { field: 'name', order: 'ASC' } as const;
const nameSearch = (q: string) => (q ? { q } : {});

/** Who takes part: the inputs the onboarding checklist counts (contacts and police from the same district). */
const OnboardingInputs = () => {
  const record = useRecordContext<CommunityRecord>();
  const district = record?.districtCode ? { districtCode: record.districtCode } : {};
  return (
    <>
      <ReferenceArrayInput source="pairedCommunityIds" reference="communities" sort={byName} perPage={50}>
        <AutocompleteArrayInput
          optionText="name"
          filterToQuery={nameSearch}
          helperText="resources.communities.helpers.pairedCommunityIds"
        />
      </ReferenceArrayInput>
      <ReferenceInput source="partnerOrganisationId" reference="organisations" sort={byName} filter={{ kind: 'ngo' }}>
        <AutocompleteInput optionText="name" filterToQuery={nameSearch} />
      </ReferenceInput>
      <ReferenceInput
        source="policeUnitId"
        reference="organisations"
        sort={byName}
        filter={{ ...district, kind: 'district-police' }}
      >
        <AutocompleteInput optionText="name" filterToQuery={nameSearch} />
      </ReferenceInput>
      <ReferenceArrayInput source="focalPointContactIds" reference="contacts" sort={byName} filter={district}>
        <AutocompleteArrayInput optionText="name" filterToQuery={nameSearch} />
      </ReferenceArrayInput>
      <ReferenceInput source="localGovernmentContactId" reference="contacts" sort={byName} filter={district}>
        <AutocompleteInput optionText="name" filterToQuery={nameSearch} />
      </ReferenceInput>
    </>
  );
};

/**
 * Everything about a community that may change, including what the onboarding checklist needs: focal points,
 * local government contact and police unit (the officer is assigned through the roster on the show page).
 * Organisations and contacts are offered from the community's district.
 */
export const CommunityEdit = () => (
  <Edit title={<CommunityTitle />} redirect="show" mutationMode="pessimistic" transform={toUpdateInput}>
    <SimpleForm validate={validateCoordinatePair}>
      <TextInput source="name" validate={[required(), minLength(2), maxLength(120)]} />
      <TextInput source="code" readOnly />
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <NumberInput source="population" step={1} min={0} validate={[minValue(0), maxValue(2_000_000), wholeNumber]} />
      <BooleanInput source="borderAdjacent" helperText="resources.communities.helpers.borderAdjacent" />
      <SelectArrayInput source="languages" choices={languageChoices} />
      <CoordinatesInputs />
      <OnboardingInputs />
    </SimpleForm>
  </Edit>
);
