import { z } from 'zod';

/**
 * Services that own subjects. Only the owner answers its cmd/qry subjects or publishes its evt subjects; the one
 * exception is `audit.evt.entry.submitted.v1`, which the gateway and services publish (docs/adr/0003-audit-trail.md).
 */
export const OWNERS = ['meetings', 'communities', 'notifications', 'reporting', 'audit'] as const;
export type Owner = (typeof OWNERS)[number];

export type MessageKind = 'cmd' | 'qry' | 'evt';

// <owner>.<kind>.<aggregate>.<action>.v<N>; the deployment prefix is added at run time.
const NAME_GRAMMAR = /^[a-z]+\.(cmd|qry|evt)\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/;

export interface RequestDef<N extends string = string, S extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly kind: 'cmd' | 'qry';
  readonly owner: Owner;
  readonly description: string;
  /** Schema of `data` inside the request envelope (the actor travels beside it). */
  readonly schema: S;
  readonly reply: R;
}

export interface EventDef<N extends string = string, S extends z.ZodType = z.ZodType> {
  readonly name: N;
  readonly kind: 'evt';
  readonly owner: Owner;
  readonly description: string;
  readonly schema: S;
}

export type MessageDef = RequestDef | EventDef;

function checkName(name: string, kind: MessageKind, owner: Owner): void {
  if (!NAME_GRAMMAR.test(name) || !name.startsWith(`${owner}.${kind}.`)) {
    throw new Error(`Subject name "${name}" does not follow <owner>.<kind>.<aggregate>.<action>.v<N>`);
  }
}

/** Declares a command or query: its subject name, payload schema and reply schema. */
export function defineRequest<N extends string, S extends z.ZodType, R extends z.ZodType>(
  def: Omit<RequestDef<N, S, R>, 'owner'> & { owner: Owner },
): RequestDef<N, S, R> {
  checkName(def.name, def.kind, def.owner);
  return Object.freeze(def);
}

/** Declares a domain event. Event payloads are strict objects: unknown fields are refused. */
export function defineEvent<N extends string, S extends z.ZodType>(def: Omit<EventDef<N, S>, 'kind'>): EventDef<N, S> {
  checkName(def.name, 'evt', def.owner);
  return Object.freeze({ ...def, kind: 'evt' as const });
}

export type DataOf<D extends MessageDef> = z.infer<D['schema']>;
export type ReplyOf<D extends RequestDef> = z.infer<D['reply']>;
