import type { ContactView, NotificationType, Role } from '@rd/contracts';
import type { MessageData } from '../templates/render';

/** One notification to send: what it is about and to whom. Produced by a job, written as deliveries. */
export interface OutgoingMessage {
  type: NotificationType;
  /** Identifies the cause (event id, scheduled item key): with recipient and channel, the delivery's unique key. */
  sourceKey: string;
  subjectId: string;
  meetingId: string | null;
  data: MessageData;
  /** People of communities, reached on their preferred channel if they consented. */
  contacts: ContactView[];
  /** Console audiences: users with one of these roles whose scope covers the district. */
  audiences: Role[][];
  /** Console path the inbox item opens. */
  link: string | null;
  attachments?: { ics?: 'REQUEST' | 'CANCEL'; minutesPdf?: boolean };
  /** Contacts whose personal data (a name) the message carries, so that erasing them redacts it. */
  aboutContactIds?: string[];
}

/** The district team: everyone who works on reporting days in the district. */
export const DISTRICT_TEAM: Role[] = ['ngo-admin', 'police-officer', 'local-government'];
/** Who organises meetings. */
export const ORGANISERS: Role[] = ['ngo-admin', 'police-officer'];
