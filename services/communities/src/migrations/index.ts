import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124140000_onboarding } from './Migration20261124140000_onboarding';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [{ name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124140000_onboarding', class: Migration20261124140000_onboarding },
];
