import {
  AutocompleteArrayInput,
  FormDataConsumer,
  AutocompleteInput,
  Create,
  maxLength,
  minLength,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useDataProvider,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { quarterOf, type TemplateView } from '@rd/contracts';
import { useApiQuery } from '../data/apiQueries';
import { DistrictInput } from '../districts/DistrictInput';
import type { DistrictRecord } from '../types';
import { organisedByChoices } from './choices';
import { buildCreateMeetingInput, type MeetingForm } from './inputs';
import { latestTemplateChoices, templateFields, type TemplateChoice } from './templatePicker';
import { zoneLabel, zonedLocalToUtc } from './timeZone';
import { FacilitatorInput, PoliceUnitInput, VenueInputs } from './venueInputs';

const kindChoices = [
  { id: 'local', name: 'resources.meetings.kinds.local' },
  { id: 'regional', name: 'resources.meetings.kinds.regional' },
];

/** The district's time zone once one is chosen (null before). */
function useDistrictZone(districtCode: string | undefined): string | null {
  const { data } = useGetOne<DistrictRecord>('districts', { id: districtCode ?? '' }, { enabled: Boolean(districtCode) });
  return districtCode && data?.timeZone ? data.timeZone : null;
}

/** One community (local) or several of the chosen district (regional). */
const CommunitiesInput = ({ kind, districtCode }: { kind?: string; districtCode?: string }) => {
  const filter = districtCode ? { districtCode } : {};
  if (kind === 'regional') {
    return (
      <ReferenceArrayInput source="communityIds" reference="communities" filter={filter} perPage={200}>
        <AutocompleteArrayInput
          label="resources.meetings.fields.communityIdsRegional"
          helperText="resources.meetings.helpers.regional"
          validate={required()}
          fullWidth
          disabled={!districtCode}
        />
      </ReferenceArrayInput>
    );
  }
  return (
    <ReferenceInput source="communityId" reference="communities" filter={filter} perPage={200}>
      <AutocompleteInput validate={required()} label="resources.meetings.fields.communityIds" disabled={!districtCode} />
    </ReferenceInput>
  );
};

/** Date and time as the district lives it: the field is labelled with the zone; the UTC instant is only shown as a check. */
const StartsAtInput = ({ districtCode, local }: { districtCode?: string; local?: string }) => {
  const translate = useTranslate();
  const zone = useDistrictZone(districtCode);
  const utc = zone && local ? zonedLocalToUtc(local, zone) : null;
  const label = zone
    ? translate('resources.meetings.fields.startsAtIn', { zone: zoneLabel(utc ?? Date.now(), zone) })
    : translate('resources.meetings.fields.startsAt');
  const helper = zone
    ? utc
      ? translate('resources.meetings.helpers.startsAt', { quarter: quarterOf(new Date(utc), zone), utc: `${utc.slice(0, 16).replace('T', ' ')} UTC` })
      : translate('resources.meetings.helpers.startsAtZone', { zone })
    : translate('resources.meetings.helpers.chooseDistrict');
  return (
    <TextInput
      source="startsAtLocal"
      type="datetime-local"
      label={label}
      helperText={helper}
      validate={required()}
      disabled={!zone}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'meeting-starts-at-input', style: { fontSize: 20 } } }}
    />
  );
};

/** Optional handbook template: its agenda and checklist are copied onto the new meeting (none by default). */
const TemplateInput = ({ choices, loading }: { choices: TemplateChoice[]; loading: boolean }) => {
  const translate = useTranslate();
  return (
    <SelectInput
      source="templateId"
      label="resources.meetings.fields.templateId"
      helperText="resources.meetings.helpers.template"
      choices={choices}
      optionText={(choice: TemplateChoice) =>
        translate('resources.meetings.template.option', {
          name: choice.name,
          version: choice.version,
          agenda: choice.agendaItems,
          checklist: choice.checklistItems,
        })
      }
      translateChoice={false}
      emptyText="resources.meetings.template.none"
      isLoading={loading}
    />
  );
};

/** Plan a local meeting (one community) or a regional one (several communities of the district). */
export const MeetingCreate = () => {
  const dataProvider = useDataProvider();
  const templates = useApiQuery<TemplateView[]>('templates');
  const templateChoices = latestTemplateChoices(templates.data ?? []);
  const transform = async (data: MeetingForm & { templateId?: string | null }) => {
    const { data: district } = await dataProvider.getOne<DistrictRecord>('districts', { id: data.districtCode });
    const built = buildCreateMeetingInput(data, district.timeZone);
    if (!built.ok) throw new Error(built.errors[0]);
    return { ...built.value, ...templateFields(templateChoices, data.templateId) };
  };
  return (
    <Create redirect="show" transform={transform}>
      <SimpleForm defaultValues={{ kind: 'local', venueType: 'community-centre', organisedBy: 'police', durationMinutes: 120 }}>
        <RadioButtonGroupInput source="kind" choices={kindChoices} validate={required()} />
        <DistrictInput source="districtCode" isRequired />
        <FormDataConsumer<Partial<MeetingForm>>>
          {({ formData }) => <CommunitiesInput kind={formData.kind} districtCode={formData.districtCode} />}
        </FormDataConsumer>
        <TextInput source="title" validate={[required(), minLength(3), maxLength(200)]} />
        <FormDataConsumer<Partial<MeetingForm>>>
          {({ formData }) => <StartsAtInput districtCode={formData.districtCode} local={formData.startsAtLocal} />}
        </FormDataConsumer>
        <NumberInput source="durationMinutes" min={15} max={720} step={15} />
        <VenueInputs />
        <FormDataConsumer<Partial<MeetingForm>>>{({ formData }) => <PoliceUnitInput districtCode={formData.districtCode} />}</FormDataConsumer>
        <SelectInput source="organisedBy" choices={organisedByChoices} validate={required()} />
        <FormDataConsumer<Partial<MeetingForm>>>
          {({ formData }) => <FacilitatorInput organisedBy={formData.organisedBy} districtCode={formData.districtCode} />}
        </FormDataConsumer>
        <TemplateInput choices={templateChoices} loading={templates.isFetching} />
      </SimpleForm>
    </Create>
  );
};
