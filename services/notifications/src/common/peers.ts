import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { serviceActor } from '@rd/auth-core';
import {
  ErrorCode,
  GetCommunityQryV1,
  GetDistrictQryV1,
  GetMeetingQryV1,
  GetMinutesQryV1,
  ListCommunitiesQryV1,
  ListContactsQryV1,
  ListMeetingsQryV1,
  ListOrganisationsQryV1,
  type CommunityStatus,
  type CommunityView,
  type ContactView,
  type DataOf,
  type DistrictView,
  type MeetingView,
  type MinutesView,
  type OrganisationView,
  type ReplyOf,
  type RequestDef,
} from '@rd/contracts';
import { RpcClient, RpcError, type NatsAuth } from '@rd/messaging';
import { randomUUID } from 'node:crypto';

export interface PeerRpcOptions {
  natsUrl: string;
  natsAuth?: NatsAuth;
  prefix: string;
  timeoutMs?: number;
}

/** Recipients and details are asked for at send time, so erasure, consent and changes are current. */
export class Peers implements OnModuleInit, OnApplicationShutdown {
  private readonly rpc: RpcClient;
  private readonly actor = serviceActor('notifications');

  constructor(options: PeerRpcOptions) {
    this.rpc = new RpcClient({
      servers: options.natsUrl,
      prefix: options.prefix,
      timeoutMs: options.timeoutMs ?? 5000,
      name: 'notifications-peers',
      natsUser: 'notifications',
      ...(options.natsAuth ? { natsAuth: options.natsAuth } : {}),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.rpc.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }

  private ask<D extends RequestDef>(def: D, data: DataOf<D>, correlationId?: string): Promise<ReplyOf<D>> {
    return this.rpc.request(def, this.actor, data, { correlationId: correlationId ?? randomUUID() });
  }

  /** null when the peer says NOT_FOUND (deleted, or never existed); other errors propagate (retry later). */
  private async orNull<T>(promise: Promise<T>): Promise<T | null> {
    try {
      return await promise;
    } catch (error) {
      if (error instanceof RpcError && error.payload.code === ErrorCode.NotFound) return null;
      throw error;
    }
  }

  meeting(id: string): Promise<MeetingView | null> {
    return this.orNull(this.ask(GetMeetingQryV1, { id }));
  }

  minutes(meetingId: string): Promise<MinutesView | null> {
    return this.orNull(this.ask(GetMinutesQryV1, { meetingId }));
  }

  district(code: string): Promise<DistrictView | null> {
    return this.orNull(this.ask(GetDistrictQryV1, { code }));
  }

  /** Contacts by id (in pages of 100). Unknown ids are simply absent. */
  async contactsByIds(ids: readonly string[]): Promise<ContactView[]> {
    const out: ContactView[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = [...ids.slice(i, i + 100)];
      const page = await this.ask(ListContactsQryV1, { offset: 0, limit: 100, sort: 'name', order: 'ASC', ids: chunk });
      out.push(...page.items);
    }
    return out;
  }

  contactsOfOrganisation(organisationId: string): Promise<ContactView[]> {
    return this.all((offset) => this.ask(ListContactsQryV1, { offset, limit: 500, sort: 'name', order: 'ASC', organisationId }));
  }

  contactsOfCommunity(communityId: string): Promise<ContactView[]> {
    return this.all((offset) => this.ask(ListContactsQryV1, { offset, limit: 500, sort: 'name', order: 'ASC', communityId }));
  }

  async organisationsByIds(ids: readonly string[]): Promise<OrganisationView[]> {
    const out: OrganisationView[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const page = await this.ask(ListOrganisationsQryV1, { offset: 0, limit: 100, sort: 'name', order: 'ASC', ids: [...ids.slice(i, i + 100)] });
      out.push(...page.items);
    }
    return out;
  }

  organisationsOfDistrict(districtCode: string): Promise<OrganisationView[]> {
    return this.all((offset) => this.ask(ListOrganisationsQryV1, { offset, limit: 500, sort: 'name', order: 'ASC', districtCode }));
  }

  communities(filter: { districtCode?: string; status?: CommunityStatus }): Promise<CommunityView[]> {
    return this.all((offset) => this.ask(ListCommunitiesQryV1, { offset, limit: 500, sort: 'name', order: 'ASC', ...filter }));
  }

  community(id: string): Promise<CommunityView | null> {
    return this.orNull(this.ask(GetCommunityQryV1, { id }));
  }

  /** Names of communities, in the given order; unknown ones are left out. */
  async communityNames(ids: readonly string[]): Promise<string[]> {
    const found = await Promise.all(ids.map((id) => this.community(id)));
    return found.filter((c): c is CommunityView => c !== null).map((c) => c.name);
  }

  meetingsOfQuarter(quarter: string, districtCode?: string): Promise<MeetingView[]> {
    return this.all((offset) => this.ask(ListMeetingsQryV1, { offset, limit: 500, sort: 'startsAt', order: 'ASC', quarter, ...(districtCode ? { districtCode } : {}) }));
  }

  private async all<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
    const out: T[] = [];
    for (let offset = 0; ; ) {
      const { items, total } = await page(offset);
      out.push(...items);
      offset += items.length;
      if (items.length === 0 || offset >= total) return out;
    }
  }
}
