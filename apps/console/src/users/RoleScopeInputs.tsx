import { AutocompleteInput, FormDataConsumer, required, SelectInput, useGetIdentity, useGetList } from 'react-admin';
import type { Role } from '@rd/contracts';
import { DistrictInput } from '../districts/DistrictInput';
import { RegionInput } from '../regions/RegionInput';
import type { OrganisationRecord } from '../types';
import { assignableRoles, fitsOrganisation, organisationKinds, roleChoices, scopeKind, type UserFormValues } from './userInput';

/**
 * The organisation of the account: those in the reader's scope (GET /organisations answers only those) of a kind
 * that fits the role, in the chosen district or regional. One kind is asked for by filter; several are picked here.
 */
const OrganisationInput = ({ role, districtCode }: { role: Role; districtCode?: string | null }) => {
  const kinds = organisationKinds(role);
  const { data = [], isPending } = useGetList<OrganisationRecord>('organisations', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
    filter: kinds.length === 1 ? { kind: kinds[0] } : {},
  });
  const choices = data.filter((organisation) => fitsOrganisation(role, districtCode, organisation));
  return (
    <AutocompleteInput
      source="organisationId"
      choices={choices}
      optionText="name"
      isPending={isPending}
      label="resources.users.fields.organisationId"
      emptyText="—"
    />
  );
};

/**
 * Role, scope and organisation of an account, as the reader may give them: the role choices are those the reader
 * may manage (an NGO admin: police officers and local government), the districts those of the reader's scope (GET
 * /districts answers only those), and the organisations those in scope of a kind the role belongs to.
 */
export const RoleScopeInputs = () => {
  const { identity } = useGetIdentity();
  const roles = assignableRoles(Array.isArray(identity?.roles) ? (identity.roles as string[]) : []);
  return (
    <>
      <SelectInput source="role" choices={roleChoices(roles)} validate={required()} />
      <FormDataConsumer<UserFormValues>>
        {({ formData }) => {
          const scope = scopeKind(formData.role);
          return (
            <>
              {scope === 'district' && <DistrictInput source="districtCode" isRequired />}
              {scope === 'region' && <RegionInput source="regionCode" isRequired />}
              {formData.role && <OrganisationInput role={formData.role} districtCode={formData.districtCode} />}
            </>
          );
        }}
      </FormDataConsumer>
    </>
  );
};
