import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { listQuerySchema, listReplySchema } from '../common/list';
import { defineEvent, defineRequest } from '../message';
import { ContactViewSchema, CreateContactInputSchema, UpdateContactInputSchema } from './contact.dto';

const Id = z.string().uuid().describe('Contact id');

export const ListContactsQryV1 = defineRequest({
  name: 'communities.qry.contact.list.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'Contacts within the actor scope (personal data); filters only narrow it.',
  schema: listQuerySchema(['name', 'createdAt', 'districtCode'] as const).extend({
    organisationId: z.string().uuid().optional().describe('Only this organisation'),
    communityId: z.string().uuid().optional().describe('Only contacts serving this community'),
    districtCode: GeoCodeSchema.optional().describe('Only this district'),
    meetingDistrict: GeoCodeSchema.optional().describe(
      'Only those a meeting in this district may invite: of the district, or region-level in its region (the regional law-enforcement department)',
    ),
    consent: z.boolean().optional().describe('Only contacts with (true) or without (false) consent'),
    q: z.string().max(120).optional().describe('Name contains (case-insensitive)'),
    ids: z.array(z.string().uuid()).max(100).optional().describe('Only these ids (react-admin getMany)'),
    userId: z.string().uuid().optional().describe('Only the contact linked to this login account (ADR 34)'),
  }),
  reply: listReplySchema(ContactViewSchema),
});

export const GetContactQryV1 = defineRequest({
  name: 'communities.qry.contact.get.v1',
  kind: 'qry',
  owner: 'communities',
  description: 'One contact; NOT_FOUND when unknown or outside the actor scope.',
  schema: z.object({ id: Id }).strict(),
  reply: ContactViewSchema,
});

export const CreateContactCmdV1 = defineRequest({
  name: 'communities.cmd.contact.create.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Add a contact in scope.',
  schema: CreateContactInputSchema,
  reply: ContactViewSchema,
});

export const UpdateContactCmdV1 = defineRequest({
  name: 'communities.cmd.contact.update.v1',
  kind: 'cmd',
  owner: 'communities',
  description: 'Change a contact in scope; CONFLICT once erased.',
  schema: z.object({ id: Id, patch: UpdateContactInputSchema }).strict(),
  reply: ContactViewSchema,
});

export const EraseContactCmdV1 = defineRequest({
  name: 'communities.cmd.contact.erase.v1',
  kind: 'cmd',
  owner: 'communities',
  description:
    'Erase a contact’s personal data on request: blanks name, position, phone and email, withdraws consent, keeps the id ' +
    'so references stay valid, sets erasedAt and emits contact.erased. Idempotent.',
  schema: z.object({ id: Id }).strict(),
  reply: ContactViewSchema,
});

export const ContactConsentChangedEvtV1 = defineEvent({
  name: 'communities.evt.contact.consent-changed.v1',
  owner: 'communities',
  description: 'A contact gave or withdrew consent to be contacted. Ids only; notifications skip contacts without it.',
  schema: z
    .object({
      contactId: z.string().uuid().describe('Contact id'),
      consent: z.boolean().describe('Consent after the change'),
      occurredAt: z.string().datetime().describe('When consent changed (UTC)'),
    })
    .strict(),
});

export const ContactErasedEvtV1 = defineEvent({
  name: 'communities.evt.contact.erased.v1',
  owner: 'communities',
  description: 'A contact’s personal data was erased; consumers drop any copy they hold. Ids only.',
  schema: z
    .object({
      contactId: z.string().uuid().describe('Contact id'),
      occurredAt: z.string().datetime().describe('When it was erased (UTC)'),
    })
    .strict(),
});
