/** The demo users of infra/keycloak/reporting-days-realm.json, as `npm start` prints them. */
export const DEMO_LOGINS = [
  { username: 'coordinator', description: 'national coordinator, every region' },
  { username: 'ngo.isfara', description: 'NGO admin, Isfara district (Sughd), Isfara partner NGO' },
  { username: 'police.isfara', description: 'police officer, Isfara district police department' },
  { username: 'gov.isfara', description: 'local government, Isfara district hukumat' },
  { username: 'reviewer.sughd', description: 'regional reviewer, Sughd region (aggregates only)' },
  { username: 'ngo.khujand', description: 'NGO admin, Khujand district (out-of-scope checks), Khujand partner NGO' },
  { username: 'police.batken', description: 'police officer, Batken district (Kyrgyz side), Batken district police' },
  { username: 'reviewer.batken', description: 'regional reviewer, Batken region' },
] as const;
