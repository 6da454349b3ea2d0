import { CreateRequestContext, MikroORM } from '@mikro-orm/core';
import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import {
  CreateContactCmdV1,
  EraseContactCmdV1,
  GetContactQryV1,
  ListContactsQryV1,
  SetContactCardConsentCmdV1,
  UpdateContactCmdV1,
  type ReplyOf,
} from '@rd/contracts';
import { parseRequest } from '@rd/messaging';
import { correlationIdOf } from '../common/correlation';
import { ContactsService } from './contacts.service';

@Controller()
export class ContactsController {
  constructor(
    private readonly orm: MikroORM,
    private readonly contacts: ContactsService,
  ) {}

  @MessagePattern(ListContactsQryV1.name)
  @CreateRequestContext()
  list(@Payload() raw: unknown): Promise<ReplyOf<typeof ListContactsQryV1>> {
    const { actor, data } = parseRequest(ListContactsQryV1, raw);
    return this.contacts.list(actor, data);
  }

  @MessagePattern(GetContactQryV1.name)
  @CreateRequestContext()
  get(@Payload() raw: unknown): Promise<ReplyOf<typeof GetContactQryV1>> {
    const { actor, data } = parseRequest(GetContactQryV1, raw);
    return this.contacts.get(actor, data.id);
  }

  @MessagePattern(CreateContactCmdV1.name)
  @CreateRequestContext()
  create(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof CreateContactCmdV1>> {
    const { actor, data } = parseRequest(CreateContactCmdV1, raw);
    return this.contacts.create(actor, data, correlationIdOf(context));
  }

  @MessagePattern(UpdateContactCmdV1.name)
  @CreateRequestContext()
  update(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof UpdateContactCmdV1>> {
    const { actor, data } = parseRequest(UpdateContactCmdV1, raw);
    return this.contacts.update(actor, data.id, data.patch, correlationIdOf(context));
  }

  @MessagePattern(EraseContactCmdV1.name)
  @CreateRequestContext()
  erase(@Payload() raw: unknown, @Ctx() context: NatsContext): Promise<ReplyOf<typeof EraseContactCmdV1>> {
    const { actor, data } = parseRequest(EraseContactCmdV1, raw);
    return this.contacts.erase(actor, data.id, correlationIdOf(context));
  }

  @MessagePattern(SetContactCardConsentCmdV1.name)
  @CreateRequestContext()
  setCardConsent(@Payload() raw: unknown): Promise<ReplyOf<typeof SetContactCardConsentCmdV1>> {
    const { actor, data } = parseRequest(SetContactCardConsentCmdV1, raw);
    return this.contacts.setCardConsent(actor, data.id, data.consent);
  }
}
