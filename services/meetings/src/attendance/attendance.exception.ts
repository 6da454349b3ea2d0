import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum AttendanceErrorCode {
  MeetingNotFound = 'MEETING_NOT_FOUND',
  NotRecorded = 'ATTENDANCE_NOT_RECORDED',
  NotHeld = 'MEETING_NOT_HELD',
  InvalidInput = 'INVALID_INPUT',
  NotPermitted = 'NOT_PERMITTED',
}

const TO_ERROR_CODE: Record<AttendanceErrorCode, ErrorCode> = {
  [AttendanceErrorCode.MeetingNotFound]: ErrorCode.NotFound,
  [AttendanceErrorCode.NotRecorded]: ErrorCode.NotFound,
  [AttendanceErrorCode.NotHeld]: ErrorCode.Conflict,
  [AttendanceErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [AttendanceErrorCode.NotPermitted]: ErrorCode.Forbidden,
};

/** Errors of attendance and the feedback survey. */
export class AttendanceException extends DomainException {
  constructor(
    readonly reason: AttendanceErrorCode,
    message: string,
    errors?: FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, errors);
  }
}
