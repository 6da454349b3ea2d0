import { ErrorCode, type FieldError } from '@rd/contracts';

/**
 * Base of every service's domain exception. The RPC filter turns it into a coded error payload;
 * services never throw HTTP exceptions.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
