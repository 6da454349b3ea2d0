import Typography from '@mui/material/Typography';
import type { BriefingView } from '@rd/contracts';
import { useMutation } from '@tanstack/react-query';
import { Create, DateInput, required, SimpleForm, TextInput, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useNotifyError } from '../data/apiQueries';
import type { ConsoleDataProvider } from '../data/dataProvider';
import { BRIEFING_LANGUAGES, briefingInput } from './briefingText';

type Form = Parameters<typeof briefingInput>[0] & { versionOf?: string };

/** Each text of a briefing, asked in every language (English required): `long` is the rows of a multi-line field. */
const FIELDS = [
  { source: 'title', label: 'resources.briefings.fields.titleIn', long: 0 },
  { source: 'summary', label: 'resources.briefings.fields.summaryIn', long: 1 },
  { source: 'body', label: 'resources.briefings.fields.bodyIn', long: 4 },
] as const;

/**
 * Publishes a legal briefing, or the next version of one (opened from a version, prefilled with it): English is
 * required, the other languages are added as they are translated. Versions are immutable once published.
 */
export const BriefingCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const location = useLocation();
  const versionOf = (location.state as { record?: Form } | null)?.record?.versionOf;
  const notifyError = useNotifyError();
  const { mutate: submit, isPending: pending } = useMutation({
    mutationFn: (form: Form) => dataProvider.apiCall<BriefingView>('POST', versionOf ? `briefings/${versionOf}/versions` : 'briefings', briefingInput(form)),
    onSuccess: ({ json }) => {
      notify('resources.briefings.published', { type: 'success', messageArgs: { version: json.version } });
      redirect('show', 'briefings', json.id);
    },
    onError: (caught) => notifyError(caught),
  });
  return (
    <Create title={translate(versionOf ? 'resources.briefings.newVersion' : 'resources.briefings.new')}>
      <SimpleForm onSubmit={(values: Record<string, unknown>) => submit(values as Form)} disabled={pending}>
        {versionOf && <Typography data-testid="briefing-version-of">{translate('resources.briefings.versionHelp')}</Typography>}
        {FIELDS.flatMap(({ source, label, long }) =>
          BRIEFING_LANGUAGES.map((language) => (
            <TextInput
              key={`${source}.${language}`}
              source={`${source}.${language}`}
              label={translate(label, { language: translate(`app.languages.${language}`) })}
              validate={language === 'en' ? required() : undefined}
              multiline={long > 0}
              minRows={long || undefined}
              fullWidth
            />
          )),
        )}
        <DateInput source="effectiveDate" label="resources.briefings.fields.effectiveDate" validate={required()} />
      </SimpleForm>
    </Create>
  );
};
