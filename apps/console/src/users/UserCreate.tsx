import { Create, email, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { RoleScopeInputs } from './RoleScopeInputs';
import { toInviteInput, validateUserScope } from './userInput';

/** "Invite user": the realm sends the person an email to set their password and verify the address. */
export const UserCreate = () => (
  <Create redirect="show" transform={toInviteInput} title="resources.users.invite.title">
    <SimpleForm validate={validateUserScope}>
      <TextInput source="email" type="email" validate={[required(), email(), maxLength(254)]} />
      <TextInput source="firstName" validate={[required(), maxLength(100)]} />
      <TextInput source="lastName" validate={[required(), maxLength(100)]} />
      <RoleScopeInputs />
    </SimpleForm>
  </Create>
);
