import type { EntityManager } from '@mikro-orm/postgresql';
import type { NotificationSettingsInput } from '@rd/contracts';

export const DEFAULT_SETTINGS: NotificationSettingsInput = { reminderDaysBefore: [7, 1], minutesChaseDaysAfter: [3, 7], quarterWarningDays: 21 };

export interface SettingsRow {
  district_code: string;
  region_code: string;
  reminder_days_before: number[];
  minutes_chase_days_after: number[];
  quarter_warning_days: number;
  updated_by: string;
  updated_at: Date;
}

export class SettingsRepository {
  constructor(private readonly em: EntityManager) {}

  find(districtCode: string): Promise<SettingsRow | undefined> {
    return this.em.execute<SettingsRow[]>(`select * from "district_settings" where "district_code" = ?`, [districtCode]).then((rows) => rows[0]);
  }

  /** The district's settings, or the defaults. */
  async effective(districtCode: string): Promise<NotificationSettingsInput> {
    const row = await this.find(districtCode);
    return row ? { reminderDaysBefore: row.reminder_days_before, minutesChaseDaysAfter: row.minutes_chase_days_after, quarterWarningDays: row.quarter_warning_days } : DEFAULT_SETTINGS;
  }

  async upsert(districtCode: string, regionCode: string, settings: NotificationSettingsInput, by: string): Promise<SettingsRow> {
    const rows = await this.em.execute<SettingsRow[]>(
      `insert into "district_settings" ("district_code", "region_code", "reminder_days_before", "minutes_chase_days_after", "quarter_warning_days", "updated_by", "updated_at")
       values (?, ?, ?::jsonb, ?::jsonb, ?, ?, now())
       on conflict ("district_code") do update set "region_code" = excluded."region_code", "reminder_days_before" = excluded."reminder_days_before",
         "minutes_chase_days_after" = excluded."minutes_chase_days_after", "quarter_warning_days" = excluded."quarter_warning_days",
         "updated_by" = excluded."updated_by", "updated_at" = now()
       returning *`,
      [districtCode, regionCode, JSON.stringify(settings.reminderDaysBefore), JSON.stringify(settings.minutesChaseDaysAfter), settings.quarterWarningDays, by],
    );
    return rows[0];
  }
}
