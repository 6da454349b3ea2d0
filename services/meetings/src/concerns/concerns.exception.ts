import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum ConcernsErrorCode {
  NotFound = 'CONCERN_NOT_FOUND',
  MeetingNotFound = 'MEETING_NOT_FOUND',
  MeetingCancelled = 'MEETING_CANCELLED',
  InvalidInput = 'INVALID_INPUT',
  LoweringRefused = 'SENSITIVITY_LOWERING_REFUSED',
  HandlersRefused = 'HANDLERS_REFUSED',
  InvalidTransition = 'INVALID_TRANSITION',
  NotPermitted = 'NOT_PERMITTED',
}

const TO_ERROR_CODE: Record<ConcernsErrorCode, ErrorCode> = {
  [ConcernsErrorCode.NotFound]: ErrorCode.NotFound,
  [ConcernsErrorCode.MeetingNotFound]: ErrorCode.NotFound,
  [ConcernsErrorCode.MeetingCancelled]: ErrorCode.Conflict,
  [ConcernsErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [ConcernsErrorCode.LoweringRefused]: ErrorCode.Forbidden,
  [ConcernsErrorCode.HandlersRefused]: ErrorCode.Forbidden,
  [ConcernsErrorCode.InvalidTransition]: ErrorCode.InvalidTransition,
  [ConcernsErrorCode.NotPermitted]: ErrorCode.Forbidden,
};

/** Errors of concerns and their follow-up actions. */
export class ConcernsException extends DomainException {
  constructor(
    readonly reason: ConcernsErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, typeof field === 'string' ? [{ field, message }] : field);
  }

  static notFound(what = 'Concern'): ConcernsException {
    return new ConcernsException(what === 'Meeting' ? ConcernsErrorCode.MeetingNotFound : ConcernsErrorCode.NotFound, `${what} not found`);
  }
}
