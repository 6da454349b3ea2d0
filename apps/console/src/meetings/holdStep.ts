import type { MeetingStatus } from '@rd/contracts';

/** What the hold step lets a recorder enter, by the meeting's status, as the meetings service accepts it. */
export interface HoldStepOffer {
  /** Attendance counts, officials and new staff: a held meeting only (409 meeting.not-held otherwise). */
  attendance: boolean;
  /** Uploading the sign-in sheet: a held meeting only; downloading one stays possible. */
  signInSheet: boolean;
  /** Recording a concern: any meeting that was not cancelled (questions can come in before the day). */
  concerns: boolean;
  /** Message key saying why attendance is not offered, or null when it is. */
  explanation: string | null;
}

const T = 'resources.meetings.hold';

export function holdStepOffer(status: MeetingStatus): HoldStepOffer {
  const held = status === 'held';
  const explanation = held ? null : status === 'closed' ? `${T}.closed` : status === 'cancelled' ? `${T}.cancelled` : `${T}.notYetHeld`;
  return { attendance: held, signInSheet: held, concerns: status !== 'cancelled', explanation };
}
