/** The calendar quarter of an instant in Dushanbe time, as the console's dashboard computes the current one. */
export function quarterOf(instant: Date, timeZone = 'Asia/Dushanbe'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(instant);
  const year = Number(parts.find((part) => part.type === 'year')?.value);
  const month = Number(parts.find((part) => part.type === 'month')?.value);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}
