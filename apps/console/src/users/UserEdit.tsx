import { Edit, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { RoleScopeInputs } from './RoleScopeInputs';
import { toUserPatch, validateUserScope } from './userInput';

// The email is the account's login and never changes here; names, role, scope and organisation do.
export const UserEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={toUserPatch}>
    <SimpleForm validate={validateUserScope}>
      <TextInput source="email" readOnly />
      <TextInput source="firstName" validate={[required(), maxLength(100)]} />
      <TextInput source="lastName" validate={[required(), maxLength(100)]} />
      <RoleScopeInputs />
    </SimpleForm>
  </Edit>
);
