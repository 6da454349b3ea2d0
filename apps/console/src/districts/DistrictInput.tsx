import { ReferenceInput, SelectInput, required, useLocaleState, type Validator } from 'react-admin';
import type { DistrictRecord } from '../types';
import { districtName } from './districtName';

interface DistrictInputProps {
  source: string;
  alwaysOn?: boolean;
  isRequired?: boolean;
}

/** District select fed from GET /districts (only the districts in the user's scope come back). */
export const DistrictInput = ({ source, isRequired = false }: DistrictInputProps) => {
  const [locale] = useLocaleState();
  const validate: Validator[] = isRequired ? [required()] : [];
  return (
    <ReferenceInput source={source} reference="districts" sort={{ field: 'code', order: 'ASC' }} perPage={500}>
      <SelectInput optionText={(district: DistrictRecord) => districtName(district, locale)} validate={validate} />
    </ReferenceInput>
  );
};
