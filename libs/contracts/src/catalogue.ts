import { CommunityCreatedEvtV1 } from './communities/community-created.evt.v1';
import { CreateCommunityCmdV1 } from './communities/create-community.cmd.v1';
import { GetCommunityQryV1 } from './communities/get-community.qry.v1';
import { ListCommunitiesQryV1 } from './communities/list-communities.qry.v1';
import { ListDistrictsQryV1 } from './communities/list-districts.qry.v1';
import type { MessageDef } from './message';
import { GetDistrictReportQryV1 } from './reporting/get-district-report.qry.v1';

/** Every message of the platform. docs/events.md is generated from this list. */
export const CATALOGUE: readonly MessageDef[] = [
  CreateCommunityCmdV1,
  GetCommunityQryV1,
  ListCommunitiesQryV1,
  ListDistrictsQryV1,
  CommunityCreatedEvtV1,
  GetDistrictReportQryV1,
];

/**
 * Which service consumes which event, durably. Kept here so the catalogue shows consumers and
 * a version is only deleted when nobody reads it.
 */
export const EVENT_CONSUMERS: Readonly<Record<string, readonly string[]>> = {
  [CommunityCreatedEvtV1.name]: ['reporting'],
};
