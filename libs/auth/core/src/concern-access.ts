import { actorCoversDistrict, type Actor, type Role, type Sensitivity } from '@rd/contracts';

/** What the rule needs to know of a concern; the meetings service loads it before deciding. */
export interface ConcernAccessFacts {
  districtCode: string;
  regionCode: string;
  sensitivity: Sensitivity;
  /** User ids named as case handlers (confidential concerns). */
  handlerIds: readonly string[];
  /**
   * Handlers named by someone who was neither a handler nor the coordinator (raising a concern without handlers to
   * confidential names the one who raises it): they read it, but may not lower it nor name other handlers.
   */
  provisionalHandlerIds?: readonly string[];
}

/** Handlers who may lower the sensitivity and change the handlers: named at recording, by a handler or by the coordinator. */
function confirmedHandlers(concern: ConcernAccessFacts): string[] {
  const provisional = new Set(concern.provisionalHandlerIds ?? []);
  return concern.handlerIds.filter((id) => !provisional.has(id));
}

/** Roles that may be named handlers of a confidential concern. */
export const CASE_HANDLING_ROLES: readonly Role[] = ['ngo-admin', 'police-officer', 'local-government'];

const READERS: Readonly<Record<Sensitivity, readonly Role[]>> = {
  public: ['ngo-admin', 'police-officer', 'local-government'],
  restricted: ['ngo-admin', 'police-officer'],
  // Nobody by role: only named handlers (and the national coordinator below).
  confidential: [],
};

/**
 * Whether an actor may read a concern's text and details. The national coordinator reads everything;
 * the regional reviewer reads no concern (aggregates only); everyone else needs the district in scope
 * and a role that the sensitivity allows, or, for a confidential concern, to be a named handler.
 */
export function canReadConcern(actor: Actor, concern: ConcernAccessFacts): boolean {
  if (actor.roles.includes('national-coordinator')) return true;
  if (!actorCoversDistrict(actor.scope, concern.regionCode, concern.districtCode)) return false;
  // A named handler still needs a role that works with cases in the district: never the reviewer.
  if (concern.sensitivity === 'confidential') {
    return concern.handlerIds.includes(actor.userId) && actor.roles.some((role) => CASE_HANDLING_ROLES.includes(role));
  }
  return actor.roles.some((role) => READERS[concern.sensitivity].includes(role));
}

/**
 * Raising sensitivity is always allowed; lowering it only by a confirmed handler of the concern or the national
 * coordinator (and it is audited). A reader who named themselves handler cannot lower it.
 */
export function canChangeSensitivity(actor: Actor, concern: ConcernAccessFacts, to: Sensitivity): boolean {
  const order: Sensitivity[] = ['public', 'restricted', 'confidential'];
  if (!canReadConcern(actor, concern)) return false;
  if (order.indexOf(to) >= order.indexOf(concern.sensitivity)) return true;
  return canManageHandlers(actor, concern);
}

/** Who may change the named handlers of a recorded concern: its confirmed handlers and the national coordinator. */
export function canManageHandlers(actor: Actor, concern: ConcernAccessFacts): boolean {
  if (actor.roles.includes('national-coordinator')) return true;
  return canReadConcern(actor, concern) && confirmedHandlers(concern).includes(actor.userId);
}

/** The readers of each sensitivity by role, for docs/roles-and-permissions.md. */
export const SENSITIVITY_READERS = READERS;
