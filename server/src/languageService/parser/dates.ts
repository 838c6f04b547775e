/** Reads the date forms letters use: 11/09/2016, 3-1-08, May 2, 2000, Sept. 5, 2014. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function toIsoDate(text: string): string | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(text.trim());
  if (m) return iso(fullYear(m[3]), +m[1], +m[2]);
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(text.trim());
  if (m) {
    const month = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return iso(+m[3], month, +m[2]);
  }
  return null;
}

function fullYear(y: string): number {
  const n = +y;
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function iso(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${TWO_DIGITS[mo]}-${TWO_DIGITS[d]}`;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `mo` (1-12) of year `y` as Date.UTC reads it (years 0-99 are 1900-1999), without building a Date. */
function daysIn(y: number, mo: number): number {
  if (mo !== 2) return DAYS_IN_MONTH[mo - 1];
  const year = y >= 0 && y <= 99 ? 1900 + y : y;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from ISO date a to ISO date b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86400000);
}
