import { z } from 'zod';
import { GeoCodeSchema } from '../common/actor';
import { SensitivitySchema } from '../common/sensitivity';

/** The managed list of concern topics (DOMAIN "Holding the meeting"). */
export const CONCERN_TOPICS = [
  'water-and-irrigation',
  'pasture-and-land',
  'border-crossing',
  'border-guards',
  'youth-violence',
  'inter-community-conflict',
  'domestic-violence',
  'theft',
  'drugs',
  'road-safety',
  'documents-and-legal-help',
  'other',
] as const;
export const ConcernTopicSchema = z.enum(CONCERN_TOPICS).describe('Topic from the managed list');
export type ConcernTopic = z.infer<typeof ConcernTopicSchema>;

/**
 * The name of each topic in the four working languages, for what leaves the console (distributed minutes, the
 * minutes PDF): readers are shown names, never codes. The console's i18n files carry the same names (a test keeps
 * them equal).
 */
export const CONCERN_TOPIC_NAMES: Readonly<Record<ConcernTopic, Readonly<Record<'en' | 'ru' | 'tg' | 'ky', string>>>> = {
  'water-and-irrigation': { en: 'Water and irrigation', ru: 'Вода и орошение', tg: 'Об ва обёрӣ', ky: 'Суу жана сугат' },
  'pasture-and-land': { en: 'Pasture and land', ru: 'Пастбища и земля', tg: 'Чарогоҳ ва замин', ky: 'Жайыт жана жер' },
  'border-crossing': { en: 'Border crossing', ru: 'Пересечение границы', tg: 'Убур аз сарҳад', ky: 'Чек арадан өтүү' },
  'border-guards': { en: 'Border guards', ru: 'Пограничники', tg: 'Сарҳадбонон', ky: 'Чек арачылар' },
  'youth-violence': { en: 'Youth violence', ru: 'Насилие среди молодёжи', tg: 'Зӯроварии ҷавонон', ky: 'Жаштардын зомбулугу' },
  'inter-community-conflict': { en: 'Inter-community conflict', ru: 'Конфликт между сообществами', tg: 'Низои байни ҷамоатҳо', ky: 'Жамааттар аралык чыр-чатак' },
  'domestic-violence': { en: 'Domestic violence', ru: 'Домашнее насилие', tg: 'Хушунати хонаводагӣ', ky: 'Үй-бүлөлүк зомбулук' },
  theft: { en: 'Theft', ru: 'Кражи', tg: 'Дуздӣ', ky: 'Уурулук' },
  drugs: { en: 'Drugs', ru: 'Наркотики', tg: 'Маводи мухаддир', ky: 'Баңгизат' },
  'road-safety': { en: 'Road safety', ru: 'Безопасность дорожного движения', tg: 'Бехатарии роҳ', ky: 'Жол коопсуздугу' },
  'documents-and-legal-help': { en: 'Documents and legal help', ru: 'Документы и юридическая помощь', tg: 'Ҳуҷҷатҳо ва кӯмаки ҳуқуқӣ', ky: 'Документтер жана юридикалык жардам' },
  other: { en: 'Other', ru: 'Другое', tg: 'Дигар', ky: 'Башка' },
};

/** A topic's name in a language (Russian for another language; the code itself for a code not in the list). */
export function concernTopicName(topic: string, language: string): string {
  const names = (CONCERN_TOPIC_NAMES as Record<string, Record<string, string>>)[topic];
  return names ? (names[language] ?? names['ru']) : topic;
}

export const RAISER_GENDERS = ['female', 'male'] as const;
export const RAISER_AGE_GROUPS = ['under-18', '18-29', '30-59', '60-plus'] as const;

/** The raiser is anonymous: at most a gender and an age group, both optional. */
export const ConcernRaiserSchema = z
  .object({
    gender: z.enum(RAISER_GENDERS).nullable().default(null).describe('Gender of the person who raised it, if they wished to say'),
    ageGroup: z.enum(RAISER_AGE_GROUPS).nullable().default(null).describe('Age group of the person who raised it, if they wished to say'),
  })
  .strict()
  .describe('Who raised it, anonymously');
export type ConcernRaiser = z.infer<typeof ConcernRaiserSchema>;

const HandlerIdsSchema = z
  .array(z.string().min(1).max(100))
  .max(10)
  .describe('Case handlers: user ids (Keycloak subjects); required for a confidential concern');

const TextSchema = z.string().trim().min(1).max(4000);

export const RecordConcernInputSchema = z
  .object({
    topic: ConcernTopicSchema,
    sensitivity: SensitivitySchema.default('public'),
    text: TextSchema.describe('The question or issue as raised'),
    answer: z.string().trim().max(4000).nullable().default(null).describe('The answer given at the meeting'),
    followUpNeeded: z.boolean().default(false).describe('Whether the concern needs follow-up actions'),
    raiser: ConcernRaiserSchema.default({ gender: null, ageGroup: null }),
    handlerIds: HandlerIdsSchema.default([]),
  })
  .strict()
  .refine((input) => input.sensitivity !== 'confidential' || input.handlerIds.length > 0, {
    message: 'A confidential concern needs at least one named handler',
    path: ['handlerIds'],
  });
export type RecordConcernInput = z.input<typeof RecordConcernInputSchema>;

export const UpdateConcernInputSchema = z
  .object({
    topic: ConcernTopicSchema.optional(),
    sensitivity: SensitivitySchema.optional().describe('Upwards always; downwards only by a handler or the coordinator (audited)'),
    text: TextSchema.optional().describe('The question or issue as raised'),
    answer: z.string().trim().max(4000).nullable().optional().describe('The answer given at the meeting'),
    followUpNeeded: z.boolean().optional(),
    raiser: ConcernRaiserSchema.optional(),
    handlerIds: HandlerIdsSchema.optional(),
  })
  .strict();
export type UpdateConcernInput = z.infer<typeof UpdateConcernInputSchema>;

/** A concern as its readers see it. Only ever returned to actors `canReadConcern` allows. */
export const ConcernViewSchema = z.object({
  id: z.string().uuid().describe('Concern id'),
  meetingId: z.string().uuid().describe('Meeting it was raised at'),
  districtCode: GeoCodeSchema.describe('District of the meeting'),
  regionCode: GeoCodeSchema.describe('Region of the meeting'),
  topic: ConcernTopicSchema,
  sensitivity: SensitivitySchema,
  text: z.string().describe('The question or issue as raised'),
  answer: z.string().nullable().describe('The answer given at the meeting'),
  followUpNeeded: z.boolean().describe('Whether follow-up is needed'),
  raiser: ConcernRaiserSchema,
  handlerIds: z.array(z.string()).describe('Named case handlers (user ids)'),
  provisionalHandlerIds: z
    .array(z.string())
    .optional()
    .describe('Handlers named by a reader who raised it to confidential: they read it but may neither lower it nor name other handlers'),
  actionCount: z.number().int().min(0).describe('Follow-up actions on it'),
  openActionCount: z.number().int().min(0).describe('Actions neither done, referred nor dropped'),
  resolved: z.boolean().describe('All its actions are done (dropped ones aside), or none is needed'),
  recordedBy: z.string().describe('User id of who recorded it'),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string().describe('ISO 8601'),
});
export type ConcernView = z.infer<typeof ConcernViewSchema>;

/**
 * What the recorder of a concern gets back when they may not read it themselves (a confidential concern
 * that names other handlers): that it was stored, and nothing of its text.
 */
export const ConcernReceiptSchema = z
  .object({
    id: z.string().uuid().describe('Concern id'),
    meetingId: z.string().uuid().describe('Meeting it was raised at'),
    topic: ConcernTopicSchema,
    sensitivity: SensitivitySchema,
    readable: z.literal(false).describe('The caller may not read this concern'),
  })
  .strict();
export type ConcernReceipt = z.infer<typeof ConcernReceiptSchema>;

/** A concern's full view for its readers, or a receipt for a writer who may not read it. */
export const ConcernReplySchema = z.union([ConcernViewSchema, ConcernReceiptSchema]);
export type ConcernReply = z.infer<typeof ConcernReplySchema>;

/** How many concerns of a list the caller may not read, per sensitivity: counts only, never text. */
export const HiddenConcernCountsSchema = z
  .object({
    public: z.number().int().min(0),
    restricted: z.number().int().min(0),
    confidential: z.number().int().min(0),
  })
  .strict()
  .describe('Concerns withheld from the caller, counted per sensitivity');
export type HiddenConcernCounts = z.infer<typeof HiddenConcernCountsSchema>;

/**
 * Where a read came from, as the gateway saw it, so the meetings service can write the audit record of a
 * confidential read with the same coordinates the gateway records.
 */
export const RequestOriginSchema = z
  .object({
    clientAddress: z.string().max(64).describe('Address the request came from'),
    method: z.string().regex(/^[A-Z]+$/).max(10).describe('HTTP method'),
    path: z.string().max(300).describe('Request path without the query string'),
  })
  .strict()
  .describe('The HTTP request behind this message, for the audit record');
export type RequestOrigin = z.infer<typeof RequestOriginSchema>;
