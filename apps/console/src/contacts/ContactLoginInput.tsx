import { regex, TextInput, useCanAccess, useInput, useTranslate } from 'react-admin';
import { UserPicker } from '../directory/UserPicker';

const uuid = regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'resources.contacts.helpers.userId');

/**
 * The login of an officer contact (ADR 34), chosen by name among the police officers of the directory; readers
 * without the directory type the user id. Cleared, it unlinks.
 */
export const ContactLoginInput = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'directory', action: 'list' });
  const { field } = useInput<string | null>({ source: 'userId', defaultValue: null });
  if (!canAccess) return <TextInput source="userId" validate={uuid} helperText="resources.contacts.helpers.userId" />;
  return (
    <UserPicker
      value={field.value ? [field.value] : []}
      onChange={(ids) => field.onChange(ids[0] ?? null)}
      label={translate('resources.contacts.fields.userId')}
      helperText={translate('resources.contacts.helpers.userId')}
      role="police-officer"
      max={1}
      testId="contact-login"
    />
  );
};
