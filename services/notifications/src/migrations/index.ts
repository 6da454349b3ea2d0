import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124180000_notifications } from './Migration20261124180000_notifications';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124180000_notifications', class: Migration20261124180000_notifications },
];
