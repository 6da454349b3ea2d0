import { ReferenceField } from 'react-admin';
import { DistrictNameField } from '../districts/DistrictNameField';

/** A community's district, by name; links to the district dashboard when `link` is set. */
export const DistrictReferenceField = ({ link = false }: { source?: 'districtCode'; link?: false | 'show' }) => (
  <ReferenceField source="districtCode" reference="districts" link={link}>
    <DistrictNameField />
  </ReferenceField>
);
