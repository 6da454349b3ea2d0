import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { actorCoversDistrict, DomainException, type Actor, type DistrictView, type NotificationSettingsInput, type NotificationSettingsView } from '@rd/contracts';
import { requirePermission } from '../common/access';
import { Peers } from '../common/peers';
import { JobRunner } from '../planning/job-runner';
import { PlannerService } from '../planning/planner.service';
import { DEFAULT_SETTINGS, SettingsRepository, type SettingsRow } from './settings.repository';

function toView(district: DistrictView, row: SettingsRow | undefined): NotificationSettingsView {
  const settings = row ? { reminderDaysBefore: row.reminder_days_before, minutesChaseDaysAfter: row.minutes_chase_days_after, quarterWarningDays: row.quarter_warning_days } : DEFAULT_SETTINGS;
  return {
    id: district.code,
    districtCode: district.code,
    regionCode: district.regionCode,
    timeZone: district.timeZone,
    ...settings,
    isDefault: !row,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

/** Reminder settings per district: read and changed in scope only (the district and its region come from communities). */
@Injectable()
export class SettingsService {
  constructor(
    private readonly orm: MikroORM,
    private readonly peers: Peers,
    private readonly planner: PlannerService,
    private readonly runner: JobRunner,
  ) {}

  private async districtInScope(actor: Actor, code: string): Promise<DistrictView> {
    requirePermission(actor, 'notification-settings:manage');
    const district = await this.peers.district(code);
    if (!district || !actorCoversDistrict(actor.scope, district.regionCode, district.code)) throw new DomainException('district.not-found', 'District not found');
    return district;
  }

  async get(actor: Actor, code: string): Promise<NotificationSettingsView> {
    const district = await this.districtInScope(actor, code);
    return toView(district, await new SettingsRepository(this.orm.em.fork() as EntityManager).find(code));
  }

  async update(actor: Actor, code: string, settings: NotificationSettingsInput): Promise<NotificationSettingsView> {
    const district = await this.districtInScope(actor, code);
    const clean: NotificationSettingsInput = {
      reminderDaysBefore: [...new Set(settings.reminderDaysBefore)].sort((a, b) => b - a),
      minutesChaseDaysAfter: [...new Set(settings.minutesChaseDaysAfter)].sort((a, b) => a - b),
      quarterWarningDays: settings.quarterWarningDays,
    };
    const row = await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
      const saved = await new SettingsRepository(tx).upsert(code, district.regionCode, clean, actor.username);
      await this.planner.replanDistrict(tx, code);
      return saved;
    });
    this.runner.wake();
    return toView(district, row);
  }
}
