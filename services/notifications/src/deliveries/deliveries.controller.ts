import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetDeliveryQryV1, ListDeliveriesQryV1, ResendDeliveryCmdV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { DeliveriesService } from './deliveries.service';

@Controller()
export class DeliveriesController {
  constructor(
    private readonly orm: MikroORM,
    private readonly deliveries: DeliveriesService,
  ) {}

  @MessagePattern(ListDeliveriesQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListDeliveriesQryV1>> {
    const { actor, data } = parseRequest(ListDeliveriesQryV1, raw);
    return this.deliveries.list(actor, data);
  }

  @MessagePattern(GetDeliveryQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetDeliveryQryV1>> {
    const { actor, data } = parseRequest(GetDeliveryQryV1, raw);
    return this.deliveries.get(actor, data.id);
  }

  @MessagePattern(ResendDeliveryCmdV1.name)
  @CreateRequestContext()
  resend(@Payload() raw: unknown): Promise<ReplyOf<typeof ResendDeliveryCmdV1>> {
    const { actor, data } = parseRequest(ResendDeliveryCmdV1, raw);
    return this.deliveries.resend(actor, data.id);
  }
}
