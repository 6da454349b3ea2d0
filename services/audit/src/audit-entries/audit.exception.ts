import { ErrorCode } from '@rd/contracts';
import { DomainException } from '@rd/messaging';

export class AuditException extends DomainException {
  static forbidden(): AuditException {
    return new AuditException(ErrorCode.Forbidden, 'Reading the audit log needs audit:read');
  }
}
