import { FIELD_REFUSED, fieldErrors, problemToError } from './problem';

describe(problemToError.name, () => {
  it('should carry the message key of the reason code, not the English detail, and mark the inputs errors[] names', () => {
    const parts = problemToError(400, {
      type: 'https://reporting-days.example/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      code: 'request.invalid',
      detail: 'The community is not valid',
      errors: [
        { field: 'name', message: 'Too short' },
        { field: 'languages.0', message: 'Unknown language' },
      ],
    });
    expect(parts.message).toBe('errors.request.invalid');
    expect(parts.body.errors).toEqual({ name: FIELD_REFUSED, languages: FIELD_REFUSED });
    expect(parts.body.problem?.detail).toBe('The community is not valid');
    expect(parts.body.problem?.status).toBe(400);
  });

  it('should fall back to the generic code of the status', () => {
    expect(problemToError(403, { type: 'about:blank', title: 'Forbidden', status: 403 }).message).toBe('errors.auth.forbidden');
    expect(problemToError(502, '<html>proxy error</html>')).toEqual({ message: 'errors.server.internal', body: {} });
    expect(problemToError(418, undefined).message).toBe('errors.request.refused');
  });

  it('should leave body.errors unset without field errors, so react-admin notifies', () => {
    expect(
      problemToError(409, { type: 'x', title: 'Conflict', status: 409, errors: [] }).body,
    ).not.toHaveProperty('errors');
  });
});

describe(fieldErrors.name, () => {
  it('should join several messages for one input and drop body-level or prototype fields', () => {
    expect(
      fieldErrors([
        { field: 'name', message: 'Too short' },
        { field: 'name', message: 'Has digits' },
        { field: '', message: 'Body is not an object' },
        { field: '__proto__.polluted', message: 'x' },
      ]),
    ).toEqual({ name: 'Too short; Has digits' });
  });
});
