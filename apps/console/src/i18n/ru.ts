import type { AppMessages } from './en';

// Resource names: react-admin asks for smart_count 2 when it means "plural" (menu, list titles), which the
// Russian rule maps to the second form, so the second and third forms are both the nominative plural.
export const ru: AppMessages = {
  app: {
    title: 'Дни отчётов',
    languages: { en: 'Английский', ru: 'Русский', tg: 'Таджикский', ky: 'Кыргызский', uz: 'Узбекский' },
    roles: {
      'national-coordinator': 'Национальный координатор',
      'ngo-admin': 'Администратор НПО',
      'police-officer': 'Сотрудник милиции',
      'local-government': 'Представитель местной власти',
      'regional-reviewer': 'Региональный проверяющий',
    },
    errors: { unsupported: 'Это действие недоступно' },
    validation: { wholeNumber: 'Должно быть целым числом' },
  },
  dashboard: {
    greeting: 'Здравствуйте, %{name}',
    roles: 'Ваши роли',
    scope: 'Ваша территория',
    national: 'Все области',
    regions: 'Области',
    districts: 'Районы',
    none: 'Вам пока не назначена территория. Запросите доступ у национального координатора.',
  },
  resources: {
    communities: {
      name: 'Сообщество |||| Сообщества |||| Сообщества',
      fields: {
        q: 'Поиск',
        name: 'Название',
        districtCode: 'Район',
        regionCode: 'Область',
        kind: 'Тип',
        population: 'Население',
        borderAdjacent: 'У границы',
        languages: 'Языки',
        status: 'Статус',
        createdAt: 'Добавлено',
      },
      helpers: {
        population: 'Примерное число жителей',
        borderAdjacent: 'Сообщество расположено на государственной границе или рядом с ней',
      },
      kinds: { village: 'Село', jamoat: 'Джамоат', 'ayil-aymak': 'Айыл аймак', town: 'Посёлок', other: 'Другое' },
      statuses: {
        proposed: 'Предложено',
        onboarding: 'Подключается',
        active: 'Активно',
        paused: 'Приостановлено',
        archived: 'В архиве',
      },
      notifications: { created: 'Сообщество предложено' },
    },
    districts: {
      name: 'Район |||| Районы |||| Районы',
      fields: {
        code: 'Код',
        name: 'Название',
        regionCode: 'Область',
        countryCode: 'Страна',
        timeZone: 'Часовой пояс',
      },
    },
    reports: {
      name: 'Отчёт |||| Отчёты |||| Отчёты',
      title: 'Сообщества по статусу',
      empty: 'В этом районе пока нет сообществ.',
      fields: {
        total: 'Сообществ в программе',
        updatedAt: 'Обновлено',
      },
    },
  },
};
