import { Edit, SimpleForm } from 'react-admin';
import { toUpdateContactInput } from './contactInput';
import { ContactInputs } from './ContactForm';
import { ContactLoginInput } from './ContactLoginInput';

export const ContactEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={toUpdateContactInput}>
    <SimpleForm>
      <ContactInputs />
      <ContactLoginInput />
    </SimpleForm>
  </Edit>
);
