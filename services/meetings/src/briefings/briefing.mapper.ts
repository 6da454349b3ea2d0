import type { BriefingView } from '@rd/contracts';
import { dateOnly } from '../actions/follow-up-action.mapper';
import type { Briefing } from './briefing.entity';

export function toBriefingView(b: Briefing): BriefingView {
  return {
    id: b.id,
    familyId: b.familyId,
    version: b.version,
    title: b.title,
    summary: b.summary,
    body: b.body,
    effectiveDate: dateOnly(b.effectiveDate),
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
  };
}
