import { ErrorCode, type FieldError } from './error-code';

/** How one reason for refusing a request is answered. */
export interface DomainErrorSpec {
  /** HTTP status of the problem+json answer. */
  status: number;
  /** Key of the console's translation, e.g. `errors.meeting.notFound`. */
  messageKey: string;
  /** What the client did or met, for docs/errors.md. */
  description: string;
  /**
   * The transport code an RPC error payload carries (`RpcErrorPayload.code`). Given only where the status has two
   * (409 is CONFLICT, or INVALID_TRANSITION for a refused state change); otherwise it follows from `status`.
   */
  kind?: ErrorCode;
}

export type DomainErrorEntry<C extends string = string> = Required<DomainErrorSpec> & { code: C };

const KIND_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  422: ErrorCode.Unprocessable,
  500: ErrorCode.Internal,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * Declares a catalogue of reason codes (`<area>.<reason>`, lowercase kebab-case), each with its HTTP status, message
 * key and transport kind. A reason only the gateway raises (415, 429, ...) has no transport kind: it is sent as
 * INTERNAL if a service ever threw it.
 */
export function defineDomainErrors<const T extends Record<string, DomainErrorSpec>>(specs: T): { readonly [C in keyof T & string]: DomainErrorEntry<C> } {
  return Object.fromEntries(
    Object.entries(specs).map(([code, spec]) => [code, { ...spec, code, kind: spec.kind ?? KIND_BY_STATUS[spec.status] ?? ErrorCode.Internal }]),
  ) as { readonly [C in keyof T & string]: DomainErrorEntry<C> };
}

/** Every reason a request can be refused for, from a service or from the gateway itself (ADR 31, docs/errors.md). */
export const DOMAIN_ERRORS = defineDomainErrors({
  // Generic: old RPC payloads without a reason, and errors without a more precise one.
  'request.invalid': { status: 400, messageKey: 'errors.request.invalid', description: 'The request or some of its fields are invalid; `errors[]` names them' },
  'auth.unauthenticated': { status: 401, messageKey: 'errors.auth.unauthenticated', description: 'No valid access token (or, between services, no valid actor)' },
  'auth.forbidden': { status: 403, messageKey: 'errors.auth.forbidden', description: 'The role does not allow this' },
  'auth.out-of-scope': { status: 403, messageKey: 'errors.auth.outOfScope', description: 'The district, place or object is outside the caller’s scope' },
  'resource.not-found': { status: 404, messageKey: 'errors.resource.notFound', description: 'Not found, or not visible to this caller' },
  'resource.conflict': { status: 409, messageKey: 'errors.resource.conflict', description: 'The request conflicts with the current state' },
  'resource.invalid-transition': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.resource.invalidTransition', description: 'The object cannot go to that state now' },
  'service.unavailable': { status: 503, messageKey: 'errors.service.unavailable', description: 'A service did not answer in time; try again' },
  'server.internal': { status: 500, messageKey: 'errors.server.internal', description: 'Internal error (logged with the correlation id)' },

  // The gateway's own refusals.
  'request.refused': { status: 400, messageKey: 'errors.request.refused', description: 'Any other 4xx the HTTP framework answers (the status says which)' },
  'request.too-large': { status: 413, messageKey: 'errors.request.tooLarge', description: 'The request body or file is too large' },
  'request.uri-too-long': { status: 414, messageKey: 'errors.request.uriTooLong', description: 'A path parameter is too long' },
  'request.unsupported-media-type': { status: 415, messageKey: 'errors.request.unsupportedMediaType', description: 'The body is not of a media type this route takes' },
  'request.unprocessable': { status: 422, messageKey: 'errors.request.unprocessable', description: 'The request is well-formed but cannot be processed' },
  'request.rate-limited': { status: 429, messageKey: 'errors.request.rateLimited', description: 'Too many requests from this address or user; try again later' },
  'import.file-invalid': { status: 400, messageKey: 'errors.import.fileInvalid', description: 'The community import file is empty, unreadable or has wrong columns' },
  'import.rows-invalid': { status: 422, messageKey: 'errors.import.rowsInvalid', description: 'Nothing was imported: rows have problems, listed in `errors[]`' },
  'audit.unavailable': { status: 503, messageKey: 'errors.audit.unavailable', description: 'The audit trail is unavailable, so the outcome could not be recorded; check before retrying' },

  // communities
  'community.not-found': { status: 404, messageKey: 'errors.community.notFound', description: 'No such community in the caller’s scope' },
  'community.duplicate-name': { status: 409, messageKey: 'errors.community.duplicateName', description: 'A community with this name exists in the district' },
  'community.duplicate-code': { status: 409, messageKey: 'errors.community.duplicateCode', description: 'A community with this code exists' },
  'community.invalid-transition': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.community.invalidTransition', description: 'The community cannot go to that status' },
  'community.checklist-incomplete': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.community.checklistIncomplete', description: 'The onboarding checklist is not complete; `errors[]` lists the items' },
  'community.archived': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.community.archived', description: 'The community is archived' },
  'region.not-found': { status: 404, messageKey: 'errors.region.notFound', description: 'No such region' },
  'region.unknown': { status: 400, messageKey: 'errors.region.unknown', description: 'The region named in a field does not exist' },
  'region.duplicate-code': { status: 409, messageKey: 'errors.region.duplicateCode', description: 'A region with this code exists' },
  'district.not-found': { status: 404, messageKey: 'errors.district.notFound', description: 'No such district in the caller’s scope' },
  'district.unknown': { status: 400, messageKey: 'errors.district.unknown', description: 'The district named in a field does not exist' },
  'district.not-in-region': { status: 400, messageKey: 'errors.district.notInRegion', description: 'The district is not in the given region' },
  'district.duplicate-code': { status: 409, messageKey: 'errors.district.duplicateCode', description: 'A district with this code exists' },
  'district.invalid-time-zone': { status: 400, messageKey: 'errors.district.invalidTimeZone', description: 'The time zone is not an IANA time zone' },
  'contact.not-found': { status: 404, messageKey: 'errors.contact.notFound', description: 'No such contact in the caller’s scope' },
  'contact.place-required': { status: 400, messageKey: 'errors.contact.placeRequired', description: 'A contact needs a district, a region or an organisation' },
  'contact.erased': { status: 409, messageKey: 'errors.contact.erased', description: 'The contact was erased' },
  'contact.user-linked': { status: 409, messageKey: 'errors.contact.userLinked', description: 'The login account is already linked to another contact' },
  'contact.publish-not-own': {
    status: 403,
    messageKey: 'errors.contact.publishNotOwn',
    description: 'Consent to publish on the contact card is given by the person themself (linked login) or a holder of contact:manage',
  },
  'organisation.not-found': { status: 404, messageKey: 'errors.organisation.notFound', description: 'No such organisation in the caller’s scope' },
  'organisation.unknown': { status: 400, messageKey: 'errors.organisation.unknown', description: 'The organisation named in a field does not exist' },
  'organisation.place-required': { status: 400, messageKey: 'errors.organisation.placeRequired', description: 'An organisation needs a district or a region' },
  'organisation.in-use': { status: 409, messageKey: 'errors.organisation.inUse', description: 'Contacts, communities or the officer roster still refer to the organisation' },
  'officer-assignment.not-found': { status: 404, messageKey: 'errors.officerAssignment.notFound', description: 'No such officer assignment in the caller’s scope' },
  'officer-assignment.duplicate': { status: 409, messageKey: 'errors.officerAssignment.duplicate', description: 'The officer already serves the community' },
  'reference.invalid': { status: 400, messageKey: 'errors.reference.invalid', description: 'Fields refer to objects that do not exist or do not fit; `errors[]` names them' },

  // meetings
  'meeting.not-found': { status: 404, messageKey: 'errors.meeting.notFound', description: 'No such meeting in the caller’s scope' },
  'meeting.not-editable': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.meeting.notEditable', description: 'The meeting (or its agenda) can no longer be changed in its status' },
  'meeting.invalid-transition': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.meeting.invalidTransition', description: 'The meeting cannot go to that status' },
  'meeting.not-held': { status: 409, messageKey: 'errors.meeting.notHeld', description: 'Attendance, sign-in sheets, feedback and minutes need a held meeting' },
  'meeting.cancelled': { status: 409, messageKey: 'errors.meeting.cancelled', description: 'The meeting was cancelled' },
  'meeting-template.not-found': { status: 404, messageKey: 'errors.meetingTemplate.notFound', description: 'No such meeting template' },
  'meeting-template.version-not-found': { status: 404, messageKey: 'errors.meetingTemplate.versionNotFound', description: 'No such version of the meeting template' },
  'agenda-item.not-found': { status: 404, messageKey: 'errors.agendaItem.notFound', description: 'No such agenda item' },
  'agenda-item.not-legal-information': { status: 400, messageKey: 'errors.agendaItem.notLegalInformation', description: 'Only a legal-information item presents a briefing' },
  'checklist-item.not-found': { status: 404, messageKey: 'errors.checklistItem.notFound', description: 'No such checklist item' },
  'briefing.not-found': { status: 404, messageKey: 'errors.briefing.notFound', description: 'No such briefing' },
  'attendance.not-recorded': { status: 404, messageKey: 'errors.attendance.notRecorded', description: 'No attendance has been recorded for the meeting' },
  'attendance.inconsistent': { status: 400, messageKey: 'errors.attendance.inconsistent', description: 'The attendance figures do not add up; `errors[]` names them' },
  'sign-in-sheet.invalid': { status: 400, messageKey: 'errors.signInSheet.invalid', description: 'The sign-in sheet upload is not valid' },
  'sign-in-sheet.not-found': { status: 404, messageKey: 'errors.signInSheet.notFound', description: 'No sign-in sheet is attached to the meeting' },
  'sign-in-sheet.replaced': { status: 409, messageKey: 'errors.signInSheet.replaced', description: 'The sign-in sheet was replaced during the download' },
  'survey.not-found': { status: 404, messageKey: 'errors.survey.notFound', description: 'No resident survey with this code (or none opened for the meeting)' },
  'survey.closed': { status: 409, messageKey: 'errors.survey.closed', description: 'The resident survey is closed, or its window has not started or is over' },
  'survey.full': { status: 409, messageKey: 'errors.survey.full', description: 'The resident survey reached its response cap' },
  'survey.slip-code-invalid': { status: 400, messageKey: 'errors.survey.slipCodeInvalid', description: 'The survey needs a slip code and none, or an unknown one, was given' },
  'survey.slip-code-used': { status: 409, messageKey: 'errors.survey.slipCodeUsed', description: 'This slip code was already used for an answer' },
  'survey.window-invalid': { status: 400, messageKey: 'errors.survey.windowInvalid', description: 'The survey window ends before it starts, or starts before the meeting' },
  'minutes.locked': { status: 409, messageKey: 'errors.minutes.locked', description: 'Approved minutes are locked' },
  'minutes.no-draft': { status: 409, messageKey: 'errors.minutes.noDraft', description: 'There is no draft to approve' },
  'minutes.stale': { status: 409, messageKey: 'errors.minutes.stale', description: 'Someone saved a newer version; reload' },
  'minutes.confidential-text': { status: 400, messageKey: 'errors.minutes.confidentialText', description: 'The minutes quote a restricted or confidential concern' },
  'minutes.approver-not-organiser': {
    status: 403,
    messageKey: 'errors.minutes.approverNotOrganiser',
    description: 'Only a member of the meeting’s organising police unit or facilitating NGO (or the national coordinator) may approve its minutes',
  },
  'concern.not-found': { status: 404, messageKey: 'errors.concern.notFound', description: 'No such concern visible to the caller' },
  'concern.handler-required': { status: 400, messageKey: 'errors.concern.handlerRequired', description: 'A confidential concern needs at least one named handler' },
  'concern.lowering-refused': { status: 403, messageKey: 'errors.concern.loweringRefused', description: 'Only a handler or the national coordinator may lower a concern’s sensitivity' },
  'concern.handlers-refused': { status: 403, messageKey: 'errors.concern.handlersRefused', description: 'Only a handler or the national coordinator may name a concern’s handlers' },
  'action.not-found': { status: 404, messageKey: 'errors.action.notFound', description: 'No such follow-up action visible to the caller' },
  'action.invalid-transition': { status: 409, kind: ErrorCode.InvalidTransition, messageKey: 'errors.action.invalidTransition', description: 'The follow-up action cannot go to that status' },

  // notifications
  'delivery.not-found': { status: 404, messageKey: 'errors.delivery.notFound', description: 'No such delivery' },
  'delivery.not-resendable': { status: 409, messageKey: 'errors.delivery.notResendable', description: 'Console messages stay in the inbox; they are not resent' },
  'delivery.recipient-gone': { status: 409, messageKey: 'errors.delivery.recipientGone', description: 'The recipient no longer exists' },
  'delivery.resend-recorded': { status: 409, messageKey: 'errors.delivery.resendRecorded', description: 'The resend was already recorded' },
  'message-template.not-found': { status: 404, messageKey: 'errors.messageTemplate.notFound', description: 'No such message template' },
  'message-template.invalid': { status: 400, messageKey: 'errors.messageTemplate.invalid', description: 'The message template does not parse; `errors[]` says where' },
  'message-template.concurrent-write': { status: 409, messageKey: 'errors.messageTemplate.concurrentWrite', description: 'Someone wrote a new version at the same moment; reload' },
  'inbox-message.not-found': { status: 404, messageKey: 'errors.inboxMessage.notFound', description: 'No such message in the caller’s inbox' },

  // reporting
  'report.not-found': { status: 404, messageKey: 'errors.report.notFound', description: 'No such report in the caller’s scope' },
  'report.aggregates-only': { status: 403, messageKey: 'errors.report.aggregatesOnly', description: 'The role sees aggregates only, not single communities' },
  'export.not-found': { status: 404, messageKey: 'errors.export.notFound', description: 'No such export of the caller' },
  'export.csv-only': { status: 400, messageKey: 'errors.export.csvOnly', description: 'Only CSV is built while the caller waits' },
  'export.too-large': { status: 409, messageKey: 'errors.export.tooLarge', description: 'The CSV is too large to answer at once; request an export job' },
  'export.not-ready': { status: 409, messageKey: 'errors.export.notReady', description: 'The export is not ready to download' },
  'export.offset-out-of-range': { status: 400, messageKey: 'errors.export.offsetOutOfRange', description: 'The offset is beyond the end of the file' },

  // user administration at the gateway (ADR 33)
  'user.not-found': { status: 404, messageKey: 'errors.user.notFound', description: 'No such user in the caller’s scope' },
  'user.email-taken': { status: 409, messageKey: 'errors.user.emailTaken', description: 'A user with this email (or username) exists' },
  'user.self-disable': { status: 409, messageKey: 'errors.user.selfDisable', description: 'Nobody can disable their own account' },
  'user.scope-invalid': { status: 422, messageKey: 'errors.user.scopeInvalid', description: 'The district or region does not fit the role (a district for district roles, a region for the regional reviewer, none for the coordinator) or does not exist' },
  'user.organisation-invalid': { status: 422, messageKey: 'errors.user.organisationInvalid', description: 'The organisation does not exist in the caller’s scope or its kind does not fit the role' },
  'user.invitation-not-sent': { status: 503, messageKey: 'errors.user.invitationNotSent', description: 'Keycloak could not send the invitation email; nothing was created, try again' },
  'user.directory-unavailable': { status: 503, messageKey: 'errors.user.directoryUnavailable', description: 'Keycloak’s admin API did not answer; try again' },

  // gateway idempotency (ADR 29)
  'idempotency.key-invalid': { status: 400, messageKey: 'errors.idempotency.keyInvalid', description: 'The Idempotency-Key header is not valid' },
  'idempotency.key-reused': { status: 422, messageKey: 'errors.idempotency.keyReused', description: 'The Idempotency-Key was used with a different request body' },
  'idempotency.in-progress': { status: 409, messageKey: 'errors.idempotency.inProgress', description: 'A request with this Idempotency-Key is still being processed' },
  'idempotency.already-applied': {
    status: 409,
    messageKey: 'errors.idempotency.alreadyApplied',
    description: 'A request with this Idempotency-Key was applied before, but its service stopped before answering: nothing was done again; reload to see the result',
  },
  'idempotency.not-replayable': { status: 409, messageKey: 'errors.idempotency.notReplayable', description: 'The answer recorded under this Idempotency-Key cannot be replayed' },
  'idempotency.unavailable': { status: 503, messageKey: 'errors.idempotency.unavailable', description: 'Idempotency keys cannot be recorded now; retry with the same key' },
});

/** A reason code from the catalogue: problem+json's `code` and the console's key to translate by. */
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

const GENERIC_BY_KIND: Record<ErrorCode, DomainErrorCode> = {
  [ErrorCode.ValidationFailed]: 'request.invalid',
  [ErrorCode.Unauthenticated]: 'auth.unauthenticated',
  [ErrorCode.Forbidden]: 'auth.forbidden',
  [ErrorCode.NotFound]: 'resource.not-found',
  [ErrorCode.Conflict]: 'resource.conflict',
  [ErrorCode.InvalidTransition]: 'resource.invalid-transition',
  [ErrorCode.Unprocessable]: 'request.unprocessable',
  [ErrorCode.ServiceUnavailable]: 'service.unavailable',
  [ErrorCode.Internal]: 'server.internal',
};

const GENERIC_BY_STATUS: Record<number, DomainErrorCode> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'resource.not-found',
  409: 'resource.conflict',
  413: 'request.too-large',
  414: 'request.uri-too-long',
  415: 'request.unsupported-media-type',
  422: 'request.unprocessable',
  429: 'request.rate-limited',
  500: 'server.internal',
  503: 'service.unavailable',
};

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && Object.hasOwn(DOMAIN_ERRORS, value);
}

/**
 * The reason code of an RPC error payload: its own `reason`, or, for a payload from before reasons (or one this
 * build does not know), the generic code of its transport kind.
 */
export function reasonOfRpcError(payload: { code: ErrorCode; reason?: string }): DomainErrorCode {
  return isDomainErrorCode(payload.reason) ? payload.reason : GENERIC_BY_KIND[payload.code];
}

/** The generic code for an HTTP status that carries no reason of its own (framework errors). */
export function genericDomainErrorCode(status: number): DomainErrorCode {
  return GENERIC_BY_STATUS[status] ?? (status >= 500 ? 'server.internal' : 'request.refused');
}

/**
 * The one error a service throws for a refusal: a reason code from `DOMAIN_ERRORS` and the message it shows as the
 * problem's `detail`. The RPC filter sends it as `{ code, reason, message, errors }`.
 */
export class DomainException extends Error {
  /** The transport kind the gateway maps to the HTTP status. */
  readonly code: ErrorCode;
  readonly errors?: FieldError[];

  /** `field` names the one offending field (its message is `message`), or lists several. */
  constructor(
    readonly reason: DomainErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(message);
    this.name = 'DomainException';
    this.code = DOMAIN_ERRORS[reason].kind;
    this.errors = typeof field === 'string' ? [{ field, message }] : field;
  }
}
