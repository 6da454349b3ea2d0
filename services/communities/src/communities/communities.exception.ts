import { ErrorCode } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export enum CommunitiesErrorCode {
  NotFound = 'COMMUNITY_NOT_FOUND',
  UnknownDistrict = 'UNKNOWN_DISTRICT',
  OutOfScope = 'DISTRICT_OUT_OF_SCOPE',
  DuplicateName = 'DUPLICATE_COMMUNITY_NAME',
}

const TO_ERROR_CODE: Record<CommunitiesErrorCode, ErrorCode> = {
  [CommunitiesErrorCode.NotFound]: ErrorCode.NotFound,
  [CommunitiesErrorCode.UnknownDistrict]: ErrorCode.ValidationFailed,
  [CommunitiesErrorCode.OutOfScope]: ErrorCode.Forbidden,
  [CommunitiesErrorCode.DuplicateName]: ErrorCode.Conflict,
};

export class CommunitiesException extends DomainException {
  constructor(
    readonly reason: CommunitiesErrorCode,
    message: string,
    field?: string,
  ) {
    super(TO_ERROR_CODE[reason], message, field ? [{ field, message }] : undefined);
  }
}
