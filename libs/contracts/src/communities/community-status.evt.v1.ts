import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { CommunityStatusSchema } from './community.dto';

/** The payload every status event carries: ids, codes and the two statuses, nothing else. */
const statusChangedPayload = z
  .object({
    communityId: z.string().uuid().describe('Community id'),
    districtCode: GeoCodeSchema.describe('District of the community'),
    regionCode: GeoCodeSchema.describe('Region of the district'),
    from: CommunityStatusSchema.describe('Status before'),
    to: CommunityStatusSchema.describe('Status after'),
    occurredAt: z.string().datetime().describe('When the status change was recorded (UTC)'),
    effectiveOn: z.iso.date().optional().describe('Day the change took effect in the district (YYYY-MM-DD), when it was given'),
    effectiveAt: z
      .string()
      .datetime()
      .optional()
      .describe('When the change took effect (UTC): 00:00 of effectiveOn in the district’s zone, or occurredAt when effective today; absent = occurredAt'),
  })
  .strict();
export type CommunityStatusChangedPayload = z.infer<typeof statusChangedPayload>;

export const CommunityOnboardingStartedEvtV1 = defineEvent({
  name: 'communities.evt.community.onboarding-started.v1',
  owner: 'communities',
  description: 'A community entered onboarding (from proposed or paused).',
  schema: statusChangedPayload,
});

export const CommunityActivatedEvtV1 = defineEvent({
  name: 'communities.evt.community.activated.v1',
  owner: 'communities',
  description: 'A community became active: its checklist was complete. It is now expected to meet every quarter.',
  schema: statusChangedPayload,
});

export const CommunityPausedEvtV1 = defineEvent({
  name: 'communities.evt.community.paused.v1',
  owner: 'communities',
  description: 'A community was paused; no reporting day is expected while paused.',
  schema: statusChangedPayload,
});

export const CommunityArchivedEvtV1 = defineEvent({
  name: 'communities.evt.community.archived.v1',
  owner: 'communities',
  description: 'A community left the programme for good (archived is final).',
  schema: statusChangedPayload,
});

export const COMMUNITY_STATUS_EVENTS = {
  onboarding: CommunityOnboardingStartedEvtV1,
  active: CommunityActivatedEvtV1,
  paused: CommunityPausedEvtV1,
  archived: CommunityArchivedEvtV1,
} as const;
