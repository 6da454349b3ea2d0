import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateDistrictCmdV1,
  CreateRegionCmdV1,
  GetDistrictQryV1,
  GetRegionQryV1,
  ListDistrictsQryV1,
  ListRegionsQryV1,
  UpdateDistrictCmdV1,
  UpdateRegionCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { GeographyService } from './geography.service';

@Controller()
export class GeographyController {
  constructor(
    private readonly orm: MikroORM,
    private readonly geography: GeographyService,
  ) {}

  @MessagePattern(ListDistrictsQryV1.name)
  @CreateRequestContext()
  listDistricts(@Payload() raw: unknown): Promise<ReplyOf<typeof ListDistrictsQryV1>> {
    const { actor, data } = parseRequest(ListDistrictsQryV1, raw);
    return this.geography.listDistricts(actor, data);
  }

  @MessagePattern(GetDistrictQryV1.name)
  @CreateRequestContext()
  getDistrict(@Payload() raw: unknown): Promise<ReplyOf<typeof GetDistrictQryV1>> {
    const { actor, data } = parseRequest(GetDistrictQryV1, raw);
    return this.geography.getDistrict(actor, data.code);
  }

  @MessagePattern(CreateDistrictCmdV1.name)
  @CreateRequestContext()
  createDistrict(@Payload() raw: unknown): Promise<ReplyOf<typeof CreateDistrictCmdV1>> {
    const { actor, data } = parseRequest(CreateDistrictCmdV1, raw);
    return this.geography.createDistrict(actor, data);
  }

  @MessagePattern(UpdateDistrictCmdV1.name)
  @CreateRequestContext()
  updateDistrict(@Payload() raw: unknown): Promise<ReplyOf<typeof UpdateDistrictCmdV1>> {
    const { actor, data } = parseRequest(UpdateDistrictCmdV1, raw);
    return this.geography.updateDistrict(actor, data.code, data.patch);
  }

  @MessagePattern(ListRegionsQryV1.name)
  @CreateRequestContext()
  listRegions(@Payload() raw: unknown): Promise<ReplyOf<typeof ListRegionsQryV1>> {
    const { actor, data } = parseRequest(ListRegionsQryV1, raw);
    return this.geography.listRegions(actor, data);
  }

  @MessagePattern(GetRegionQryV1.name)
  @CreateRequestContext()
  getRegion(@Payload() raw: unknown): Promise<ReplyOf<typeof GetRegionQryV1>> {
    const { actor, data } = parseRequest(GetRegionQryV1, raw);
    return this.geography.getRegion(actor, data.code);
  }

  @MessagePattern(CreateRegionCmdV1.name)
  @CreateRequestContext()
  createRegion(@Payload() raw: unknown): Promise<ReplyOf<typeof CreateRegionCmdV1>> {
    const { actor, data } = parseRequest(CreateRegionCmdV1, raw);
    return this.geography.createRegion(actor, data);
  }

  @MessagePattern(UpdateRegionCmdV1.name)
  @CreateRequestContext()
  updateRegion(@Payload() raw: unknown): Promise<ReplyOf<typeof UpdateRegionCmdV1>> {
    const { actor, data } = parseRequest(UpdateRegionCmdV1, raw);
    return this.geography.updateRegion(actor, data.code, data.patch);
  }
}
