/** Deadlines of German funding calls are set in Europe/Berlin time, summer or winter. */
export const BERLIN = 'Europe/Berlin';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: BERLIN, timeZoneName: 'longOffset' });
const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BERLIN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Berlin's UTC offset at an instant, as "+01:00" or "+02:00". */
export function berlinOffset(at: Date): string {
  const name = offsetFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

/** The calendar date in Berlin at an instant, as YYYY-MM-DD. */
export function berlinDate(at: Date): string {
  return dateFormat.format(at);
}

/**
 * A wall-clock time in Berlin as an ISO timestamp with its offset, e.g. ('2027-01-31', '23:59:59') →
 * '2027-01-31T23:59:59+01:00'. The offset is taken at that moment, so DST changes are right.
 */
export function berlinTimestamp(date: string, time: string): string {
  const guess = new Date(`${date}T${time}+01:00`);
  const offset = berlinOffset(guess);
  const exact = `${date}T${time}${offset}`;
  // Near a DST switch the guess can land on the other side; one more look settles it.
  return `${date}T${time}${berlinOffset(new Date(exact))}`;
}
