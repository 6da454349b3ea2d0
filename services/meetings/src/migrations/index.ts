import { Migration20261124000000_initial } from './Migration20261124000000_initial';
import { Migration20261124150000_meetings } from './Migration20261124150000_meetings';
import { Migration20261124151000_concerns } from './Migration20261124151000_concerns';
import { Migration20261124160000_templates } from './Migration20261124160000_templates';
import { Migration20261124170000_attendance_feedback } from './Migration20261124170000_attendance_feedback';
import { Migration20261124180000_minutes } from './Migration20261124180000_minutes';
import { Migration20261124190000_briefings } from './Migration20261124190000_briefings';
import { Migration20261124200000_sign_in_sheets } from './Migration20261124200000_sign_in_sheets';
import { Migration20261207100000_provisional_handlers } from './Migration20261207100000_provisional_handlers';
import { Migration20261207200000_outbox_aggregate_key } from './Migration20261207200000_outbox_aggregate_key';
import { Migration20261208070000_past_reporting_days } from './Migration20261208070000_past_reporting_days';
import { Migration20261208090000_calendar_feeds } from './Migration20261208090000_calendar_feeds';
import { Migration20261208100000_venue_accessibility } from './Migration20261208100000_venue_accessibility';
import { Migration20261208200000_resident_survey } from './Migration20261208200000_resident_survey';
import { Migration20261208101000_template_guidance } from './Migration20261208101000_template_guidance';

/** Applied in this order; a new migration is appended here. */
export const MIGRATIONS = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124150000_meetings', class: Migration20261124150000_meetings },
  { name: 'Migration20261124151000_concerns', class: Migration20261124151000_concerns },
  { name: 'Migration20261124160000_templates', class: Migration20261124160000_templates },
  { name: 'Migration20261124170000_attendance_feedback', class: Migration20261124170000_attendance_feedback },
  { name: 'Migration20261124180000_minutes', class: Migration20261124180000_minutes },
  { name: 'Migration20261124190000_briefings', class: Migration20261124190000_briefings },
  { name: 'Migration20261124200000_sign_in_sheets', class: Migration20261124200000_sign_in_sheets },
  { name: 'Migration20261207100000_provisional_handlers', class: Migration20261207100000_provisional_handlers },
  { name: 'Migration20261207200000_outbox_aggregate_key', class: Migration20261207200000_outbox_aggregate_key },
  { name: 'Migration20261208070000_past_reporting_days', class: Migration20261208070000_past_reporting_days },
  { name: 'Migration20261208090000_calendar_feeds', class: Migration20261208090000_calendar_feeds },
  { name: 'Migration20261208100000_venue_accessibility', class: Migration20261208100000_venue_accessibility },
  { name: 'Migration20261208101000_template_guidance', class: Migration20261208101000_template_guidance },
  { name: 'Migration20261208200000_resident_survey', class: Migration20261208200000_resident_survey },
];
