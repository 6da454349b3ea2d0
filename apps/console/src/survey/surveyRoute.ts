/** The short link of a resident survey: `/s/{code}` (ADR 46). Lower case is accepted: people type it from paper. */
const SURVEY_PATH = /^\/s\/([A-Za-z2-7]{10})\/?$/;

/** The survey code in a path, or null when the path is the console's. */
export function surveyCodeFromPath(pathname: string): string | null {
  const match = SURVEY_PATH.exec(pathname);
  return match ? match[1].toUpperCase() : null;
}
