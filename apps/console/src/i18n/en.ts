/**
 * Console messages (English, the reference). Every key here must exist, non-empty, in ru, tg and ky;
 * i18n.spec.ts fails otherwise. react-admin's own `ra.*` messages are merged in by i18nProvider.ts.
 * Plural forms are separated by `||||`: two in English, three in ru/tg/ky (Russian plural rule, see
 * i18nProvider.ts).
 */
export const en = {
  app: {
    title: 'Reporting Days',
    languages: { en: 'English', ru: 'Russian', tg: 'Tajik', ky: 'Kyrgyz', uz: 'Uzbek' },
    roles: {
      'national-coordinator': 'National coordinator',
      'ngo-admin': 'NGO administrator',
      'police-officer': 'Police officer',
      'local-government': 'Local government official',
      'regional-reviewer': 'Regional reviewer',
    },
    errors: { unsupported: 'This action is not available' },
    validation: { wholeNumber: 'Must be a whole number' },
  },
  dashboard: {
    greeting: 'Hello, %{name}',
    roles: 'Your roles',
    scope: 'Your area',
    national: 'All regions',
    regions: 'Regions',
    districts: 'Districts',
    none: 'No area is assigned to you yet. Ask the national coordinator for access.',
  },
  resources: {
    communities: {
      name: 'Community |||| Communities',
      fields: {
        q: 'Search',
        name: 'Name',
        districtCode: 'District',
        regionCode: 'Region',
        kind: 'Kind',
        population: 'Population',
        borderAdjacent: 'Near the border',
        languages: 'Languages',
        status: 'Status',
        createdAt: 'Added on',
      },
      helpers: {
        population: 'Approximate number of residents',
        borderAdjacent: 'The community lies on or near the state border',
      },
      kinds: { village: 'Village', jamoat: 'Jamoat', 'ayil-aymak': 'Ayil aymak', town: 'Town', other: 'Other' },
      statuses: {
        proposed: 'Proposed',
        onboarding: 'Onboarding',
        active: 'Active',
        paused: 'Paused',
        archived: 'Archived',
      },
      notifications: { created: 'Community proposed' },
    },
    districts: {
      name: 'District |||| Districts',
      fields: {
        code: 'Code',
        name: 'Name',
        regionCode: 'Region',
        countryCode: 'Country',
        timeZone: 'Time zone',
      },
    },
    reports: {
      name: 'Report |||| Reports',
      title: 'Communities by status',
      empty: 'No communities are recorded in this district yet.',
      fields: {
        total: 'Communities in the programme',
        updatedAt: 'Last updated',
      },
    },
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
/** The shape every locale file must have (checked by tsc as well as by i18n.spec.ts). */
export type AppMessages = Messages<typeof en>;
