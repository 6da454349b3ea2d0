import type { AttendanceView, MeetingKind, MeetingStatus } from '@rd/contracts';
import { useEffect, useState } from 'react';
import type { MeetingPack, QueuedAction } from '../fieldDb';
import { enqueue, listForMeeting, onQueueChange, type NewAction } from '../queue/queue';

export interface Named {
  id: string;
  name: string;
}

/** The parts of a pack the hold forms read (the gateway's meeting record and the lists "Take offline" stored). */
export interface HoldMeeting {
  id: string;
  title: string;
  status: MeetingStatus;
  kind: MeetingKind;
  communityIds: string[];
  policeUnitId: string | null;
  facilitatingOrganisationId: string | null;
  inviteeOrganisationIds: string[];
  startsAt: string;
  timeZone: string;
}

export interface HoldParts {
  meeting: HoldMeeting;
  communities: Named[];
  organisations: Named[];
  /** Attendance as the server had it when the pack was taken (none for a meeting not held yet). */
  attendance: AttendanceView | null;
  /** The minutes' version when the pack was taken, sent as `expectedVersion`. */
  minutesVersion: number | null;
}

export function holdPartsOf(pack: MeetingPack): HoldParts {
  const parts = pack.parts as Record<string, unknown>;
  const list = (value: unknown): Named[] =>
    Array.isArray(value) ? value.filter((row): row is Named => typeof row?.id === 'string').map((row) => ({ id: row.id, name: String(row.name ?? '') })) : [];
  const minutes = parts.minutes as { version?: unknown } | null | undefined;
  return {
    meeting: parts.meeting as HoldMeeting,
    communities: list(parts.communities),
    organisations: list(parts.organisations),
    attendance: (parts.attendance as AttendanceView | undefined) ?? null,
    minutesVersion: typeof minutes?.version === 'number' ? minutes.version : null,
  };
}

/** `/meetings/{id}/…` as the online panels call it. */
export const meetingPath = (meetingId: string, rest = '') => `/meetings/${encodeURIComponent(meetingId)}${rest ? `/${rest}` : ''}`;

/** This meeting's queued actions, read again whenever the queue changes. */
export function useMeetingQueue(userId: string, meetingId: string): QueuedAction[] {
  const [actions, setActions] = useState<QueuedAction[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void listForMeeting(userId, meetingId).then((rows) => live && setActions(rows));
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, [userId, meetingId]);
  return actions;
}

/** What every hold form needs to store an action for this meeting. */
export interface HoldContext {
  userId: string;
  parts: HoldParts;
  actions: QueuedAction[];
  /** Stores the action (this user, this meeting) and tells the page it was saved on the device. */
  save: (action: Omit<NewAction, 'userId' | 'meetingId'>) => Promise<number>;
}

export function holdSaver(userId: string, meetingId: string, saved: () => void): HoldContext['save'] {
  return async (action) => {
    const seq = await enqueue({ ...action, userId, meetingId });
    saved();
    return seq;
  };
}
