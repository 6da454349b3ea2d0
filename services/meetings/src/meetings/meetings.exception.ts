import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum MeetingsErrorCode {
  NotFound = 'MEETING_NOT_FOUND',
  OutOfScope = 'DISTRICT_OUT_OF_SCOPE',
  InvalidInput = 'INVALID_INPUT',
  InvalidTransition = 'INVALID_TRANSITION',
  NotEditable = 'NOT_EDITABLE',
  NotPermitted = 'NOT_PERMITTED',
}

const TO_ERROR_CODE: Record<MeetingsErrorCode, ErrorCode> = {
  [MeetingsErrorCode.NotFound]: ErrorCode.NotFound,
  [MeetingsErrorCode.OutOfScope]: ErrorCode.Forbidden,
  [MeetingsErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [MeetingsErrorCode.InvalidTransition]: ErrorCode.InvalidTransition,
  [MeetingsErrorCode.NotEditable]: ErrorCode.InvalidTransition,
  [MeetingsErrorCode.NotPermitted]: ErrorCode.Forbidden,
};

export class MeetingsException extends DomainException {
  constructor(
    readonly reason: MeetingsErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, typeof field === 'string' ? [{ field, message }] : field);
  }

  static notFound(what = 'Meeting'): MeetingsException {
    return new MeetingsException(MeetingsErrorCode.NotFound, `${what} not found`);
  }
}
