import Typography from '@mui/material/Typography';
import { AGENDA_ITEM_KINDS, type TemplateView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  ArrayInput,
  Create,
  maxLength,
  NumberInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useDataProvider,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { versionInputOf } from './templateView';

const T = 'resources.templates';
const kindChoices = AGENDA_ITEM_KINDS.map((kind) => ({ id: kind, name: `resources.meetings.agenda.kinds.${kind}` }));

/**
 * Publishes the next version of a template family, opened from a version and prefilled with it (national
 * coordinator, template:manage). Versions are immutable: meetings keep the version they copied.
 */
export const TemplateCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const location = useLocation();
  const versionOf = (location.state as { record?: { versionOf?: string } } | null)?.record?.versionOf;
  const notifyError = useNotifyError();
  const { mutate: submit, isPending: pending } = useMutation({
    mutationFn: (form: Parameters<typeof versionInputOf>[0]) => dataProvider.apiCall<TemplateView>('POST', `templates/${versionOf}/versions`, versionInputOf(form)),
    onSuccess: ({ json }) => {
      notify(`${T}.published`, { type: 'success', messageArgs: { version: json.version } });
      redirect('show', 'templates', json.id);
    },
    onError: (caught) => notifyError(caught),
  });
  if (!versionOf) return <Typography sx={{ p: 2 }}>{translate(`${T}.openFromVersion`)}</Typography>;
  return (
    <Create title={translate(`${T}.newVersion`)}>
      <SimpleForm onSubmit={(values: Record<string, unknown>) => submit(values as Parameters<typeof versionInputOf>[0])} disabled={pending}>
        <Typography>{translate(`${T}.versionHelp`)}</Typography>
        <TextInput source="name" label={`${T}.fields.name`} validate={[required(), maxLength(200)]} fullWidth />
        <ArrayInput source="agenda" label={`${T}.agenda`}>
          <SimpleFormIterator inline>
            <SelectInput source="kind" label={`${T}.fields.kind`} choices={kindChoices} validate={required()} />
            <TextInput source="title" label={`${T}.fields.title`} validate={[required(), maxLength(200)]} />
            <TextInput source="guidance" label={`${T}.fields.guidance`} validate={maxLength(2000)} multiline fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
        <ArrayInput source="checklist" label={`${T}.checklist`}>
          <SimpleFormIterator inline>
            <TextInput source="key" label={`${T}.fields.key`} validate={[required(), regex(/^[a-z][a-z0-9-]{0,59}$/, `${T}.fields.keyRule`)]} />
            <TextInput source="title" label={`${T}.fields.title`} validate={[required(), maxLength(200)]} />
            <NumberInput source="offsetDays" label={`${T}.fields.offsetDays`} validate={required()} min={-365} max={365} step={1} />
            <TextInput source="guidance" label={`${T}.fields.guidance`} validate={maxLength(2000)} multiline fullWidth />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
};
