import { Controller, Get, Inject, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import { DistrictViewSchema, ListDistrictsQryV1, type Actor, type DistrictView } from '@rd/contracts';
import type { RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { CorrelationId } from '../http/correlation';
import { ApiContract } from '../openapi/api-contract.decorator';
import { contentRange } from '../http/list-params';
import { RPC_CLIENT } from '../rpc/rpc.module';

@Controller('districts')
export class DistrictsController {
  constructor(@Inject(RPC_CLIENT) private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('geography:read')
  @ApiContract({ summary: 'Districts in your scope, names in every language', response: DistrictViewSchema, list: true })
  async list(
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<(DistrictView & { id: string })[]> {
    const page = await this.rpc.request(ListDistrictsQryV1, actor, {}, { correlationId });
    void reply.header('Content-Range', contentRange('districts', 0, page.items.length, page.total));
    // react-admin needs an `id`; a district's id is its code.
    return page.items.map((district) => ({ id: district.code, ...district }));
  }
}
