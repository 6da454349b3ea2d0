import { regex } from 'react-admin';

/** Mirrors GeoCodeSchema of the contracts. */
export const geoCode = regex(/^[a-z][a-z0-9-]{1,63}$/, 'app.geography.codeFormat');
export const countryCode = regex(/^[A-Za-z]{2}$/, 'app.geography.countryFormat');
