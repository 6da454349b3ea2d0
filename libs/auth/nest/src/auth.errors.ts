/** Thrown by the guard; the gateway's problem filter renders them (401 / 403). */
export class UnauthenticatedError extends Error {
  constructor() {
    super('A valid access token is required');
  }
}

export class PermissionDeniedError extends Error {
  constructor(readonly permission: string) {
    super('You are not allowed to do this');
  }
}

/** A route without @RequirePermission or @Public: fail closed. */
export class UndeclaredPermissionError extends Error {}
