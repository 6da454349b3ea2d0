import type { NotificationLanguage, NotificationTemplateContent, NotificationType } from '@rd/contracts';

type Seed = Partial<Record<NotificationLanguage, NotificationTemplateContent>>;

/**
 * Version 1 of every template, written as "system" at every start when missing (a new type is seeded by the next
 * start, no migration; a language added to a type here is seeded the same way). Every type in English, Russian, Tajik and
 * Kyrgyz. SMS texts use the short date forms (`whenShort`, `dueShort`, `endShort`, `sinceShort`) so that, with the sample
 * data, each fits one segment (70 characters in Cyrillic) apart from a trailing link (default-templates.spec.ts).
 * Never a concern's text: only topics, counts and links.
 */
export const DEFAULT_TEMPLATES: Record<NotificationType, Seed> = {
  'meeting-invitation': {
    en: {
      subject: 'Invitation: {{meeting.title}} on {{meeting.date}}',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}You are invited to the reporting day "{{meeting.title}}" for {{meeting.communities}}.\n\nWhen: {{meeting.when}} ({{meeting.timeZone}})\nWhere: {{meeting.venueName}}{{#meeting.mapLink}}\nMap: {{.}}{{/meeting.mapLink}}\n\nThe calendar entry is attached.\n{{meeting.link}}',
      html: null,
      sms: 'Reporting day "{{meeting.title}}": {{meeting.when}}, {{meeting.venueName}}.',
    },
    ru: {
      subject: 'Приглашение: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}приглашаем вас на день отчёта «{{meeting.title}}» ({{meeting.communities}}).\n\nКогда: {{meeting.when}} ({{meeting.timeZone}})\nГде: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\nПриглашение для календаря во вложении.\n{{meeting.link}}',
      html: null,
      sms: 'День отчёта «{{meeting.title}}»: {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    tg: {
      subject: 'Даъватнома: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}Шуморо ба рӯзи ҳисоботи «{{meeting.title}}» ({{meeting.communities}}) даъват менамоем.\n\nКай: {{meeting.when}} ({{meeting.timeZone}})\nДар куҷо: {{meeting.venueName}}{{#meeting.mapLink}}\nХарита: {{.}}{{/meeting.mapLink}}\n\n{{meeting.link}}',
      html: null,
      sms: 'Рӯзи ҳисобот «{{meeting.title}}»: {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    ky: {
      subject: 'Чакыруу: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}Сизди «{{meeting.title}}» отчеттук күнгө ({{meeting.communities}}) чакырабыз.\n\nКачан: {{meeting.when}} ({{meeting.timeZone}})\nКайда: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\n{{meeting.link}}',
      html: null,
      sms: 'Отчеттук күн «{{meeting.title}}»: {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
  },
  'meeting-updated': {
    en: {
      subject: 'Changed: {{meeting.title}} on {{meeting.date}}',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}The details of the reporting day "{{meeting.title}}" changed.\n\nWhen: {{meeting.when}} ({{meeting.timeZone}})\nWhere: {{meeting.venueName}}{{#meeting.mapLink}}\nMap: {{.}}{{/meeting.mapLink}}\n\nThe updated calendar entry is attached.\n{{meeting.link}}',
      html: null,
      sms: 'Changed: "{{meeting.title}}" {{meeting.when}}, {{meeting.venueName}}.',
    },
    ru: {
      subject: 'Изменение: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}изменились сведения о дне отчёта «{{meeting.title}}».\n\nКогда: {{meeting.when}} ({{meeting.timeZone}})\nГде: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\nОбновлённое приглашение для календаря во вложении.\n{{meeting.link}}',
      html: null,
      sms: 'Изменение: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    tg: {
      subject: 'Тағйирот: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}маълумот дар бораи рӯзи ҳисоботи «{{meeting.title}}» тағйир ёфт.\n\nКай: {{meeting.when}} ({{meeting.timeZone}})\nДар куҷо: {{meeting.venueName}}{{#meeting.mapLink}}\nХарита: {{.}}{{/meeting.mapLink}}\n\nДаъватномаи навшуда барои тақвим замима шудааст.\n{{meeting.link}}',
      html: null,
      sms: 'Тағйирот: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    ky: {
      subject: 'Өзгөрүү: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}«{{meeting.title}}» отчеттук күн тууралуу маалымат өзгөрдү.\n\nКачан: {{meeting.when}} ({{meeting.timeZone}})\nКайда: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\nЖаңыланган календарь чакыруусу тиркелди.\n{{meeting.link}}',
      html: null,
      sms: 'Өзгөрүү: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
  },
  'meeting-rescheduled': {
    en: {
      subject: 'New date: {{meeting.title}} moved to {{meeting.date}}',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}The reporting day "{{meeting.title}}" planned for {{previous.when}} was moved.\n\nNew time: {{meeting.when}} ({{meeting.timeZone}})\nWhere: {{meeting.venueName}}{{#meeting.mapLink}}\nMap: {{.}}{{/meeting.mapLink}}\n\nThe updated calendar entry is attached.\n{{meeting.link}}',
      html: null,
      sms: '"{{meeting.title}}" moved from {{previous.when}} to {{meeting.when}}, {{meeting.venueName}}.',
    },
    ru: {
      subject: 'Новая дата: {{meeting.title}} перенесён на {{meeting.date}}',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}день отчёта «{{meeting.title}}», назначенный на {{previous.when}}, перенесён.\n\nНовое время: {{meeting.when}} ({{meeting.timeZone}})\nГде: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\nОбновлённое приглашение для календаря во вложении.\n{{meeting.link}}',
      html: null,
      sms: '«{{meeting.title}}» перенесён на {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    tg: {
      subject: 'Санаи нав: {{meeting.title}} ба {{meeting.date}} гузаронида шуд',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}рӯзи ҳисоботи «{{meeting.title}}», ки ба {{previous.when}} таъин шуда буд, ба вақти дигар гузаронида шуд.\n\nВақти нав: {{meeting.when}} ({{meeting.timeZone}})\nДар куҷо: {{meeting.venueName}}{{#meeting.mapLink}}\nХарита: {{.}}{{/meeting.mapLink}}\n\nДаъватномаи навшуда барои тақвим замима шудааст.\n{{meeting.link}}',
      html: null,
      sms: '«{{meeting.title}}» ба {{meeting.whenShort}} гузаронида шуд, {{meeting.venueName}}.',
    },
    ky: {
      subject: 'Жаңы күн: {{meeting.title}} {{meeting.date}} күнүнө жылдырылды',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}{{previous.when}} күнүнө белгиленген «{{meeting.title}}» отчеттук күн башка убакытка жылдырылды.\n\nЖаңы убакыт: {{meeting.when}} ({{meeting.timeZone}})\nКайда: {{meeting.venueName}}{{#meeting.mapLink}}\nКарта: {{.}}{{/meeting.mapLink}}\n\nЖаңыланган календарь чакыруусу тиркелди.\n{{meeting.link}}',
      html: null,
      sms: '«{{meeting.title}}» жылдырылды: {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
  },
  'meeting-cancelled': {
    en: {
      subject: 'Cancelled: {{meeting.title}} on {{meeting.date}}',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}The reporting day "{{meeting.title}}" planned for {{meeting.when}} is cancelled.\n{{meeting.link}}',
      html: null,
      sms: 'Cancelled: "{{meeting.title}}" {{meeting.when}}.',
    },
    ru: {
      subject: 'Отменён: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}день отчёта «{{meeting.title}}», назначенный на {{meeting.when}}, отменён.\n{{meeting.link}}',
      html: null,
      sms: 'Отменён: «{{meeting.title}}» {{meeting.whenShort}}.',
    },
    tg: {
      subject: 'Бекор шуд: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}рӯзи ҳисоботи «{{meeting.title}}», ки ба {{meeting.when}} таъин шуда буд, бекор карда шуд.\n{{meeting.link}}',
      html: null,
      sms: 'Бекор шуд: «{{meeting.title}}» {{meeting.whenShort}}.',
    },
    ky: {
      subject: 'Жокко чыгарылды: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}{{meeting.when}} күнүнө белгиленген «{{meeting.title}}» отчеттук күн жокко чыгарылды.\n{{meeting.link}}',
      html: null,
      sms: 'Жокко чыгарылды: «{{meeting.title}}» {{meeting.whenShort}}.',
    },
  },
  'meeting-uninvited': {
    en: {
      subject: 'No longer expected: {{meeting.title}} on {{meeting.date}}',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}The invitation list of the reporting day "{{meeting.title}}" ({{meeting.communities}}) on {{meeting.when}} ({{meeting.timeZone}}) changed: you are no longer expected to attend.\n\nThe cancellation for your calendar is attached.',
      html: null,
      sms: 'You are no longer expected at "{{meeting.title}}" {{meeting.when}}.',
    },
    ru: {
      subject: 'Участие не требуется: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}список приглашённых на день отчёта «{{meeting.title}}» ({{meeting.communities}}), {{meeting.when}} ({{meeting.timeZone}}), изменён: ваше участие больше не требуется.\n\nОтмена для календаря во вложении.',
      html: null,
      sms: 'Ваше участие в «{{meeting.title}}» {{meeting.whenShort}} не требуется.',
    },
    tg: {
      subject: 'Иштирок лозим нест: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}рӯйхати даъватшудагони рӯзи ҳисоботи «{{meeting.title}}» ({{meeting.communities}}), {{meeting.when}} ({{meeting.timeZone}}) тағйир ёфт: иштироки Шумо дигар лозим нест.\n\nБекоркунӣ барои тақвим замима шудааст.',
      html: null,
      sms: 'Иштироки Шумо дар «{{meeting.title}}» {{meeting.whenShort}} лозим нест.',
    },
    ky: {
      subject: 'Катышуу талап кылынбайт: {{meeting.title}}, {{meeting.date}}',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}«{{meeting.title}}» отчеттук күнгө ({{meeting.communities}}), {{meeting.when}} ({{meeting.timeZone}}) чакырылгандардын тизмеси өзгөрдү: сиздин катышууңуз мындан ары талап кылынбайт.\n\nКалендарь үчүн жокко чыгаруу тиркелди.',
      html: null,
      sms: '«{{meeting.title}}» {{meeting.whenShort}}: катышууңуз талап кылынбайт.',
    },
  },
  'meeting-reminder': {
    en: {
      subject: 'Reminder: {{meeting.title}} in {{reminder.daysBefore}} day(s)',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}A reminder: the reporting day "{{meeting.title}}" takes place {{meeting.when}} ({{meeting.timeZone}}) at {{meeting.venueName}}.\n{{#meeting.mapLink}}Map: {{.}}\n{{/meeting.mapLink}}{{meeting.link}}',
      html: null,
      sms: 'Reminder: "{{meeting.title}}" {{meeting.when}}, {{meeting.venueName}}.',
    },
    ru: {
      subject: 'Напоминание: {{meeting.title}} через {{reminder.daysBefore}} дн.',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}напоминаем: день отчёта «{{meeting.title}}» состоится {{meeting.when}} ({{meeting.timeZone}}), место: {{meeting.venueName}}.\n{{#meeting.mapLink}}Карта: {{.}}\n{{/meeting.mapLink}}{{meeting.link}}',
      html: null,
      sms: 'Напоминание: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    tg: {
      subject: 'Ёдрас: {{meeting.title}} баъди {{reminder.daysBefore}} рӯз',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}ёдрас менамоем: рӯзи ҳисоботи «{{meeting.title}}» {{meeting.when}} ({{meeting.timeZone}}) дар {{meeting.venueName}} баргузор мегардад.\n{{#meeting.mapLink}}Харита: {{.}}\n{{/meeting.mapLink}}{{meeting.link}}',
      html: null,
      sms: 'Ёдрас: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
    ky: {
      subject: 'Эскертме: {{meeting.title}} {{reminder.daysBefore}} күндөн кийин',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}эскертебиз: «{{meeting.title}}» отчеттук күн {{meeting.when}} ({{meeting.timeZone}}) {{meeting.venueName}} болот.\n{{#meeting.mapLink}}Карта: {{.}}\n{{/meeting.mapLink}}{{meeting.link}}',
      html: null,
      sms: 'Эскертме: «{{meeting.title}}» {{meeting.whenShort}}, {{meeting.venueName}}.',
    },
  },
  'minutes-overdue': {
    en: {
      subject: 'Minutes missing: {{meeting.title}} ({{chase.daysAfter}} days after)',
      text: 'The reporting day "{{meeting.title}}" was held on {{chase.heldOn}}; its minutes are not approved yet ({{chase.daysAfter}} days later). Please draft and approve them.\n{{meeting.link}}',
      html: null,
      sms: 'Minutes of "{{meeting.title}}" not approved yet ({{chase.daysAfter}} days). {{meeting.link}}',
    },
    ru: {
      subject: 'Нет протокола: {{meeting.title}} ({{chase.daysAfter}} дн. спустя)',
      text: 'День отчёта «{{meeting.title}}» проведён {{chase.heldOn}}; протокол до сих пор не утверждён ({{chase.daysAfter}} дн.). Пожалуйста, подготовьте и утвердите его.\n{{meeting.link}}',
      html: null,
      sms: 'Протокол «{{meeting.title}}» не утверждён ({{chase.daysAfter}} дн.). {{meeting.link}}',
    },
    tg: {
      subject: 'Протокол нест: {{meeting.title}} ({{chase.daysAfter}} рӯз пас)',
      text: 'Рӯзи ҳисоботи «{{meeting.title}}» {{chase.heldOn}} баргузор шуд; протоколи он то ҳол тасдиқ нашудааст ({{chase.daysAfter}} рӯз). Лутфан онро омода ва тасдиқ кунед.\n{{meeting.link}}',
      html: null,
      sms: 'Протоколи «{{meeting.title}}» тасдиқ нашудааст ({{chase.daysAfter}} рӯз). {{meeting.link}}',
    },
    ky: {
      subject: 'Протокол жок: {{meeting.title}} ({{chase.daysAfter}} күндөн кийин)',
      text: '«{{meeting.title}}» отчеттук күн {{chase.heldOn}} өттү; анын протоколу али бекитиле элек ({{chase.daysAfter}} күн). Сураныч, аны даярдап, бекитиңиз.\n{{meeting.link}}',
      html: null,
      sms: '«{{meeting.title}}» протоколу бекитиле элек ({{chase.daysAfter}} күн). {{meeting.link}}',
    },
  },
  'minutes-distributed': {
    en: {
      subject: 'Minutes: {{meeting.title}} ({{meeting.date}})',
      text: '{{#recipient.name}}Dear {{.}},\n\n{{/recipient.name}}The minutes of the reporting day "{{meeting.title}}" ({{meeting.communities}}) were approved. They are attached as PDF and shown below.\n\nConcerns raised: {{minutes.concernsTotal}} on {{minutes.topics}} topic(s).\n\n{{minutes.body}}',
      html: '{{#recipient.name}}<p>Dear {{.}},</p>{{/recipient.name}}<p>The minutes of the reporting day <b>{{meeting.title}}</b> ({{meeting.communities}}) were approved. They are attached as PDF and shown below.</p><p>Concerns raised: {{minutes.concernsTotal}} on {{minutes.topics}} topic(s).</p><hr>{{{minutes.html}}}',
      sms: 'Minutes of "{{meeting.title}}" approved: {{minutes.concernsTotal}} concerns, {{minutes.topics}} topics. {{minutes.link}}',
    },
    ru: {
      subject: 'Протокол: {{meeting.title}} ({{meeting.date}})',
      text: '{{#recipient.name}}Уважаемый(ая) {{.}},\n\n{{/recipient.name}}протокол дня отчёта «{{meeting.title}}» ({{meeting.communities}}) утверждён. Он приложен в PDF и приведён ниже.\n\nПоднято вопросов: {{minutes.concernsTotal}}, тем: {{minutes.topics}}.\n\n{{minutes.body}}',
      html: '{{#recipient.name}}<p>Уважаемый(ая) {{.}},</p>{{/recipient.name}}<p>протокол дня отчёта <b>{{meeting.title}}</b> ({{meeting.communities}}) утверждён. Он приложен в PDF и приведён ниже.</p><p>Поднято вопросов: {{minutes.concernsTotal}}, тем: {{minutes.topics}}.</p><hr>{{{minutes.html}}}',
      sms: 'Протокол «{{meeting.title}}» утверждён: вопросов {{minutes.concernsTotal}}, тем {{minutes.topics}}. {{minutes.link}}',
    },
    tg: {
      subject: 'Протокол: {{meeting.title}} ({{meeting.date}})',
      text: '{{#recipient.name}}Мӯҳтарам {{.}},\n\n{{/recipient.name}}протоколи рӯзи ҳисоботи «{{meeting.title}}» ({{meeting.communities}}) тасдиқ шуд. Он ба сифати PDF замима шудааст ва дар поён оварда мешавад.\n\nМуроҷиатҳои бардошташуда: {{minutes.concernsTotal}}, мавзӯъҳо: {{minutes.topics}}.\n\n{{minutes.body}}',
      html: '{{#recipient.name}}<p>Мӯҳтарам {{.}},</p>{{/recipient.name}}<p>протоколи рӯзи ҳисоботи <b>{{meeting.title}}</b> ({{meeting.communities}}) тасдиқ шуд. Он ба сифати PDF замима шудааст ва дар поён оварда мешавад.</p><p>Муроҷиатҳои бардошташуда: {{minutes.concernsTotal}}, мавзӯъҳо: {{minutes.topics}}.</p><hr>{{{minutes.html}}}',
      sms: 'Протоколи «{{meeting.title}}» тасдиқ шуд: муроҷиатҳо {{minutes.concernsTotal}}, мавзӯъҳо {{minutes.topics}}. {{minutes.link}}',
    },
    ky: {
      subject: 'Протокол: {{meeting.title}} ({{meeting.date}})',
      text: '{{#recipient.name}}Урматтуу {{.}},\n\n{{/recipient.name}}«{{meeting.title}}» ({{meeting.communities}}) отчеттук күндүн протоколу бекитилди. Ал PDF түрүндө тиркелген жана төмөндө келтирилген.\n\nКөтөрүлгөн кайрылуулар: {{minutes.concernsTotal}}, темалар: {{minutes.topics}}.\n\n{{minutes.body}}',
      html: '{{#recipient.name}}<p>Урматтуу {{.}},</p>{{/recipient.name}}<p><b>{{meeting.title}}</b> ({{meeting.communities}}) отчеттук күндүн протоколу бекитилди. Ал PDF түрүндө тиркелген жана төмөндө келтирилген.</p><p>Көтөрүлгөн кайрылуулар: {{minutes.concernsTotal}}, темалар: {{minutes.topics}}.</p><hr>{{{minutes.html}}}',
      sms: '«{{meeting.title}}» протоколу бекитилди: кайрылуулар {{minutes.concernsTotal}}, темалар {{minutes.topics}}. {{minutes.link}}',
    },
  },
  'action-assigned': {
    en: {
      subject: 'New follow-up action ({{action.topic}}), due {{action.dueDate}}',
      text: 'A follow-up action on a concern about "{{action.topic}}" raised at "{{meeting.title}}" was assigned to {{action.owner}}. Due: {{action.dueDate}}.\n{{action.link}}',
      html: null,
      sms: 'New action ({{action.topic}}) for {{action.owner}}, due {{action.dueDate}}. {{action.link}}',
    },
    ru: {
      subject: 'Новое поручение ({{action.topic}}), срок {{action.dueDate}}',
      text: 'Поручение по вопросу на тему «{{action.topic}}», поднятому на «{{meeting.title}}», назначено: {{action.owner}}. Срок: {{action.dueDate}}\n{{action.link}}',
      html: null,
      sms: 'Новое поручение ({{action.topic}}), срок {{action.dueShort}} {{action.link}}',
    },
    tg: {
      subject: 'Амали минбаъдаи нав ({{action.topic}}), мӯҳлат: {{action.dueDate}}',
      text: 'Амали минбаъда оид ба муроҷиати мавзӯи «{{action.topic}}», ки дар «{{meeting.title}}» бардошта шуд, ба {{action.owner}} дода шуд. Мӯҳлат: {{action.dueDate}}\n{{action.link}}',
      html: null,
      sms: 'Амали минбаъдаи нав ({{action.topic}}), мӯҳлат {{action.dueShort}} {{action.link}}',
    },
    ky: {
      subject: 'Жаңы кийинки аракет ({{action.topic}}), мөөнөтү: {{action.dueDate}}',
      text: '«{{meeting.title}}» жыйынында көтөрүлгөн «{{action.topic}}» темасындагы кайрылуу боюнча кийинки аракет берилди, аткаруучу: {{action.owner}}. Мөөнөтү: {{action.dueDate}}\n{{action.link}}',
      html: null,
      sms: 'Жаңы кийинки аракет ({{action.topic}}), мөөнөтү {{action.dueShort}} {{action.link}}',
    },
  },
  'action-overdue': {
    en: {
      subject: 'Overdue follow-up action ({{action.topic}}), due {{action.dueDate}}',
      text: 'The follow-up action on a concern about "{{action.topic}}" (owner: {{action.owner}}) was due on {{action.dueDate}} and is not finished.\n{{action.link}}',
      html: null,
      sms: 'Overdue action ({{action.topic}}), due {{action.dueDate}}. {{action.link}}',
    },
    ru: {
      subject: 'Просрочено поручение ({{action.topic}}), срок {{action.dueDate}}',
      text: 'Поручение по вопросу на тему «{{action.topic}}» (исполнитель: {{action.owner}}) нужно было выполнить до {{action.dueDate}}; оно не завершено.\n{{action.link}}',
      html: null,
      sms: 'Просрочено поручение ({{action.topic}}), срок {{action.dueShort}} {{action.link}}',
    },
    tg: {
      subject: 'Мӯҳлати амали минбаъда гузашт ({{action.topic}}), мӯҳлат: {{action.dueDate}}',
      text: 'Амали минбаъда оид ба муроҷиати мавзӯи «{{action.topic}}» (иҷрокунанда: {{action.owner}}) бояд то {{action.dueDate}} иҷро мешуд; он ҳанӯз анҷом наёфтааст.\n{{action.link}}',
      html: null,
      sms: 'Мӯҳлати амали минбаъда гузашт ({{action.topic}}), {{action.dueShort}} {{action.link}}',
    },
    ky: {
      subject: 'Кийинки аракеттин мөөнөтү өттү ({{action.topic}}), мөөнөтү: {{action.dueDate}}',
      text: '«{{action.topic}}» темасындагы кайрылуу боюнча кийинки аракет (аткаруучу: {{action.owner}}) {{action.dueDate}} чейин аткарылышы керек эле; ал али бүтө элек.\n{{action.link}}',
      html: null,
      sms: 'Кийинки аракеттин мөөнөтү өттү ({{action.topic}}), {{action.dueShort}} {{action.link}}',
    },
  },
  'quarter-warning': {
    en: {
      subject: '{{quarter.count}} communit(ies) without a reporting day in {{quarter.code}}',
      text: 'The quarter {{quarter.code}} ends on {{quarter.endDate}} ({{quarter.daysLeft}} days left). These active communities of {{district.name}} have no reporting day scheduled:\n{{#quarter.communities}}- {{name}}\n{{/quarter.communities}}',
      html: null,
      sms: '{{quarter.count}} communities of {{district.name}} have no reporting day in {{quarter.code}} (ends {{quarter.endDate}}).',
    },
    ru: {
      subject: 'Сообществ без дня отчёта в {{quarter.code}}: {{quarter.count}}',
      text: 'Квартал {{quarter.code}} заканчивается {{quarter.endDate}} (осталось {{quarter.daysLeft}} дн.). У этих активных сообществ ({{district.name}}) не назначен день отчёта:\n{{#quarter.communities}}- {{name}}\n{{/quarter.communities}}',
      html: null,
      sms: 'Без дня отчёта в {{quarter.code}} ({{district.name}}): сообществ {{quarter.count}}, до {{quarter.endShort}}',
    },
    tg: {
      subject: 'Ҷамоатҳои бе рӯзи ҳисобот дар {{quarter.code}}: {{quarter.count}}',
      text: 'Семоҳаи {{quarter.code}} {{quarter.endDate}} ба охир мерасад ({{quarter.daysLeft}} рӯз монд). Барои ин ҷамоатҳои фаъоли {{district.name}} рӯзи ҳисобот таъин нашудааст:\n{{#quarter.communities}}- {{name}}\n{{/quarter.communities}}',
      html: null,
      sms: 'Бе рӯзи ҳисобот дар {{quarter.code}} ({{district.name}}): {{quarter.count}} ҷамоат, то {{quarter.endShort}}',
    },
    ky: {
      subject: 'Отчеттук күнү жок жамааттар, {{quarter.code}}: {{quarter.count}}',
      text: '{{quarter.code}} чейреги {{quarter.endDate}} бүтөт ({{quarter.daysLeft}} күн калды). {{district.name}} районунун бул активдүү жамааттарына отчеттук күн белгилене элек:\n{{#quarter.communities}}- {{name}}\n{{/quarter.communities}}',
      html: null,
      sms: 'Отчеттук күнү жок, {{quarter.code}} ({{district.name}}): {{quarter.count}} жамаат, {{quarter.endShort}} чейин',
    },
  },
  'community-activated': {
    en: {
      subject: 'Community onboarded: {{community.name}}',
      text: 'The community {{community.name}} ({{district.name}}) completed onboarding and is now active: it is expected to hold a reporting day every quarter.\n{{community.link}}',
      html: null,
      sms: 'Community {{community.name}} is now active.',
    },
    ru: {
      subject: 'Сообщество подключено: {{community.name}}',
      text: 'Сообщество {{community.name}} ({{district.name}}) прошло подключение и теперь активно: ожидается день отчёта каждый квартал.\n{{community.link}}',
      html: null,
      sms: 'Сообщество {{community.name}} теперь активно.',
    },
    tg: {
      subject: 'Ҷамоат пайваст шуд: {{community.name}}',
      text: 'Ҷамоати {{community.name}} ({{district.name}}) пайвастшавиро анҷом дод ва акнун фаъол аст: ҳар семоҳа рӯзи ҳисобот интизор меравад.\n{{community.link}}',
      html: null,
      sms: 'Ҷамоати {{community.name}} акнун фаъол аст.',
    },
    ky: {
      subject: 'Жамаат кошулду: {{community.name}}',
      text: '{{community.name}} ({{district.name}}) жамааты кошулууну аяктады жана эми активдүү: ар бир чейректе отчеттук күн күтүлөт.\n{{community.link}}',
      html: null,
      sms: '{{community.name}} жамааты эми активдүү.',
    },
  },
  'officer-assigned': {
    en: {
      subject: 'New community police officer: {{community.name}}',
      text: '{{officer.name}} serves the community {{community.name}} from {{officer.since}}. The next reporting day should introduce them.\n{{community.link}}',
      html: null,
      sms: '{{officer.name}} is the new officer of {{community.name}} from {{officer.since}}.',
    },
    ru: {
      subject: 'Новый участковый: {{community.name}}',
      text: '{{officer.name}} обслуживает сообщество {{community.name}} с {{officer.since}}; на следующем дне отчёта его нужно представить.\n{{community.link}}',
      html: null,
      sms: '{{officer.name}} — новый участковый {{community.name}} с {{officer.sinceShort}}',
    },
    tg: {
      subject: 'Нозири минтақавии нав: {{community.name}}',
      text: '{{officer.name}} аз {{officer.since}} ба ҷамоати {{community.name}} хизмат мерасонад. Дар рӯзи ҳисоботи навбатӣ ӯро муаррифӣ кардан лозим аст.\n{{community.link}}',
      html: null,
      sms: '{{officer.name}} — нозири минтақавии нави {{community.name}} аз {{officer.sinceShort}}',
    },
    ky: {
      subject: 'Жаңы участкалык инспектор: {{community.name}}',
      text: '{{officer.name}} {{officer.since}} баштап {{community.name}} жамаатын тейлейт. Кийинки отчеттук күндө аны тааныштыруу керек.\n{{community.link}}',
      html: null,
      sms: '{{community.name}}: {{officer.sinceShort}} баштап участкалык инспектор {{officer.name}}',
    },
  },
};

/** Placeholders each type offers (shown to template editors). `recipient.name` is in every one. */
export const TEMPLATE_VARIABLES: Record<NotificationType, string[]> = {
  'meeting-invitation': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.venueName', 'meeting.mapLink', 'meeting.communities', 'meeting.durationMinutes', 'meeting.link'],
  'meeting-updated': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.venueName', 'meeting.mapLink', 'meeting.communities', 'meeting.link'],
  'meeting-rescheduled': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.venueName', 'meeting.mapLink', 'meeting.communities', 'meeting.link', 'previous.when', 'previous.whenShort'],
  'meeting-cancelled': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.communities', 'meeting.link'],
  'meeting-uninvited': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.venueName', 'meeting.communities', 'meeting.link'],
  'meeting-reminder': ['meeting.title', 'meeting.date', 'meeting.when', 'meeting.whenShort', 'meeting.timeZone', 'meeting.venueName', 'meeting.mapLink', 'meeting.communities', 'meeting.link', 'reminder.daysBefore'],
  'minutes-overdue': ['meeting.title', 'meeting.link', 'chase.daysAfter', 'chase.heldOn'],
  'minutes-distributed': ['meeting.title', 'meeting.date', 'meeting.communities', 'minutes.body', 'minutes.html', 'minutes.concernsTotal', 'minutes.topics', 'minutes.version', 'minutes.link'],
  'action-assigned': ['meeting.title', 'action.topic', 'action.dueDate', 'action.dueShort', 'action.owner', 'action.link'],
  'action-overdue': ['meeting.title', 'action.topic', 'action.dueDate', 'action.dueShort', 'action.owner', 'action.link'],
  'quarter-warning': ['district.name', 'quarter.code', 'quarter.endDate', 'quarter.endShort', 'quarter.daysLeft', 'quarter.count', 'quarter.communities (list of {name})'],
  'community-activated': ['district.name', 'community.name', 'community.link'],
  'officer-assigned': ['district.name', 'community.name', 'community.link', 'officer.name', 'officer.since', 'officer.sinceShort'],
};
