import Box from '@mui/material/Box';
import { Edit, SimpleForm } from 'react-admin';
import { CardConsentPanel } from './CardConsentPanel';
import { toUpdateContactInput } from './contactInput';
import { ContactInputs } from './ContactForm';
import { ContactLoginInput } from './ContactLoginInput';

export const ContactEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic" transform={toUpdateContactInput}>
    <SimpleForm>
      <ContactInputs />
      <ContactLoginInput />
    </SimpleForm>
    {/* Saved on its own (PUT …/card-consent): publishing is the person's consent, not a field of the record. */}
    <Box sx={{ px: 2, pb: 2 }}>
      <CardConsentPanel />
    </Box>
  </Edit>
);
