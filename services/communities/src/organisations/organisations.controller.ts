import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateOrganisationCmdV1,
  DeleteOrganisationCmdV1,
  GetOrganisationQryV1,
  ListOrganisationsQryV1,
  UpdateOrganisationCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { OrganisationsService } from './organisations.service';

@Controller()
export class OrganisationsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly organisations: OrganisationsService,
  ) {}

  @MessagePattern(ListOrganisationsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListOrganisationsQryV1>> {
    const { actor, data } = parseRequest(ListOrganisationsQryV1, raw);
    return this.organisations.list(actor, data);
  }

  @MessagePattern(GetOrganisationQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetOrganisationQryV1>> {
    const { actor, data } = parseRequest(GetOrganisationQryV1, raw);
    return this.organisations.get(actor, data.id);
  }

  @MessagePattern(CreateOrganisationCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown): Promise<ReplyOf<typeof CreateOrganisationCmdV1>> {
    const { actor, data } = parseRequest(CreateOrganisationCmdV1, raw);
    return this.organisations.create(actor, data);
  }

  @MessagePattern(UpdateOrganisationCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown): Promise<ReplyOf<typeof UpdateOrganisationCmdV1>> {
    const { actor, data } = parseRequest(UpdateOrganisationCmdV1, raw);
    return this.organisations.update(actor, data.id, data.patch);
  }

  @MessagePattern(DeleteOrganisationCmdV1.name)
  @CreateRequestContext()
  delete(@Payload() raw: unknown): Promise<ReplyOf<typeof DeleteOrganisationCmdV1>> {
    const { actor, data } = parseRequest(DeleteOrganisationCmdV1, raw);
    return this.organisations.delete(actor, data.id);
  }
}
