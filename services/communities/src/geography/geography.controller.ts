import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { ListDistrictsQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { toDistrictView } from './district.mapper';
import { DistrictRepository } from './district.repository';

@Controller()
export class GeographyController {
  constructor(
    private readonly orm: MikroORM,
    private readonly districts: DistrictRepository,
  ) {}

  @MessagePattern(ListDistrictsQryV1.name)
  @CreateRequestContext()
  async listDistricts(@Payload() raw: unknown): Promise<ReplyOf<typeof ListDistrictsQryV1>> {
    const { actor } = parseRequest(ListDistrictsQryV1, raw);
    const items = (await this.districts.findInScope(actor.scope)).map(toDistrictView);
    return { items, total: items.length };
  }
}
