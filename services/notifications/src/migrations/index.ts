import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124180000_notifications } from './Migration20261124180000_notifications';
import { Migration20261204000000_inbox_variants } from './Migration20261204000000_inbox_variants';
import { Migration20261207000000_contact_state } from './Migration20261207000000_contact_state';
import { Migration20261207200000_outbox_aggregate_key } from './Migration20261207200000_outbox_aggregate_key';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124180000_notifications', class: Migration20261124180000_notifications },
  { name: 'Migration20261204000000_inbox_variants', class: Migration20261204000000_inbox_variants },
  { name: 'Migration20261207000000_contact_state', class: Migration20261207000000_contact_state },
  { name: 'Migration20261207200000_outbox_aggregate_key', class: Migration20261207200000_outbox_aggregate_key },
];
