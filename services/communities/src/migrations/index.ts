import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124140000_onboarding } from './Migration20261124140000_onboarding';
import { Migration20261207200000_outbox_aggregate_key } from './Migration20261207200000_outbox_aggregate_key';
import { Migration20261208070000_status_effective_on } from './Migration20261208070000_status_effective_on';
import { Migration20261208080000_contact_user_id } from './Migration20261208080000_contact_user_id';
import { Migration20261208090000_contact_card } from './Migration20261208090000_contact_card';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [{ name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124140000_onboarding', class: Migration20261124140000_onboarding },
  { name: 'Migration20261207200000_outbox_aggregate_key', class: Migration20261207200000_outbox_aggregate_key },
  { name: 'Migration20261208070000_status_effective_on', class: Migration20261208070000_status_effective_on },
  { name: 'Migration20261208080000_contact_user_id', class: Migration20261208080000_contact_user_id },
  { name: 'Migration20261208090000_contact_card', class: Migration20261208090000_contact_card },
];
