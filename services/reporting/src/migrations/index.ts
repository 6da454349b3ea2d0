import { Migration20261208200000_feedback_by_source } from './Migration20261208200000_feedback_by_source';
import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124200000_report_read_models } from './Migration20261124200000_report_read_models';
import { Migration20261124210000_report_exports } from './Migration20261124210000_report-exports';
import { Migration20261207200000_outbox_aggregate_key } from './Migration20261207200000_outbox_aggregate_key';
import { Migration20261208070000_status_effective_at } from './Migration20261208070000_status_effective_at';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124200000_report_read_models', class: Migration20261124200000_report_read_models },
  { name: 'Migration20261124210000_report-exports', class: Migration20261124210000_report_exports },
  { name: 'Migration20261207200000_outbox_aggregate_key', class: Migration20261207200000_outbox_aggregate_key },
  { name: 'Migration20261208070000_status_effective_at', class: Migration20261208070000_status_effective_at },
  { name: 'Migration20261208200000_feedback_by_source', class: Migration20261208200000_feedback_by_source },
];
