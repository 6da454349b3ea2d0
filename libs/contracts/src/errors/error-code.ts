/** Error codes that cross process boundaries. The gateway maps each to one HTTP status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  InvalidTransition = 'INVALID_TRANSITION',
  /** Well-formed but refused by a rule of the data (a date in the future): 422. */
  Unprocessable = 'UNPROCESSABLE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL',
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `name` or `languages.0`. */
  field: string;
  message: string;
}

/** What an RPC error carries between a service and the gateway. */
export interface RpcErrorPayload {
  code: ErrorCode;
  /**
   * The reason code from `DOMAIN_ERRORS` (e.g. `meeting.not-found`). Optional: a payload without it (from a
   * service built before reasons) is answered with the generic code of `code`.
   */
  reason?: string;
  message: string;
  errors?: FieldError[];
}

export function isRpcErrorPayload(value: unknown): value is RpcErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RpcErrorPayload).code === 'string' &&
    (Object.values(ErrorCode) as string[]).includes((value as RpcErrorPayload).code)
  );
}
