export interface AssignOfficerValues {
  officerContactId?: string;
  policeUnitId?: string | null;
  since?: string | null;
}

/** POST /officer-assignments body: the contract's fields, the optional ones only when given. */
export function toAssignOfficerInput(communityId: string, values: AssignOfficerValues) {
  return {
    communityId,
    officerContactId: values.officerContactId,
    ...(values.policeUnitId ? { policeUnitId: values.policeUnitId } : {}),
    ...(values.since ? { since: values.since } : {}),
  };
}
