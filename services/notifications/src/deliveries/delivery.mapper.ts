import type { DeliveryView } from '@rd/contracts';
import type { DeliveryRow } from './delivery.repository';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The only place that decides what of a delivery leaves the service: never its rendered content. */
export function toDeliveryView(row: DeliveryRow): DeliveryView {
  return {
    id: row.id,
    type: row.type,
    channel: row.channel,
    status: row.status,
    recipientKind: row.recipient_kind,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    address: row.address,
    requestedLanguage: row.requested_language,
    language: row.language,
    languageFallback: row.language_fallback,
    templateVersion: row.template_version,
    skipReason: row.skip_reason,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'queued' ? iso(row.next_attempt_at) : null,
    districtCode: row.district_code,
    regionCode: row.region_code,
    meetingId: row.meeting_id,
    subjectId: row.subject_id,
    resendOf: row.resend_of,
    createdAt: iso(row.created_at) as string,
    sentAt: iso(row.sent_at),
    deliveredAt: iso(row.delivered_at),
    updatedAt: iso(row.updated_at) as string,
  };
}
