/** What a channel reports back for one message. */
export type SendOutcome =
  | { ok: true; delivered: boolean; providerId?: string }
  | { ok: false; permanent: boolean; error: string };

export interface OutgoingEmail {
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer | string; contentType: string }[];
}

export interface OutgoingSms {
  deliveryId: string;
  to: string;
  text: string;
}
