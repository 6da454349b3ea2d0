import { ErrorCode } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export class ReportingException extends DomainException {
  static notFound(): ReportingException {
    return new ReportingException(ErrorCode.NotFound, 'Report not found');
  }
}
