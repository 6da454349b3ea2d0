import { ReferenceInput, required, SelectInput, useLocaleState } from 'react-admin';
import { placeName } from '../geography/placeName';

/** Region select fed from GET /regions (only regions in the user's scope come back). */
export const RegionInput = ({ source, isRequired = false }: { source: string; isRequired?: boolean }) => {
  const [locale] = useLocaleState();
  return (
    <ReferenceInput source={source} reference="regions" sort={{ field: 'code', order: 'ASC' }} perPage={500}>
      <SelectInput
        optionText={(region: { code: string; name: Record<string, string> }) => placeName(region, locale)}
        validate={isRequired ? [required()] : []}
      />
    </ReferenceInput>
  );
};
