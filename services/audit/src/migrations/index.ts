import { Migration20261201000000_initial } from './Migration20261201000000_initial';
import { Migration20261207000000_hash_chain } from './Migration20261207000000_hash_chain';
import { Migration20261207200000_outbox_aggregate_key } from './Migration20261207200000_outbox_aggregate_key';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261201000000_initial', class: Migration20261201000000_initial },
  { name: 'Migration20261207000000_hash_chain', class: Migration20261207000000_hash_chain },
  { name: 'Migration20261207200000_outbox_aggregate_key', class: Migration20261207200000_outbox_aggregate_key },
];
