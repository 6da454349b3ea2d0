import { z } from 'zod';
import { defineRequest } from '../message';
import { TemplateVersionInputSchema, TemplateViewSchema } from './template.dto';

export const ListTemplatesQryV1 = defineRequest({
  name: 'meetings.qry.template.list.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'Handbook templates, every version, newest version of each family first.',
  schema: z.object({}).strict(),
  reply: z.object({ items: z.array(TemplateViewSchema), total: z.number().int() }),
});

export const GetTemplateQryV1 = defineRequest({
  name: 'meetings.qry.template.get.v1',
  kind: 'qry',
  owner: 'meetings',
  description: 'One template version; NOT_FOUND when unknown.',
  schema: z.object({ id: z.string().uuid().describe('Template version id') }).strict(),
  reply: TemplateViewSchema,
});

export const PublishTemplateVersionCmdV1 = defineRequest({
  name: 'meetings.cmd.template.publish-version.v1',
  kind: 'cmd',
  owner: 'meetings',
  description:
    'Publish the next version of the family of template version `id` (versions are immutable; meetings keep the version they copied). ' +
    'NOT_FOUND when `id` is unknown; NOT_PERMITTED without template:manage.',
  schema: z.object({ id: z.string().uuid().describe('Any version of the family'), template: TemplateVersionInputSchema }).strict(),
  reply: TemplateViewSchema,
});
