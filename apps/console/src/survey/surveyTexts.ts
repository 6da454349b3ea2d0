import type { SurveyLanguage } from '@rd/contracts';

/** Everything the resident form says, in the four languages it speaks (it loads without react-admin's i18n). */
export interface SurveyTexts {
  languageName: string;
  language: string;
  anonymous: string;
  usefulness: string;
  trust: string;
  scaleHint: string;
  contactFirst: string;
  yes: string;
  no: string;
  optional: string;
  gender: string;
  female: string;
  male: string;
  ageGroup: string;
  ages: Record<'under-18' | '18-29' | '30-59' | '60-plus', string>;
  comment: string;
  slipCode: string;
  send: string;
  thanks: string;
  savedOffline: string;
  next: string;
  waiting: string;
  closed: string;
  notFound: string;
  loading: string;
  failed: string;
  refused: Record<string, string>;
  /** The printed A4 page and its slips. */
  printCall: string;
  printScan: string;
  printSlip: string;
}

const en: SurveyTexts = {
  printCall: 'Tell us what you thought of this meeting',
  printScan: 'Scan the code with your phone camera, or open:',
  printSlip: 'Your one-time code:',
  languageName: 'English',
  language: 'Language',
  anonymous: 'Anonymous: we do not ask your name or phone number.',
  usefulness: 'Was this meeting useful to you?',
  trust: 'How much do you trust the police?',
  scaleHint: '1 = not at all, 5 = very much',
  contactFirst: 'If you had a conflict, would you contact the police first?',
  yes: 'Yes',
  no: 'No',
  optional: 'optional',
  gender: 'You are',
  female: 'Woman',
  male: 'Man',
  ageGroup: 'Your age',
  ages: { 'under-18': 'Under 18', '18-29': '18–29', '30-59': '30–59', '60-plus': '60 or more' },
  comment: 'Anything else you want to tell us?',
  slipCode: 'Code printed on your slip',
  send: 'Send',
  thanks: 'Thank you! Your answer was received.',
  savedOffline: 'No connection: your answer is kept on this phone and will be sent when the connection is back.',
  next: 'Next person',
  waiting: 'Answers waiting to be sent: {n}',
  closed: 'This survey is not taking answers now.',
  notFound: 'This survey link is not valid.',
  loading: 'Loading…',
  failed: 'Something went wrong. Please try again.',
  refused: {
    'survey.closed': 'This survey is not taking answers now.',
    'survey.full': 'This survey has received all the answers it can take. Thank you!',
    'survey.slip-code-invalid': 'Please type the code printed on your slip.',
    'survey.slip-code-used': 'This slip code was already used.',
    'survey.not-found': 'This survey link is not valid.',
  },
};

const ru: SurveyTexts = {
  printCall: 'Расскажите, что вы думаете об этой встрече',
  printScan: 'Наведите камеру телефона на код или откройте:',
  printSlip: 'Ваш одноразовый код:',
  languageName: 'Русский',
  language: 'Язык',
  anonymous: 'Анонимно: мы не спрашиваем ваше имя и номер телефона.',
  usefulness: 'Была ли эта встреча полезной для вас?',
  trust: 'Насколько вы доверяете полиции?',
  scaleHint: '1 = совсем нет, 5 = очень',
  contactFirst: 'Если у вас будет конфликт, обратитесь ли вы сначала в полицию?',
  yes: 'Да',
  no: 'Нет',
  optional: 'необязательно',
  gender: 'Вы',
  female: 'Женщина',
  male: 'Мужчина',
  ageGroup: 'Ваш возраст',
  ages: { 'under-18': 'До 18', '18-29': '18–29', '30-59': '30–59', '60-plus': '60 и старше' },
  comment: 'Хотите сказать что-то ещё?',
  slipCode: 'Код, напечатанный на вашем талоне',
  send: 'Отправить',
  thanks: 'Спасибо! Ваш ответ получен.',
  savedOffline: 'Нет связи: ваш ответ сохранён на этом телефоне и будет отправлен, когда связь появится.',
  next: 'Следующий человек',
  waiting: 'Ответов ждут отправки: {n}',
  closed: 'Этот опрос сейчас не принимает ответы.',
  notFound: 'Эта ссылка на опрос недействительна.',
  loading: 'Загрузка…',
  failed: 'Что-то пошло не так. Попробуйте ещё раз.',
  refused: {
    'survey.closed': 'Этот опрос сейчас не принимает ответы.',
    'survey.full': 'Этот опрос уже получил все ответы, которые может принять. Спасибо!',
    'survey.slip-code-invalid': 'Введите код, напечатанный на вашем талоне.',
    'survey.slip-code-used': 'Этот код талона уже использован.',
    'survey.not-found': 'Эта ссылка на опрос недействительна.',
  },
};

const tg: SurveyTexts = {
  printCall: 'Ба мо гӯед, ки дар бораи ин вохӯрӣ чӣ фикр доред',
  printScan: 'Камераи телефонро ба рамз равона кунед ё кушоед:',
  printSlip: 'Рамзи якдафъаинаи шумо:',
  languageName: 'Тоҷикӣ',
  language: 'Забон',
  anonymous: 'Беном: мо номи шумо ва рақами телефонатонро намепурсем.',
  usefulness: 'Оё ин вохӯрӣ барои шумо муфид буд?',
  trust: 'Шумо ба милиса то чӣ андоза эътимод доред?',
  scaleHint: '1 = тамоман не, 5 = хеле зиёд',
  contactFirst: 'Агар шумо низоъ дошта бошед, аввал ба милиса муроҷиат мекунед?',
  yes: 'Ҳа',
  no: 'Не',
  optional: 'ихтиёрӣ',
  gender: 'Шумо',
  female: 'Зан',
  male: 'Мард',
  ageGroup: 'Синну соли шумо',
  ages: { 'under-18': 'То 18', '18-29': '18–29', '30-59': '30–59', '60-plus': '60 ва болотар' },
  comment: 'Боз чизе гуфтан мехоҳед?',
  slipCode: 'Рамзе, ки дар варақаи шумо чоп шудааст',
  send: 'Фиристодан',
  thanks: 'Ташаккур! Ҷавоби шумо қабул шуд.',
  savedOffline: 'Алоқа нест: ҷавоби шумо дар ин телефон нигоҳ дошта мешавад ва ҳангоми барқарор шудани алоқа фиристода мешавад.',
  next: 'Шахси навбатӣ',
  waiting: 'Ҷавобҳои интизори фиристодан: {n}',
  closed: 'Ин пурсиш ҳоло ҷавоб қабул намекунад.',
  notFound: 'Ин пайванди пурсиш эътибор надорад.',
  loading: 'Боргирӣ…',
  failed: 'Хатое рух дод. Лутфан бори дигар кӯшиш кунед.',
  refused: {
    'survey.closed': 'Ин пурсиш ҳоло ҷавоб қабул намекунад.',
    'survey.full': 'Ин пурсиш ҳамаи ҷавобҳои имконпазирро гирифт. Ташаккур!',
    'survey.slip-code-invalid': 'Лутфан рамзи дар варақаатон чопшударо ворид кунед.',
    'survey.slip-code-used': 'Ин рамзи варақа аллакай истифода шудааст.',
    'survey.not-found': 'Ин пайванди пурсиш эътибор надорад.',
  },
};

const ky: SurveyTexts = {
  printCall: 'Бул жолугушуу тууралуу оюңузду айтыңыз',
  printScan: 'Телефонуңуздун камерасын кодго буруңуз же ачыңыз:',
  printSlip: 'Сиздин бир жолку кодуңуз:',
  languageName: 'Кыргызча',
  language: 'Тил',
  anonymous: 'Жашыруун: биз атыңызды жана телефон номериңизди сурабайбыз.',
  usefulness: 'Бул жолугушуу сиз үчүн пайдалуу болдубу?',
  trust: 'Милицияга канчалык ишенесиз?',
  scaleHint: '1 = такыр жок, 5 = абдан',
  contactFirst: 'Эгер чыр-чатак болсо, адегенде милицияга кайрыласызбы?',
  yes: 'Ооба',
  no: 'Жок',
  optional: 'милдеттүү эмес',
  gender: 'Сиз',
  female: 'Аял',
  male: 'Эркек',
  ageGroup: 'Жашыңыз',
  ages: { 'under-18': '18ге чейин', '18-29': '18–29', '30-59': '30–59', '60-plus': '60 жана андан улуу' },
  comment: 'Дагы бир нерсе айткыңыз келеби?',
  slipCode: 'Талонуңузда басылган код',
  send: 'Жөнөтүү',
  thanks: 'Рахмат! Жообуңуз кабыл алынды.',
  savedOffline: 'Байланыш жок: жообуңуз ушул телефондо сакталды жана байланыш калыбына келгенде жөнөтүлөт.',
  next: 'Кийинки адам',
  waiting: 'Жөнөтүүнү күткөн жооптор: {n}',
  closed: 'Бул сурамжылоо азыр жооп кабыл албайт.',
  notFound: 'Бул сурамжылоонун шилтемеси жараксыз.',
  loading: 'Жүктөлүүдө…',
  failed: 'Бир нерсе туура эмес болду. Кайра аракет кылыңыз.',
  refused: {
    'survey.closed': 'Бул сурамжылоо азыр жооп кабыл албайт.',
    'survey.full': 'Бул сурамжылоо кабыл ала турган бардык жоопторду алды. Рахмат!',
    'survey.slip-code-invalid': 'Талонуңузда басылган кодду жазыңыз.',
    'survey.slip-code-used': 'Бул талондун коду мурун колдонулган.',
    'survey.not-found': 'Бул сурамжылоонун шилтемеси жараксыз.',
  },
};

export const SURVEY_TEXTS: Record<SurveyLanguage, SurveyTexts> = { en, ru, tg, ky };
