import { z } from 'zod';
import { ActorSchema } from '../common/actor';

/** The secret of a calendar feed: 32 random bytes, base64url without padding (256 bits). */
export const CALENDAR_FEED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** What the meetings service stores and matches: the SHA-256 of the secret, lowercase hex. Never the secret itself. */
export const CalendarFeedTokenHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex')
  .describe('SHA-256 of the feed secret, lowercase hex');

/** The user's own feed, without its secret (shown once, when made; ADR 37). */
export const CalendarFeedViewSchema = z
  .object({
    active: z.boolean().describe('Whether you have a feed URL that works'),
    createdAt: z.string().datetime({ offset: true }).nullable().describe('When its secret was made (regenerating makes a new one); null without a feed'),
  })
  .strict()
  .describe('Your calendar feed (its secret is not stored, only its hash)');
export type CalendarFeedView = z.infer<typeof CalendarFeedViewSchema>;

/** Answer of POST /calendar/feed: the only time the secret is shown. */
export const CreatedCalendarFeedSchema = CalendarFeedViewSchema.extend({
  path: z
    .string()
    .regex(/^\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/)
    .describe('The secret feed path under the API base URL (e.g. https://host/api/v1 + path), for a calendar app; shown only now'),
})
  .strict()
  .describe('A new calendar feed; the old URL, if any, no longer works');
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeedSchema>;

/** The owner of a feed as stored when it was made: the ceiling of what the feed ever shows. */
export const CalendarFeedOwnerSchema = z
  .object({
    actor: ActorSchema.describe('The user who made the feed, as the gateway saw them then (roles and scope)'),
    createdAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type CalendarFeedOwner = z.infer<typeof CalendarFeedOwnerSchema>;
