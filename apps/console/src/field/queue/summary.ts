import type { QueuedAction } from '../fieldDb';
import type { SendRun } from './sender';

export type FieldState = 'offline' | 'waiting' | 'sending' | 'all-sent' | 'attention';
export type AttentionReason = 'refused' | 'sign-in' | 'pin';

export interface FieldSummary {
  state: FieldState;
  online: boolean;
  /** Actions not sent yet (waiting or being sent). */
  waiting: number;
  refused: number;
  sent: number;
  /** Why the user is needed; empty unless `state` is 'attention' (or offline with something to fix). */
  reasons: AttentionReason[];
}

/**
 * What the indicator says, most urgent first: sending now; something only the user can unblock (a refusal, a
 * sign-in, the PIN); offline; N waiting; all sent.
 */
export function summarize(input: {
  actions: readonly QueuedAction[];
  online: boolean;
  sending: boolean;
  lastRun: SendRun | null;
  unlocked: boolean;
}): FieldSummary {
  const waitingRows = input.actions.filter((action) => action.state === 'waiting' || action.state === 'sending');
  const waiting = waitingRows.length;
  const refused = input.actions.filter((action) => action.state === 'refused').length;
  const sent = input.actions.filter((action) => action.state === 'sent').length;
  const reasons: AttentionReason[] = [];
  if (refused > 0) reasons.push('refused');
  if (waiting > 0 && input.lastRun === 'needs-sign-in') reasons.push('sign-in');
  if (!input.unlocked && waitingRows.some((action) => action.sealed)) reasons.push('pin');
  const counts = { online: input.online, waiting, refused, sent, reasons };
  if (input.sending) return { state: 'sending', ...counts };
  if (reasons.length > 0) return { state: 'attention', ...counts };
  if (!input.online) return { state: 'offline', ...counts };
  if (waiting > 0) return { state: 'waiting', ...counts };
  return { state: 'all-sent', ...counts };
}
