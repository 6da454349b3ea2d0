import { Body, Controller, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  GetTemplateQryV1,
  ListTemplatesQryV1,
  PublishTemplateVersionCmdV1,
  TemplateVersionInputSchema,
  TemplateViewSchema,
  type Actor,
  type TemplateView,
} from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { listResponse } from '../http/list-params';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';

const IdParam = z.object({ id: z.string().uuid('must be a template id') });

@Controller('templates')
export class TemplatesController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'Handbook templates (agenda and preparation checklist), every version', response: TemplateViewSchema, list: true })
  async list(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<TemplateView[]> {
    return listResponse(reply, 'templates', {}, () => this.rpc.request(ListTemplatesQryV1, actor, {}, { correlationId }));
  }

  @Get(':id')
  @RequirePermission('meeting:read')
  @ApiContract({ summary: 'One template version', response: TemplateViewSchema })
  get(@CurrentActor() actor: Actor, @Param() params: unknown, @CorrelationId() correlationId: string): Promise<TemplateView> {
    const { id } = parseInput(IdParam, params);
    return this.rpc.request(GetTemplateQryV1, actor, { id }, { correlationId });
  }

  @Post(':id/versions')
  @HttpCode(201)
  @RequirePermission('template:manage')
  @ApiContract({
    summary: 'Publish the next version of the template family of {id} (versions are immutable; planned meetings keep their copy)',
    body: TemplateVersionInputSchema,
    response: TemplateViewSchema,
  })
  publishVersion(@CurrentActor() actor: Actor, @Param() params: unknown, @Body() body: unknown, @CorrelationId() correlationId: string): Promise<TemplateView> {
    const { id } = parseInput(IdParam, params);
    const template = parseInput(TemplateVersionInputSchema, body);
    return this.rpc.request(PublishTemplateVersionCmdV1, actor, { id, template }, { correlationId });
  }
}
