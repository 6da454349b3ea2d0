import { DomainException, requestEnvelope, toFieldErrors, type DataOf, type RequestDef, type RequestEnvelope } from '@rd/contracts';

/**
 * Validates an incoming command or query on the service side. A request without a valid actor is
 * refused: services act only on the identity the gateway resolved.
 */
export function parseRequest<D extends RequestDef>(def: D, raw: unknown): RequestEnvelope<DataOf<D>> {
  const hasActor = typeof raw === 'object' && raw !== null && 'actor' in raw;
  if (!hasActor) throw new DomainException('auth.unauthenticated', 'Request carries no actor');
  const parsed = requestEnvelope(def.schema).safeParse(raw);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error);
    const actorInvalid = errors.some((e) => e.field === 'actor' || e.field.startsWith('actor.'));
    if (actorInvalid) throw new DomainException('auth.unauthenticated', 'Request carries no valid actor');
    throw new DomainException(
      'request.invalid',
      'Request is invalid',
      errors.map((e) => ({ ...e, field: e.field.replace(/^data\.?/, '') || '(body)' })),
    );
  }
  return parsed.data as RequestEnvelope<DataOf<D>>;
}
