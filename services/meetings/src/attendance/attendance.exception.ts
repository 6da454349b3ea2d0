import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum AttendanceErrorCode {
  MeetingNotFound = 'MEETING_NOT_FOUND',
  NotRecorded = 'ATTENDANCE_NOT_RECORDED',
  NotHeld = 'MEETING_NOT_HELD',
  InvalidInput = 'INVALID_INPUT',
  NotPermitted = 'NOT_PERMITTED',
  SheetNotFound = 'SIGN_IN_SHEET_NOT_FOUND',
  SheetReplaced = 'SIGN_IN_SHEET_REPLACED',
}

const TO_ERROR_CODE: Record<AttendanceErrorCode, ErrorCode> = {
  [AttendanceErrorCode.MeetingNotFound]: ErrorCode.NotFound,
  [AttendanceErrorCode.NotRecorded]: ErrorCode.NotFound,
  [AttendanceErrorCode.NotHeld]: ErrorCode.Conflict,
  [AttendanceErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [AttendanceErrorCode.NotPermitted]: ErrorCode.Forbidden,
  [AttendanceErrorCode.SheetNotFound]: ErrorCode.NotFound,
  [AttendanceErrorCode.SheetReplaced]: ErrorCode.Conflict,
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
