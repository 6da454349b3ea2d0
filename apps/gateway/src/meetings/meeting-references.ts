import { ErrorCode, fitsMeetingPlace, GetOrganisationQryV1, ListContactsQryV1, type Actor, type FieldError } from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';

export interface MeetingPlaceRef {
  districtCode: string;
  regionCode: string;
}

/**
 * The owner of a follow-up action: an organisation the caller can see (communities answers with the caller's own
 * scope; one it cannot see is "unknown", as if it did not exist) of the meeting's district or region-level in its
 * region, and the owner contact, if any, a contact of that organisation the caller can see.
 */
export async function actionOwnerErrors(
  rpc: RpcClient,
  actor: Actor,
  place: MeetingPlaceRef,
  owner: { ownerOrganisationId: string; ownerContactId?: string | null },
  correlationId: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const organisation = await rpc.request(GetOrganisationQryV1, actor, { id: owner.ownerOrganisationId }, { correlationId }).catch((error: unknown) => {
    if (error instanceof RpcError && error.payload.code === ErrorCode.NotFound) return null;
    throw error;
  });
  if (!organisation) errors.push({ field: 'ownerOrganisationId', message: 'unknown organisation' });
  else if (!fitsMeetingPlace(organisation, place)) errors.push({ field: 'ownerOrganisationId', message: 'not of the meeting’s district or region' });
  if (owner.ownerContactId) {
    const page = await rpc.request(ListContactsQryV1, actor, { offset: 0, limit: 1, sort: 'name', order: 'ASC', ids: [owner.ownerContactId] }, { correlationId });
    const contact = page.items[0];
    if (!contact) errors.push({ field: 'ownerContactId', message: 'unknown contact' });
    else if (contact.organisationId !== owner.ownerOrganisationId) errors.push({ field: 'ownerContactId', message: 'not a contact of the owner organisation' });
  }
  return errors;
}
