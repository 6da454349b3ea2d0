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

/**
 * A refusal on a route that names an object the role can never see (the regional reviewer asking for a concern):
 * answered 404 like any object out of reach, so existence is never revealed; audited as a denial all the same.
 */
export class HiddenObjectError extends PermissionDeniedError {}

/** A route without @RequirePermission or @Public: fail closed. */
export class UndeclaredPermissionError extends Error {}
