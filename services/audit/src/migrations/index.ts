import { Migration20261201000000_initial } from './Migration20261201000000_initial';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [{ name: 'Migration20261201000000_initial', class: Migration20261201000000_initial }];
