import type { CommunityView, ContactView, OfficerAssignmentView } from '@rd/contracts';

/** Why a contact is proposed as an invitee (one contact can be proposed for several reasons). */
export type ProposalReason = 'local-government' | 'police-officer' | 'facilitating-ngo';

export interface InviteProposal {
  contactId: string;
  reasons: ProposalReason[];
}

/**
 * The people the system already knows a reporting day should invite, in this order: each community's local-government
 * contact, its community police officer (the community's and the current roster's) and the contacts of the meeting's
 * facilitating NGO. Leaves out who is already invited or chosen, erased contacts and those who withdrew consent, and
 * contacts not loaded (not in the reader's scope). Nothing is added until the planner picks a proposal.
 */
export function inviteProposals(input: {
  communities: readonly Pick<CommunityView, 'id' | 'localGovernmentContactId' | 'officerContactId'>[];
  assignments: readonly Pick<OfficerAssignmentView, 'communityId' | 'officerContactId' | 'current'>[];
  facilitatingOrganisationId: string | null;
  contacts: readonly Pick<ContactView, 'id' | 'organisationId' | 'consent' | 'erasedAt'>[];
  invited: readonly string[];
}): InviteProposal[] {
  const byId = new Map(input.contacts.map((contact) => [contact.id, contact]));
  const communityIds = new Set(input.communities.map((community) => community.id));
  const proposals = new Map<string, InviteProposal>();
  const propose = (contactId: string | null | undefined, reason: ProposalReason) => {
    if (!contactId) return;
    const proposal = proposals.get(contactId) ?? { contactId, reasons: [] };
    if (!proposal.reasons.includes(reason)) proposal.reasons.push(reason);
    proposals.set(contactId, proposal);
  };
  for (const community of input.communities) propose(community.localGovernmentContactId, 'local-government');
  for (const community of input.communities) propose(community.officerContactId, 'police-officer');
  for (const assignment of input.assignments) {
    if (assignment.current && communityIds.has(assignment.communityId)) propose(assignment.officerContactId, 'police-officer');
  }
  if (input.facilitatingOrganisationId) {
    for (const contact of input.contacts) {
      if (contact.organisationId === input.facilitatingOrganisationId) propose(contact.id, 'facilitating-ngo');
    }
  }
  const invited = new Set(input.invited);
  return [...proposals.values()].filter((proposal) => {
    const contact = byId.get(proposal.contactId);
    return contact !== undefined && contact.consent && !contact.erasedAt && !invited.has(proposal.contactId);
  });
}

/** "Position · Organisation" under a person's name in pickers and proposals (either part may be missing). */
export function personDescription(contact: Pick<ContactView, 'position' | 'organisationId'> | undefined, organisationName: (id: string) => string | undefined): string {
  if (!contact) return '';
  return [contact.position?.trim() || null, contact.organisationId ? (organisationName(contact.organisationId) ?? null) : null].filter(Boolean).join(' · ');
}
