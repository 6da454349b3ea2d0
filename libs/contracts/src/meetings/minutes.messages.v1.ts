import { z } from 'zod';
import { defineRequest } from '../message';
import { MinutesVersionViewSchema, MinutesViewSchema, SaveMinutesInputSchema } from './minutes.dto';

const MeetingId = z.string().uuid().describe('Meeting id');

/**
 * Paging of the minutes versions (ADR 0030): a body is at most 100 KB, so all versions of a long-drafted meeting outgrow
 * NATS max_payload (1 MiB). A page stops before its serialised items pass MINUTES_VERSIONS_PAGE_BYTES (always one item:
 * a 100 KB body escapes to at most ~600 KB of JSON).
 */
export const MINUTES_VERSIONS_DEFAULT_PAGE = 5;
export const MINUTES_VERSIONS_MAX_PAGE = 25;
export const MINUTES_VERSIONS_PAGE_BYTES = 640 * 1024;

export const GetMinutesQryV1 = defineRequest({
  name: 'meetings.qry.minutes.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'The minutes of a meeting in scope (status none when nothing was drafted), with the generated concern section.',
  schema: z.object({ meetingId: MeetingId }).strict(),
  reply: MinutesViewSchema,
});

export const SaveMinutesCmdV1 = defineRequest({
  name: 'meetings.cmd.minutes.save.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Save a new draft version of the minutes of a held meeting. Refused once approved (locked) and when the body ' +
    'contains the text of a confidential concern of the meeting.',
  schema: z.object({ meetingId: MeetingId, input: SaveMinutesInputSchema }).strict(),
  reply: MinutesViewSchema,
});

export const ListMinutesVersionsQryV1 = defineRequest({
  name: 'meetings.qry.minutes.versions.v1',
  kind: 'qry',
  owner: 'meetings',
  description:
    'A page of the draft versions of the minutes of a meeting in scope, newest first. Without offset and limit it is the ' +
    'first page of the default size; a page holds fewer versions than asked when their bodies would not fit in one NATS ' +
    'message (MINUTES_VERSIONS_PAGE_BYTES), at least one.',
  schema: z
    .object({
      meetingId: MeetingId,
      offset: z.number().int().min(0).optional().describe('Versions to skip (default 0)'),
      limit: z.number().int().min(1).max(MINUTES_VERSIONS_MAX_PAGE).optional().describe(`Versions to return (default ${MINUTES_VERSIONS_DEFAULT_PAGE})`),
    })
    .strict(),
  reply: z.object({ items: z.array(MinutesVersionViewSchema), total: z.number().int().min(0) }).strict(),
});

export const ApproveMinutesCmdV1 = defineRequest({
  name: 'meetings.cmd.minutes.approve.v1',
  kind: 'cmd',
  owner: 'meetings',
  description: 'Approve and lock the current draft; emits minutes.approved for distribution.',
  schema: z.object({ meetingId: MeetingId, expectedVersion: z.number().int().min(1).optional() }).strict(),
  reply: MinutesViewSchema,
});
