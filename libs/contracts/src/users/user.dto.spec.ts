import { CreateUserInputSchema, UpdateUserInputSchema } from './user.dto';

describe('user administration contracts', () => {
  const base = { email: 'a@b.test', firstName: 'Ann', lastName: 'Officer', role: 'police-officer', districtCode: 'isfara' };

  it('should take names in any script, and refuse the characters Keycloak’s user profile refuses', () => {
    expect(CreateUserInputSchema.safeParse({ ...base, firstName: 'Хуршед', lastName: "O'Brien-Saidova" }).success).toBe(true);
    for (const bad of ['a<script>', 'x(y)', 'a/b', 'a;b', 'tab\tname']) expect({ bad, ok: CreateUserInputSchema.safeParse({ ...base, firstName: bad }).success }).toEqual({ bad, ok: false });
  });

  it('should normalise the email (trimmed, lower case) and refuse unknown fields', () => {
    expect(CreateUserInputSchema.parse({ ...base, email: ' Ann@B.Test ' }).email).toBe('ann@b.test');
    expect(CreateUserInputSchema.safeParse({ ...base, password: 'x' }).success).toBe(false);
    expect(UpdateUserInputSchema.safeParse({ enabled: false }).success).toBe(false);
    expect(UpdateUserInputSchema.parse({ organisationId: null })).toEqual({ organisationId: null });
  });
});
