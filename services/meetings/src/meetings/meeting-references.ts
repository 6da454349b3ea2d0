import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  DomainException,
  ErrorCode,
  fitsMeetingPlace,
  GetCommunityQryV1,
  GetDistrictQryV1,
  GetOrganisationQryV1,
  ListContactsQryV1,
  ListOrganisationsQryV1,
  POLICE_ORGANISATION_KINDS,
  reasonOfRpcError,
  type Actor,
  type CommunityView,
  type CreateMeetingInput,
  type DataOf,
  type FieldError,
  type MeetingPlace,
  type OrganisationKind,
  type ReplyOf,
  type RequestDef,
} from '@rd/contracts';
import { RpcClient, RpcError, type NatsAuth } from '@rd/messaging';

export interface CommunitiesRpcOptions {
  natsUrl: string;
  natsAuth?: NatsAuth;
  prefix: string;
  timeoutMs?: number;
}

/** A meeting's district and region. */
export interface MeetingDistrict {
  districtCode: string;
  regionCode: string;
}

const FACILITATOR_KINDS: readonly OrganisationKind[] = ['ngo', 'other'];
const INVALID = 'The request is invalid';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ELSEWHERE = 'not of the meeting’s district or region';

/**
 * What a meeting refers to, looked up in communities (the owner of geography, organisations and contacts) with the
 * caller's own actor, so the caller's scope decides: one it cannot see is "unknown", as if it did not exist. Each
 * check throws `request.invalid` with the offending fields (docs/adr/0007-meeting-lifecycle-and-calendars.md).
 * The production NATS user `meetings` may send exactly these five queries (docs/adr/0005).
 */
export class MeetingReferences implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly rpc: Pick<RpcClient, 'connect' | 'close' | 'request'>) {}

  /** Over NATS as the production user `meetings` (its own reply inbox). */
  static overNats(options: CommunitiesRpcOptions): MeetingReferences {
    return new MeetingReferences(
      new RpcClient({
        servers: options.natsUrl,
        prefix: options.prefix,
        timeoutMs: options.timeoutMs ?? 5000,
        name: 'meetings-references',
        natsUser: 'meetings',
        ...(options.natsAuth ? { natsAuth: options.natsAuth } : {}),
      }),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.rpc.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
  }

  /**
   * Region and time zone of the meeting's district, and a check that every community lies in it. A district the
   * caller cannot see is out of scope (unknown for a national caller).
   */
  async placeOf(actor: Actor, input: Pick<CreateMeetingInput, 'districtCode' | 'communityIds'>, correlationId: string): Promise<MeetingPlace & { code: string }> {
    const district = await this.ask(GetDistrictQryV1, actor, { code: input.districtCode }, correlationId);
    if (!district) {
      if (actor.scope.national) throw new DomainException('request.invalid', INVALID, [{ field: 'districtCode', message: 'unknown district' }]);
      throw new DomainException('auth.out-of-scope', 'The district is outside your scope');
    }
    const errors: FieldError[] = [];
    await Promise.all(
      input.communityIds.map(async (id, index) => {
        const community = await this.ask(GetCommunityQryV1, actor, { id }, correlationId);
        if (!community) errors.push({ field: `communityIds.${index}`, message: 'unknown community' });
        else if (community.districtCode !== district.code) errors.push({ field: `communityIds.${index}`, message: 'the community is not in this district' });
      }),
    );
    if (errors.length) throw new DomainException('request.invalid', INVALID, errors);
    return { code: district.code, regionCode: district.regionCode, timeZone: district.timeZone };
  }

  /** A community the caller can see, or null (unknown, or outside the caller's scope). */
  communityOf(actor: Actor, id: string, correlationId: string): Promise<CommunityView | null> {
    return this.ask(GetCommunityQryV1, actor, { id }, correlationId);
  }

  /**
   * The organising police unit and the facilitator must be organisations of the right kind that the caller can see,
   * of the meeting's district or region-level in its region (notifications send them the chases and the minutes).
   */
  async checkOrganisations(
    actor: Actor,
    place: MeetingDistrict,
    input: { policeUnitId?: string | null; facilitatingOrganisationId?: string | null },
    correlationId: string,
  ): Promise<void> {
    const checks = [
      { field: 'policeUnitId', id: input.policeUnitId, kinds: POLICE_ORGANISATION_KINDS, what: 'a police or law-enforcement unit' },
      { field: 'facilitatingOrganisationId', id: input.facilitatingOrganisationId, kinds: FACILITATOR_KINDS, what: 'an NGO or other organisation' },
    ];
    const errors: FieldError[] = [];
    await Promise.all(
      checks.map(async ({ field, id, kinds, what }) => {
        if (!id) return;
        const organisation = await this.ask(GetOrganisationQryV1, actor, { id }, correlationId);
        if (!organisation) errors.push({ field, message: 'unknown organisation' });
        else if (!kinds.includes(organisation.kind)) errors.push({ field, message: `must be ${what}` });
        else if (!fitsMeetingPlace(organisation, place)) errors.push({ field, message: ELSEWHERE });
      }),
    );
    if (errors.length) throw new DomainException('request.invalid', INVALID, errors);
  }

  /**
   * Every invitee must be a contact or organisation the caller can see that works in the meeting's district, or at
   * region level in its region (regional law-enforcement heads).
   */
  async checkInvitees(actor: Actor, place: MeetingDistrict, input: { inviteeContactIds?: string[]; inviteeOrganisationIds?: string[] }, correlationId: string): Promise<void> {
    const errors: FieldError[] = [];
    const check = async (field: string, ids: string[], fetch: (batch: string[]) => Promise<{ id: string; districtCode: string | null; regionCode: string }[]>) => {
      const unique = [...new Set(ids)];
      const found = new Map<string, { districtCode: string | null; regionCode: string }>();
      for (let i = 0; i < unique.length; i += 100) for (const row of await fetch(unique.slice(i, i + 100))) found.set(row.id, row);
      ids.forEach((id, index) => {
        const row = found.get(id);
        if (!row) errors.push({ field: `${field}.${index}`, message: 'unknown' });
        else if (!fitsMeetingPlace(row, place)) errors.push({ field: `${field}.${index}`, message: ELSEWHERE });
      });
    };
    const page = { offset: 0, limit: 100, order: 'ASC' as const, sort: 'name' as const };
    if (input.inviteeContactIds?.length) {
      await check('inviteeContactIds', input.inviteeContactIds, async (ids) => (await this.request(ListContactsQryV1, actor, { ...page, ids }, correlationId)).items);
    }
    if (input.inviteeOrganisationIds?.length) {
      await check('inviteeOrganisationIds', input.inviteeOrganisationIds, async (ids) => (await this.request(ListOrganisationsQryV1, actor, { ...page, ids }, correlationId)).items);
    }
    if (errors.length) throw new DomainException('request.invalid', INVALID, errors);
  }

  /**
   * The contacts linked to the caller's login (at most one; ADR 34), as far as the caller can see them: whom "my
   * actions" means besides the caller's organisation.
   */
  async contactsOfLogin(actor: Actor, correlationId: string): Promise<string[]> {
    // Contacts are linked to Keycloak user ids (uuids); any other subject has no contact.
    if (actor.service || !UUID.test(actor.userId)) return [];
    const page = await this.request(ListContactsQryV1, actor, { offset: 0, limit: 10, sort: 'name', order: 'ASC', userId: actor.userId }, correlationId);
    return page.items.map((contact) => contact.id);
  }

  /** null when communities says NOT_FOUND (unknown, or not visible to the caller). */
  private ask<D extends RequestDef>(def: D, actor: Actor, data: DataOf<D>, correlationId: string): Promise<ReplyOf<D> | null> {
    return this.request(def, actor, data, correlationId).catch((error: unknown) => {
      if (error instanceof DomainException && error.code === ErrorCode.NotFound) return null;
      throw error;
    });
  }

  /** Any other refusal of communities reaches the caller as it would have from communities itself. */
  private request<D extends RequestDef>(def: D, actor: Actor, data: DataOf<D>, correlationId: string): Promise<ReplyOf<D>> {
    return this.rpc.request(def, actor, data, { correlationId }).catch((error: unknown) => {
      if (!(error instanceof RpcError)) throw error;
      throw new DomainException(reasonOfRpcError(error.payload), error.payload.message, error.payload.errors);
    });
  }
}
