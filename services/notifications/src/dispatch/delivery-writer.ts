import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NOTIFICATION_LANGUAGES, type ContactView, type DeliveryChannel, type NotificationLanguage, type Role, type SkipReason } from '@rd/contracts';
import { meetingIcs } from '../channels/ics';
import { ContactStateRepository, type ContactState } from '../deliveries/contact-state.repository';
import { DeliveryRepository, namesAbout, redactDeep, redactor, type DeliveryContent, type DeliveryRow, type InboxVariants, type NewDelivery } from '../deliveries/delivery.repository';
import type { MessageData } from '../templates/render';
import { minutesBodyIn } from './minutes-distribution';
import { TemplatesService, type ChosenTemplate } from '../templates/templates.service';
import type { OutgoingMessage } from './outgoing-message';

/**
 * Console messages are rendered in every console language (each user reads them in the console's locale); Russian,
 * the working language of district teams on both sides of the border, is the delivery's own and the default.
 */
export const CONSOLE_LANGUAGE: NotificationLanguage = 'ru';

export interface WriterContext {
  consoleUrl: string;
  organiserEmail: string;
}

/**
 * Why a contact gets nothing, or null when they can be reached on their channel. `state` is what communities' events
 * said later than the view was read (a withdrawal or an erasure the view does not show yet) and wins when newer.
 */
export function skipReasonOf(contact: ContactView, state?: ContactState): SkipReason | null {
  if (contact.erasedAt || state?.erased_at) return 'erased';
  const stateIsNewer = state && (!contact.consentChangedAt || new Date(state.consent_changed_at).getTime() >= Date.parse(contact.consentChangedAt));
  if (stateIsNewer ? !state.consent : !contact.consent) return 'no-consent';
  if (contact.preferredChannel === 'console') return 'no-console-account';
  if (contact.preferredChannel === 'email' && !contact.email) return 'no-address';
  if (contact.preferredChannel === 'sms' && !contact.phone) return 'no-address';
  return null;
}

export const audienceKey = (districtCode: string, roles: readonly Role[]) => `${districtCode}:${[...roles].sort().join(',')}`;

/** Writes one delivery per (message, recipient, channel); duplicates are dropped by the unique key. */
@Injectable()
export class DeliveryWriter {
  constructor(private readonly templates: TemplatesService) {}

  async write(tx: EntityManager, message: OutgoingMessage, context: WriterContext): Promise<DeliveryRow[]> {
    const repo = new DeliveryRepository(tx);
    const written: DeliveryRow[] = [];
    const seen = new Set<string>();
    for (const contact of message.contacts) {
      if (seen.has(contact.id)) continue;
      seen.add(contact.id);
      const row = await this.writeForContact(tx, repo, message, contact, context, null);
      if (row) written.push(row);
    }
    for (const roles of message.audiences) {
      const row = await this.writeForAudience(tx, repo, message, roles, context);
      if (row) written.push(row);
    }
    return written;
  }

  /** A contact's delivery on their preferred channel, or a skipped one saying why. */
  async writeForContact(
    tx: EntityManager,
    repo: DeliveryRepository,
    resolved: Pick<OutgoingMessage, 'type' | 'sourceKey' | 'subjectId' | 'meetingId' | 'data' | 'link' | 'attachments' | 'aboutContactIds'>,
    contact: ContactView,
    context: WriterContext,
    resendOf: { id: string; n: number } | null,
  ): Promise<DeliveryRow | undefined> {
    const channel: DeliveryChannel = contact.preferredChannel;
    const states = new ContactStateRepository(tx);
    // Under the contact's lock until commit, so an erasure or withdrawal is either seen here or sees this row.
    await states.lockForWrite([contact.id]);
    const message = await this.withoutErased(tx, resolved);
    const skip = skipReasonOf(contact, await states.find(contact.id));
    const base = this.base(message, channel, resendOf, `contact:${contact.id}`);
    if (skip) {
      return repo.insert({
        ...base,
        status: 'skipped',
        recipient_kind: 'contact',
        recipient_id: contact.id,
        recipient_name: skip === 'erased' ? null : contact.name || null,
        address: null,
        requested_language: contact.preferredLanguage,
        language: null,
        language_fallback: false,
        template_version: null,
        skip_reason: skip,
        next_attempt_at: null,
        content: null,
      });
    }
    const chosen = await this.templates.choose(message.type, contact.preferredLanguage, tx);
    const rendered = this.templates.render(chosen, message.data, contact.name, context.consoleUrl);
    return repo.insert({
      ...base,
      status: 'queued',
      recipient_kind: 'contact',
      recipient_id: contact.id,
      recipient_name: contact.name,
      address: channel === 'email' ? contact.email : contact.phone,
      requested_language: contact.preferredLanguage,
      language: chosen.language,
      language_fallback: chosen.fallback,
      template_version: chosen.version,
      skip_reason: null,
      next_attempt_at: new Date(),
      content: channel === 'email' ? this.emailContent(rendered, message, context, chosen.language) : { ...rendered, html: '' },
    });
  }

  /**
   * Locks the contacts the message is about (lockForWrite) and, if one of them is erased by now, replaces their name
   * in the message data with `[erased]`: the data was resolved before, and the erasure may have redacted the stored
   * messages before this one is written.
   */
  private async withoutErased<M extends Pick<OutgoingMessage, 'data' | 'aboutContactIds'>>(tx: EntityManager, message: M): Promise<M> {
    const about = message.aboutContactIds ?? [];
    if (about.length === 0) return message;
    const states = new ContactStateRepository(tx);
    await states.lockForWrite(about);
    const erased = [...(await states.findMany(about)).values()].some((state) => state.erased_at);
    if (!erased) return message;
    // Messages name one person they are about (the officer); were there more, only the erased ones would go.
    const redact = redactor(namesAbout(message.data));
    return { ...message, data: redactDeep(message.data, redact) };
  }

  private async writeForAudience(tx: EntityManager, repo: DeliveryRepository, resolved: OutgoingMessage, roles: Role[], context: WriterContext): Promise<DeliveryRow | undefined> {
    const message = await this.withoutErased(tx, resolved);
    // Every console language, each with the template fallback of a contact's message; the delivery keeps Russian.
    const templates = {} as Record<NotificationLanguage, ChosenTemplate>;
    const variants = {} as InboxVariants;
    for (const language of NOTIFICATION_LANGUAGES) {
      const template = (templates[language] = await this.templates.choose(message.type, language, tx));
      const { subject, text } = this.templates.render(template, message.data, '', context.consoleUrl);
      variants[language] = { title: subject, body: text, language: template.language };
    }
    const chosen = templates[CONSOLE_LANGUAGE];
    const rendered = variants[CONSOLE_LANGUAGE];
    const key = audienceKey(message.data.districtCode, roles);
    const row = await repo.insert({
      ...this.base(message, 'console', null, `audience:${key}`),
      status: 'delivered',
      recipient_kind: 'audience',
      recipient_id: key,
      recipient_name: null,
      address: null,
      requested_language: CONSOLE_LANGUAGE,
      language: chosen.language,
      language_fallback: chosen.fallback,
      template_version: chosen.version,
      skip_reason: null,
      next_attempt_at: null,
      content: { subject: rendered.title, text: rendered.body, html: '', sms: '' },
    });
    if (row) {
      await repo.insertInboxItem({
        deliveryId: row.id,
        type: message.type,
        title: rendered.title,
        body: rendered.body,
        link: message.link,
        districtCode: message.data.districtCode,
        regionCode: message.data.regionCode,
        roles,
        userId: null,
        language: chosen.language,
        variants,
      });
    }
    return row;
  }

  private base(
    message: Pick<OutgoingMessage, 'type' | 'sourceKey' | 'subjectId' | 'meetingId' | 'data' | 'link' | 'attachments' | 'aboutContactIds'>,
    channel: DeliveryChannel,
    resendOf: { id: string; n: number } | null,
    recipient: string,
  ): Pick<NewDelivery, 'dedupe_key' | 'source_key' | 'type' | 'channel' | 'district_code' | 'region_code' | 'meeting_id' | 'subject_id' | 'resend_of' | 'data' | 'about_contact_ids'> {
    const data: DeliveryRow['data'] = { ...message.data, attachments: message.attachments, link: message.link };
    return {
      dedupe_key: resendOf ? `resend:${resendOf.id}:${resendOf.n}` : `${message.sourceKey}|${recipient}|${channel}`,
      source_key: message.sourceKey,
      type: message.type,
      channel,
      district_code: message.data.districtCode,
      region_code: message.data.regionCode,
      meeting_id: message.meetingId,
      subject_id: message.subjectId,
      resend_of: resendOf?.id ?? null,
      data,
      about_contact_ids: [...new Set(message.aboutContactIds ?? [])],
    };
  }

  private emailContent(
    rendered: { subject: string; text: string; html: string; sms: string },
    message: { data: MessageData; attachments?: OutgoingMessage['attachments'] },
    context: WriterContext,
    language: NotificationLanguage,
  ): DeliveryContent {
    const content: DeliveryContent = { ...rendered };
    const meeting = message.data.meeting;
    if (message.attachments?.ics && meeting) {
      content.ics = { method: message.attachments.ics, content: meetingIcs(meeting, message.attachments.ics, context.organiserEmail) };
    }
    if (message.attachments?.minutesPdf && message.data.minutes && meeting) {
      content.minutesPdf = { title: meeting.title, subtitle: `${meeting.communities.join(', ')} · ${meeting.startsAt.slice(0, 10)} · v${message.data.minutes.version}`, body: minutesBodyIn(message.data.minutes, language) };
    }
    return content;
  }
}
