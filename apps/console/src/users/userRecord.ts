import type { Role } from '@rd/contracts';

/** GET /users/:id as react-admin holds it: an account of the realm with its role, scope and organisation. */
export interface UserRecord {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  emailVerified: boolean;
  role: Role | null;
  regionCode: string | null;
  districtCode: string | null;
  organisationId: string | null;
  createdAt: string;
}
