import { ErrorCode, type FieldError } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum CommunitiesErrorCode {
  NotFound = 'COMMUNITY_NOT_FOUND',
  UnknownDistrict = 'UNKNOWN_DISTRICT',
  OutOfScope = 'DISTRICT_OUT_OF_SCOPE',
  DuplicateName = 'DUPLICATE_COMMUNITY_NAME',
  DuplicateCode = 'DUPLICATE_CODE',
  InvalidReference = 'INVALID_REFERENCE',
  InvalidInput = 'INVALID_INPUT',
  InvalidTransition = 'INVALID_TRANSITION',
  ChecklistIncomplete = 'CHECKLIST_INCOMPLETE',
  Erased = 'CONTACT_ERASED',
  InUse = 'IN_USE',
  NotPermitted = 'NOT_PERMITTED',
}

const TO_ERROR_CODE: Record<CommunitiesErrorCode, ErrorCode> = {
  [CommunitiesErrorCode.NotFound]: ErrorCode.NotFound,
  [CommunitiesErrorCode.UnknownDistrict]: ErrorCode.ValidationFailed,
  [CommunitiesErrorCode.OutOfScope]: ErrorCode.Forbidden,
  [CommunitiesErrorCode.DuplicateName]: ErrorCode.Conflict,
  [CommunitiesErrorCode.DuplicateCode]: ErrorCode.Conflict,
  [CommunitiesErrorCode.InvalidReference]: ErrorCode.ValidationFailed,
  [CommunitiesErrorCode.InvalidInput]: ErrorCode.ValidationFailed,
  [CommunitiesErrorCode.InvalidTransition]: ErrorCode.InvalidTransition,
  [CommunitiesErrorCode.ChecklistIncomplete]: ErrorCode.InvalidTransition,
  [CommunitiesErrorCode.Erased]: ErrorCode.Conflict,
  [CommunitiesErrorCode.InUse]: ErrorCode.Conflict,
  [CommunitiesErrorCode.NotPermitted]: ErrorCode.Forbidden,
};

export class CommunitiesException extends DomainException {
  constructor(
    readonly reason: CommunitiesErrorCode,
    message: string,
    field?: string | FieldError[],
  ) {
    super(TO_ERROR_CODE[reason], message, typeof field === 'string' ? [{ field, message }] : field);
  }

  static notFound(what = 'Community'): CommunitiesException {
    return new CommunitiesException(CommunitiesErrorCode.NotFound, `${what} not found`);
  }
}
