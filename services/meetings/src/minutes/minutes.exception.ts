import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum MinutesErrorCode {
  MeetingNotFound = 'MEETING_NOT_FOUND',
  OutOfScope = 'DISTRICT_OUT_OF_SCOPE',
  Locked = 'MINUTES_LOCKED',
  MeetingNotHeld = 'MEETING_NOT_HELD',
  NoDraft = 'MINUTES_NO_DRAFT',
  Stale = 'MINUTES_STALE',
  ConfidentialText = 'MINUTES_CONTAIN_CONFIDENTIAL_TEXT',
  NotPermitted = 'NOT_PERMITTED',
}

const TO_ERROR_CODE: Record<MinutesErrorCode, ErrorCode> = {
  [MinutesErrorCode.MeetingNotFound]: ErrorCode.NotFound,
  [MinutesErrorCode.OutOfScope]: ErrorCode.Forbidden,
  [MinutesErrorCode.Locked]: ErrorCode.Conflict,
  [MinutesErrorCode.MeetingNotHeld]: ErrorCode.Conflict,
  [MinutesErrorCode.NoDraft]: ErrorCode.Conflict,
  [MinutesErrorCode.Stale]: ErrorCode.Conflict,
  [MinutesErrorCode.ConfidentialText]: ErrorCode.ValidationFailed,
  [MinutesErrorCode.NotPermitted]: ErrorCode.Forbidden,
};

/** Errors of meeting minutes. */
export class MinutesException extends DomainException {
  constructor(
    readonly reason: MinutesErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, typeof field === 'string' ? [{ field, message }] : field);
  }
}
