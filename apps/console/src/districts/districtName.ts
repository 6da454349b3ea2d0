import { placeName } from '../geography/placeName';

/** A district's name in the UI language, else English, else its code. */
export const districtName = placeName;
