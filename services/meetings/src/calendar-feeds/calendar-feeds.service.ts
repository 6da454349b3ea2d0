import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainException, type Actor, type CalendarFeedOwner, type CalendarFeedView } from '@rd/contracts';
import { requirePermission } from '../meetings/meetings.service';
import { CalendarFeed } from './calendar-feed.entity';

const feedNotFound = () => new DomainException('resource.not-found', 'No such calendar feed');

/** Users' secret calendar feeds (ADR 37): the store of their hashes; the gateway makes the secrets and serves the feeds. */
@Injectable()
export class CalendarFeedsService {
  constructor(private readonly em: EntityManager) {}

  /** Makes the actor's feed, replacing an earlier one in the same statement: the old hash stops matching at once. */
  async create(actor: Actor, tokenHash: string): Promise<CalendarFeedView> {
    requireUser(actor);
    const feed = await this.em.upsert(CalendarFeed, { userId: actor.userId, tokenHash, actor, createdAt: new Date() });
    return toCalendarFeedView(feed);
  }

  async get(actor: Actor): Promise<CalendarFeedView> {
    requireUser(actor);
    const feed = await this.em.findOne(CalendarFeed, { userId: actor.userId });
    return feed ? toCalendarFeedView(feed) : { active: false, createdAt: null };
  }

  async revoke(actor: Actor): Promise<{ revoked: boolean }> {
    requireUser(actor);
    const deleted = await this.em.nativeDelete(CalendarFeed, { userId: actor.userId });
    return { revoked: deleted > 0 };
  }

  /** The feed's owner by the hash of its secret; a lookup by an indexed hash, so no comparison of secrets to time. */
  async resolve(tokenHash: string): Promise<CalendarFeedOwner> {
    const feed = await this.em.findOne(CalendarFeed, { tokenHash });
    if (!feed) throw feedNotFound();
    return { actor: feed.actor, createdAt: feed.createdAt.toISOString() };
  }
}

/** A person who may read meetings; never a service actor (a feed belongs to a user). */
function requireUser(actor: Actor): void {
  if (actor.service !== undefined) throw new DomainException('auth.forbidden', 'A service has no calendar feed');
  requirePermission(actor, 'meeting:read');
}

function toCalendarFeedView(feed: CalendarFeed): CalendarFeedView {
  return { active: true, createdAt: feed.createdAt.toISOString() };
}
