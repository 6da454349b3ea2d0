import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124150000_meetings } from './Migration20261124150000_meetings';
import { Migration20261124151000_concerns } from './Migration20261124151000_concerns';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124150000_meetings', class: Migration20261124150000_meetings },
  { name: 'Migration20261124151000_concerns', class: Migration20261124151000_concerns },
];
