import type { EntityManager } from '@mikro-orm/postgresql';
import { durableConsumerName, EVENT_CONSUMERS, type DataOf, type EventDef, type Owner } from '@rd/contracts';
import { applyEachOnce, applyOnce, type BatchScope } from '@rd/persistence';
import type { EventMeta } from './event.consumer';

/** Applies one event inside the inbox transaction `tx`; resolves once the effect is written (the commit follows). */
export type EventHandler<D extends EventDef> = (tx: EntityManager, payload: DataOf<D>, meta: EventMeta) => Promise<unknown>;

/** One row of a service's event table, before the service's name fixes its durable consumer. */
export interface EventTableRow<D extends EventDef = EventDef> {
  event: D;
  handle: EventHandler<D>;
  /** Runs after the commit, for a message applied for the first time (never for a duplicate). */
  afterCommit?: () => void;
}

/** A bound event: its contract, the durable consumer that keeps the service's position in the stream, and its handler. */
export interface EventBinding<D extends EventDef = EventDef> extends EventTableRow<D> {
  service: Owner;
  /** `<service>__<aggregate>-<action>-v<N>`, also the inbox key. */
  durable: string;
}

/** A row of an event table: `event` is handled by `handle` once per message, in the inbox transaction. */
export function onEvent<D extends EventDef>(event: D, handle: EventHandler<D>, options: { afterCommit?: () => void } = {}): EventTableRow {
  return { event, handle: handle as EventHandler<EventDef>, afterCommit: options.afterCommit };
}

/**
 * A service's event table: one durable consumer per row, named from the service and the event, so a deployment keeps
 * each consumer's position in its stream. An event bound twice is a programming error.
 */
export function eventTable(service: Owner, rows: readonly EventTableRow[]): readonly EventBinding[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    if (seen.has(row.event.name)) throw new Error(`${service} binds ${row.event.name} twice`);
    seen.add(row.event.name);
    return { ...row, service, durable: durableConsumerName(service, row.event.name) };
  });
}

/**
 * Applies a validated payload once: the inbox row and the handler's effect commit in one transaction, then
 * `afterCommit` runs. Resolves false for a duplicate (already in the inbox).
 */
export async function applyBinding(em: EntityManager, binding: EventBinding, payload: unknown, meta: EventMeta): Promise<boolean> {
  const applied = await applyOnce(em, { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject }, async (tx) => {
    await binding.handle(tx, payload as never, meta);
  });
  if (applied) binding.afterCommit?.();
  return applied;
}

/** One validated message of a batch, with its delivery facts. */
export interface BatchItem {
  payload: unknown;
  meta: EventMeta;
}

/**
 * Applies a batch of one binding's messages in one transaction (`applyEachOnce`), then `afterCommit` once per message
 * applied for the first time. Resolves with how many were applied (the rest were duplicates).
 */
export async function applyBindingBatch(em: EntityManager, binding: EventBinding, items: readonly BatchItem[], scope?: BatchScope): Promise<number> {
  const applied = await applyEachOnce(
    em,
    items.map(({ payload, meta }) => ({
      key: { consumer: meta.consumer, messageId: meta.messageId, subject: meta.subject },
      effect: (tx: EntityManager) => binding.handle(tx, payload as never, meta).then(() => undefined),
    })),
    scope,
  );
  for (const first of applied) if (first) binding.afterCommit?.();
  return applied.filter(Boolean).length;
}

/**
 * How a service's table differs from the catalogue (`EVENT_CONSUMERS`): events the catalogue says it consumes
 * without a binding, and bindings of events the catalogue does not list for it. Empty when they agree.
 */
export function eventTableMismatches(service: Owner, bindings: readonly EventBinding[]): string[] {
  const catalogued = Object.entries(EVENT_CONSUMERS)
    .filter(([, consumers]) => consumers.includes(service))
    .map(([name]) => name);
  const bound = bindings.map((binding) => binding.event.name);
  return [
    ...catalogued
      .filter((name) => !bound.includes(name))
      .map((name) => `${service} has no binding for ${name}, which the catalogue says it consumes`),
    ...bound
      .filter((name) => !catalogued.includes(name))
      .map((name) => `${service} binds ${name}, which the catalogue does not list it as consuming`),
    ...bindings.filter((binding) => binding.service !== service).map((binding) => `${binding.durable} belongs to ${binding.service}, not ${service}`),
  ];
}
