import { Create, SimpleForm } from 'react-admin';
import { DistrictInput } from '../districts/DistrictInput';
import { RegionInput } from '../regions/RegionInput';
import { toCreateContactInput, validateContactPlace } from './contactInput';
import { ContactInputs } from './ContactForm';

export const ContactCreate = () => (
  <Create redirect="show" transform={toCreateContactInput}>
    <SimpleForm
      validate={validateContactPlace}
      defaultValues={{ preferredLanguage: 'ru', preferredChannel: 'console', consent: false, communityIds: [] }}
    >
      <DistrictInput source="districtCode" />
      <RegionInput source="regionCode" />
      <ContactInputs />
    </SimpleForm>
  </Create>
);
