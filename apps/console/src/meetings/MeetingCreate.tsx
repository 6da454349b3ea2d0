import {
  AutocompleteInput,
  Create,
  DateTimeInput,
  maxLength,
  minLength,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useDataProvider,
} from 'react-admin';
import { organisedByChoices, venueTypeChoices } from './choices';

interface MeetingForm {
  communityId: string;
  title: string;
  startsAt: string | Date;
  venueName: string;
  venueType: string;
  policeUnitId?: string | null;
  organisedBy: string;
}

// A local meeting for one community; the district is the community's.
export const MeetingCreate = () => {
  const dataProvider = useDataProvider();
  const transform = async (data: MeetingForm) => {
    const { data: community } = await dataProvider.getOne('communities', { id: data.communityId });
    return {
      kind: 'local',
      communityIds: [data.communityId],
      districtCode: community.districtCode,
      title: data.title,
      startsAt: new Date(data.startsAt).toISOString(),
      venueName: data.venueName,
      venueType: data.venueType,
      organisedBy: data.organisedBy,
      ...(data.policeUnitId ? { policeUnitId: data.policeUnitId } : {}),
    };
  };
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm defaultValues={{ venueType: 'community-centre', organisedBy: 'police' }}>
        <ReferenceInput source="communityId" reference="communities">
          <AutocompleteInput validate={required()} label="resources.meetings.fields.communityIds" />
        </ReferenceInput>
        <TextInput source="title" validate={[required(), minLength(3), maxLength(200)]} />
        <DateTimeInput source="startsAt" validate={required()} />
        <TextInput source="venueName" validate={[required(), minLength(2), maxLength(200)]} />
        <SelectInput source="venueType" choices={venueTypeChoices} validate={required()} />
        <ReferenceInput source="policeUnitId" reference="organisations" filter={{ kind: 'district-police' }}>
          <AutocompleteInput label="resources.meetings.fields.policeUnitId" />
        </ReferenceInput>
        <SelectInput source="organisedBy" choices={organisedByChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
};
