import type { Role } from '@rd/contracts';

/** A demo login of infra/keycloak/reporting-days-realm.json (password: `demoPassword()`). */
export interface DemoUser {
  username: string;
  role: Role;
  /** Full Keycloak group paths, as they appear in the `groups` claim. */
  groups: readonly string[];
}

/** One demo user per role and scope; kept in step with the realm file by libs/devstack's realm lint. */
export const DEMO_USERS = {
  coordinator: { username: 'coordinator', role: 'national-coordinator', groups: [] },
  ngoIsfara: { username: 'ngo.isfara', role: 'ngo-admin', groups: ['/sughd/isfara'] },
  policeIsfara: { username: 'police.isfara', role: 'police-officer', groups: ['/sughd/isfara'] },
  govIsfara: { username: 'gov.isfara', role: 'local-government', groups: ['/sughd/isfara'] },
  reviewerSughd: { username: 'reviewer.sughd', role: 'regional-reviewer', groups: ['/sughd'] },
  ngoKhujand: { username: 'ngo.khujand', role: 'ngo-admin', groups: ['/sughd/khujand'] },
  policeBatken: { username: 'police.batken', role: 'police-officer', groups: ['/batken/batken'] },
  reviewerBatken: { username: 'reviewer.batken', role: 'regional-reviewer', groups: ['/batken'] },
} as const satisfies Record<string, DemoUser>;
