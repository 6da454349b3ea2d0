import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetContactCardQryV1, type ReplyOf } from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { ContactCardService } from './contact-card.service';

@Controller()
export class ContactCardController {
  constructor(
    private readonly orm: MikroORM,
    private readonly cards: ContactCardService,
  ) {}

  @MessagePattern(GetContactCardQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetContactCardQryV1>> {
    const { actor, data } = parseRequest(GetContactCardQryV1, raw);
    return this.cards.get(actor, data.communityId);
  }
}
