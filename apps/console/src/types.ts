import type {
  ActorScope,
  CommunityView,
  ContactView,
  DistrictReport,
  DistrictView,
  OfficerAssignmentView,
  OrganisationView,
  RegionView,
  Role,
} from '@rd/contracts';

// Records as the data provider hands them to react-admin: the gateway's views plus an `id`.
export type CommunityRecord = CommunityView;
export type DistrictRecord = DistrictView & { id: string };
export type ReportRecord = DistrictReport & { id: string };
export type RegionRecord = RegionView & { id: string };
export type OrganisationRecord = OrganisationView;
export type ContactRecord = ContactView;
export type OfficerAssignmentRecord = OfficerAssignmentView;

/** GET /me: who the gateway thinks the user is. */
export interface MeRecord {
  id: string;
  userId: string;
  username: string;
  roles: Role[];
  permissions: string[];
  scope: ActorScope;
}
