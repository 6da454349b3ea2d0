import { fieldErrors, problemToError } from './problem';

describe(problemToError.name, () => {
  it('should show the detail and map errors[] onto form inputs', () => {
    const parts = problemToError('Bad Request', {
      type: 'https://reporting-days.example/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'The community is not valid',
      errors: [
        { field: 'name', message: 'Too short' },
        { field: 'languages.0', message: 'Unknown language' },
      ],
    });
    expect(parts.message).toBe('The community is not valid');
    expect(parts.body.errors).toEqual({ name: 'Too short', languages: 'Unknown language' });
    expect(parts.body.problem?.status).toBe(400);
  });

  it('should fall back to the title, then the status text', () => {
    expect(problemToError('Forbidden', { type: 'about:blank', title: 'Forbidden', status: 403 }).message).toBe(
      'Forbidden',
    );
    expect(problemToError('Bad Gateway', '<html>proxy error</html>')).toEqual({ message: 'Bad Gateway', body: {} });
    expect(problemToError('', undefined).message).toBe('ra.notification.http_error');
  });

  it('should leave body.errors unset without field errors, so react-admin notifies', () => {
    expect(
      problemToError('Conflict', { type: 'x', title: 'Conflict', status: 409, errors: [] }).body,
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
