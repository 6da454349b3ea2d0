import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { defineEvent } from '../message';
import { MinutesRecipientSchema } from './minutes.dto';

const Counts = z.object({ public: z.number().int().min(0), restricted: z.number().int().min(0), confidential: z.number().int().min(0) }).strict();

export const MinutesApprovedEvtV1 = defineEvent({
  name: 'meetings.evt.minutes.approved.v1',
  owner: 'meetings',
  description:
    'Minutes were approved and locked: notifications distributes them to the recipients of ADR 0011 (invited local ' +
    'government and police, the facilitating NGO, the organisers), resolved from the meeting at send time. Never the ' +
    'body, never concern text, never a topic.',
  schema: z
    .object({
      meetingId: z.string().uuid().describe('Meeting id'),
      communityIds: z.array(z.string().uuid()).min(1).max(50).describe('Communities of the meeting'),
      districtCode: GeoCodeSchema.describe('District of the meeting'),
      regionCode: GeoCodeSchema.describe('Region of the district'),
      quarter: z.string().describe('Quarter the meeting counts for'),
      heldAt: z.string().datetime().nullable().describe('When the meeting was recorded as held'),
      approvedAt: z.string().datetime().describe('When the minutes were approved (UTC)'),
      version: z.number().int().min(1).describe('Approved version'),
      language: z.string().describe('Language the minutes are written in'),
      recipients: z.array(MinutesRecipientSchema).max(200).describe('Organisations of the meeting and their part in it (who receives the minutes: ADR 0011)'),
      summary: z
        .object({ concernsTotal: z.number().int().min(0), concernsBySensitivity: Counts, topics: z.number().int().min(0).describe('Distinct topics raised') })
        .strict()
        .describe('Counts for a short message (SMS)'),
      minutesPath: z.string().describe('Gateway path where an authorised user fetches the minutes'),
    })
    .strict(),
});
