import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum NotificationsErrorCode {
  NotFound = 'NOT_FOUND',
  NotPermitted = 'NOT_PERMITTED',
  InvalidInput = 'INVALID_INPUT',
  Conflict = 'CONFLICT',
  PeerUnavailable = 'PEER_UNAVAILABLE',
}

const TO_ERROR_CODE: Record<NotificationsErrorCode, ErrorCode> = {
  [NotificationsErrorCode.NotFound]: ErrorCode.NotFound,
  [NotificationsErrorCode.NotPermitted]: ErrorCode.Forbidden,
  [NotificationsErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [NotificationsErrorCode.Conflict]: ErrorCode.Conflict,
  [NotificationsErrorCode.PeerUnavailable]: ErrorCode.ServiceUnavailable,
};

export class NotificationsException extends DomainException {
  constructor(
    readonly reason: NotificationsErrorCode,
    message: string,
    errors?: FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, errors);
  }

  static notFound(what: string): NotificationsException {
    return new NotificationsException(NotificationsErrorCode.NotFound, `${what} not found`);
  }
}
