import { z } from 'zod';
import { defineRequest } from '../message';
import { CalendarFeedOwnerSchema, CalendarFeedTokenHashSchema, CalendarFeedViewSchema } from './calendar-feed.dto';

export const CreateCalendarFeedCmdV1 = defineRequest({
  name: 'meetings.cmd.calendar-feed.create.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    "Make the actor's secret calendar feed, replacing any earlier one (whose URL then stops working). Stores the hash and the actor's roles and scope.",
  schema: z.object({ tokenHash: CalendarFeedTokenHashSchema }).strict(),
  reply: CalendarFeedViewSchema,
});

export const GetCalendarFeedQryV1 = defineRequest({
  name: 'meetings.qry.calendar-feed.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: "Whether the actor has a calendar feed, and when it was made.",
  schema: z.object({}).strict(),
  reply: CalendarFeedViewSchema,
});

export const RevokeCalendarFeedCmdV1 = defineRequest({
  name: 'meetings.cmd.calendar-feed.revoke.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: "Delete the actor's calendar feed: its URL stops working at once. Idempotent.",
  schema: z.object({}).strict(),
  reply: z.object({ revoked: z.boolean().describe('Whether there was a feed to revoke') }).strict(),
});

export const ResolveCalendarFeedQryV1 = defineRequest({
  name: 'meetings.qry.calendar-feed.resolve.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'Who a feed secret belongs to, looked up by its hash, for the gateway serving the feed without a bearer token (the actor of this request carries nothing); NOT_FOUND when unknown or revoked.',
  schema: z.object({ tokenHash: CalendarFeedTokenHashSchema }).strict(),
  reply: CalendarFeedOwnerSchema,
});
