import type { Language } from '../i18n';

// The locale numbers and dates are written in: the programme's own ("es-CR" writes 2,5, "es-PA"
// 2.5) when the reader reads its language, else the reader's language as written in the
// programme's country; the language alone outside a programme. Nothing here names a country.
let programmeLocale: string | undefined;
export function setFormatLocale(locale: string | undefined) {
  programmeLocale = locale && /^[a-z]{2,3}-[A-Z]{2}$/.test(locale) ? locale : undefined;
}
const supported = new Map<string, string>();
export function localeOf(language: Language | string): string {
  const [own, region] = programmeLocale?.split('-') ?? [];
  const wanted = !programmeLocale ? String(language) : own === language ? programmeLocale : `${language}-${region}`;
  let locale = supported.get(wanted);
  if (!locale) supported.set(wanted, (locale = Intl.NumberFormat.supportedLocalesOf([wanted]).length ? wanted : String(language)));
  return locale;
}

// Dates are calendar dates (YYYY-MM-DD): formatted as such, never shifted by a time zone.
export function formatDate(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}

// A moment (ISO 8601, UTC) as the programme's clock shows it.
export function formatMoment(iso: string, language: string, timeZone: string, style: 'medium' | 'short' = 'medium'): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: style, timeStyle: 'short', timeZone }).format(new Date(iso));
}

// Every number of a column with the same decimals ("83,0" beside "83,3"), in the reader's locale.
// Formatters are kept by locale and decimals: making one costs far more than using it, and a
// gradebook page formats thousands of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number | null | undefined, language: string, decimals = 0): string {
  if (value == null || Number.isNaN(value)) return '—';
  const locale = localeOf(language);
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return format.format(value);
}

export const formatPercent = (value: number | null | undefined, language: string, decimals = 0) =>
  value == null ? '—' : `${formatNumber(value, language, decimals)} %`;
