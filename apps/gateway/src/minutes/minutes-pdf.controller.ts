import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import { CurrentActor, RequirePermission } from '@rd/auth-nest';
import {
  attendanceTotal,
  concernTopicName,
  ErrorCode,
  GetAttendanceQryV1,
  GetCommunityQryV1,
  GetMeetingQryV1,
  GetMinutesQryV1,
  NotificationLanguageSchema,
  type Actor,
  type AttendanceView,
  type MinutesView,
  type NotificationLanguage,
} from '@rd/contracts';
import { RpcError, type RpcClient } from '@rd/messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CorrelationId } from '../http/correlation';
import { parseInput } from '../http/parse-body';
import { ApiContract } from '../openapi/api-contract.decorator';
import { RPC_CLIENT } from '../rpc/rpc.module';
import { minutesPdf } from './minutes-pdf';
import { PdfFontLocator } from './pdf-font-locator';

/** Where the minutes PDF finds its fonts (MINUTES_PDF_FONT_DIR; unset: the standard directories). */
export const MINUTES_PDF_FONT_DIR = Symbol('MINUTES_PDF_FONT_DIR');

const MeetingIdParam = z.object({ id: z.string().uuid('must be a meeting id') });
// Other query parameters are ignored, as on the other downloads.
const LanguageQuery = z.object({ lang: NotificationLanguageSchema.default('ru').describe('Language of the labels, dates and topic names: en, ru, tg or ky') });

type Texts = Readonly<Record<NotificationLanguage, string>>;

/** The PDF's own words, one entry per text in the four languages; {name} marks a value. */
const TEXTS = {
  communities: { en: 'Communities: {names}', ru: 'Сообщества: {names}', tg: 'Ҷамоатҳо: {names}', ky: 'Жамааттар: {names}' },
  date: { en: 'Date: {date}', ru: 'Дата: {date}', tg: 'Сана: {date}', ky: 'Күнү: {date}' },
  venue: { en: 'Venue: {venue}', ru: 'Место: {venue}', tg: 'Ҷой: {venue}', ky: 'Орду: {venue}' },
  attendance: {
    en: 'Attendees: {total} (women: {women}, men: {men}, other or not stated: {other})',
    ru: 'Участников: {total} (женщин: {women}, мужчин: {men}, другой или не указан пол: {other})',
    tg: 'Иштирокчиён: {total} (занон: {women}, мардон: {men}, дигар ё ҷинс нишон дода нашуда: {other})',
    ky: 'Катышуучулар: {total} (аялдар: {women}, эркектер: {men}, башка же жынысы көрсөтүлгөн эмес: {other})',
  },
  noAttendance: { en: 'Attendance not recorded', ru: 'Посещаемость не записана', tg: 'Ҳузур сабт нашудааст', ky: 'Катышуу жазылган эмес' },
  none: { en: 'No minutes yet', ru: 'Протокола ещё нет', tg: 'Протокол ҳанӯз нест', ky: 'Протокол азырынча жок' },
  draft: { en: 'Draft, version {version}', ru: 'Черновик, версия {version}', tg: 'Сиёҳнавис, версияи {version}', ky: 'Долбоор, {version}-версия' },
  approved: { en: 'Approved, version {version}', ru: 'Утверждён, версия {version}', tg: 'Тасдиқ шуд, версияи {version}', ky: 'Бекитилген, {version}-версия' },
  withheld: {
    en: 'Part of these minutes quotes a concern you may not read, so the text is withheld from you.',
    ru: 'В протоколе цитируется вопрос, который вам не разрешено читать, поэтому текст скрыт.',
    tg: 'Дар протокол масъалае иқтибос шудааст, ки шумо хонда наметавонед, бинобар ин матн пинҳон аст.',
    ky: 'Протоколдо сизге окууга уруксат жок маселе келтирилген, ошондуктан текст жашырылган.',
  },
  empty: { en: 'No minutes have been written yet.', ru: 'Протокол ещё не написан.', tg: 'Протокол ҳанӯз навишта нашудааст.', ky: 'Протокол азырынча жазыла элек.' },
  concerns: { en: 'Concerns by topic', ru: 'Вопросы по темам', tg: 'Масъалаҳо аз рӯи мавзӯъ', ky: 'Темалар боюнча маселелер' },
  public: { en: 'public', ru: 'открытые', tg: 'кушода', ky: 'ачык' },
  restricted: { en: 'restricted', ru: 'ограниченные', tg: 'маҳдуд', ky: 'чектелген' },
  confidential: { en: 'confidential', ru: 'конфиденциальные', tg: 'махфӣ', ky: 'купуя' },
  answer: { en: 'Answer', ru: 'Ответ', tg: 'Ҷавоб', ky: 'Жооп' },
} satisfies Record<string, Texts>;

/** One of TEXTS in a language, its {name}s filled in. */
function say(key: keyof typeof TEXTS, language: NotificationLanguage, values: Record<string, string | number> = {}): string {
  return TEXTS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const LOCALES: Record<NotificationLanguage, string> = { en: 'en-GB', ru: 'ru-RU', tg: 'tg-TJ', ky: 'ky-KG' };

/** The concern section as this reader's view has it (ADR 11 `sectionFor`): what they may not read is already 0 or gone. */
export function concernAppendix(section: MinutesView['concerns'], language: NotificationLanguage): string | undefined {
  const lines: string[] = [];
  for (const topic of section.byTopic) {
    const counts = (['public', 'restricted', 'confidential'] as const).filter((s) => topic.counts[s] > 0).map((s) => `${say(s, language)}: ${topic.counts[s]}`);
    if (counts.length === 0) continue;
    lines.push(`- **${concernTopicName(topic.topic, language)}**: ${counts.join(', ')}`);
    for (const item of topic.publicItems) {
      lines.push(`  - ${item.text.replace(/\s+/g, ' ')}`);
      if (item.answer) lines.push(`    ${say('answer', language)}: ${item.answer.replace(/\s+/g, ' ')}`);
    }
  }
  return lines.length ? [`## ${say('concerns', language)}`, '', ...lines].join('\n') : undefined;
}

/**
 * The minutes of a meeting as a PDF, for anyone who may read them (`minutes:read`, scope), built from the same
 * per-reader views as the console: the body is empty when it quotes a concern the reader may not read, and the
 * concern section carries only what the reader may read (confidential topics for the national coordinator alone).
 */
@Controller()
export class MinutesPdfController {
  private readonly fonts: PdfFontLocator;

  constructor(
    @Inject(RPC_CLIENT) private readonly rpc: RpcClient,
    @Inject(MINUTES_PDF_FONT_DIR) fontDir: string | undefined,
  ) {
    this.fonts = new PdfFontLocator(fontDir);
  }

  @Get('meetings/:id/minutes.pdf')
  @RequirePermission('minutes:read')
  @Header('Content-Type', 'application/pdf')
  @ApiContract({
    summary:
      'The minutes of a meeting in scope as a PDF (A4, an embedded font with Cyrillic): title, communities, date, venue, attendance, the formatted minutes and the concerns by topic that you may read; lang=en|ru|tg|ky for the labels',
    produces: 'application/pdf',
  })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param() params: unknown,
    @Query() query: unknown,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { id } = parseInput(MeetingIdParam, params);
    const { lang } = parseInput(LanguageQuery, query ?? {});
    const context = { correlationId };
    // The minutes first: NOT_FOUND outside scope, the reader's own view otherwise.
    const minutes = await this.rpc.request(GetMinutesQryV1, actor, { meetingId: id }, context);
    const meeting = await this.rpc.request(GetMeetingQryV1, actor, { id }, context);
    const communities = await Promise.all(meeting.communityIds.map((communityId) => this.rpc.request(GetCommunityQryV1, actor, { id: communityId }, context).then((c) => c.name, () => null)));
    const attendance = await this.rpc.request(GetAttendanceQryV1, actor, { meetingId: id }, context).catch((error: unknown) => {
      if (error instanceof RpcError && error.payload.code === ErrorCode.NotFound) return null;
      throw error;
    });
    const when = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: meeting.timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(meeting.startsAt));
    const header = [
      say('communities', lang, { names: communities.filter(Boolean).join(', ') || '—' }),
      say('date', lang, { date: `${when} (${meeting.timeZone})` }),
      say('venue', lang, { venue: meeting.venueName || '—' }),
      attendanceLine(attendance, lang),
      say(minutes.status, lang, { version: minutes.version }),
    ];
    const pdf = await minutesPdf({
      title: meeting.title,
      header,
      body: minutes.withheld ? null : minutes.body,
      bodyNote: say(minutes.withheld ? 'withheld' : 'empty', lang),
      appendix: concernAppendix(minutes.concerns, lang),
      fonts: this.fonts.locate(),
    });
    void reply.header('Content-Disposition', `attachment; filename="minutes-${meeting.id}.pdf"`).header('Cache-Control', 'private, no-store');
    return pdf;
  }
}

function attendanceLine(attendance: AttendanceView | null, language: NotificationLanguage): string {
  if (!attendance) return say('noAttendance', language);
  const sum = (row: AttendanceView['counts']['women']) => row.under18 + row.from18to29 + row.from30to59 + row.from60;
  const { counts } = attendance;
  return say('attendance', language, { total: attendanceTotal(counts), women: sum(counts.women), men: sum(counts.men), other: sum(counts.other) });
}
