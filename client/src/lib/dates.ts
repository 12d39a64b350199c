import { format, formatDistanceToNow, isToday, isYesterday, isSameDay, parseISO } from 'date-fns';
import { enGB, es, eu } from 'date-fns/locale';
import i18n from '../i18n';

const LOCALES = { en: enGB, es, eu };
const locale = () => LOCALES[(i18n.language as keyof typeof LOCALES) ?? 'en'] ?? enGB;

export const toDate = (iso: string | Date): Date => (typeof iso === 'string' ? parseISO(iso) : iso);

export const time = (iso: string): string => format(toDate(iso), 'HH:mm', { locale: locale() });
export const day = (iso: string): string => format(toDate(iso), 'PP', { locale: locale() });
export const dateTime = (iso: string): string => format(toDate(iso), 'PPp', { locale: locale() });
export const ago = (iso: string): string => formatDistanceToNow(toDate(iso), { addSuffix: true, locale: locale() });

/** The label of a date separator in a channel: Today, Yesterday, or the date. */
export function dayLabel(iso: string): string {
  const d = toDate(iso);
  if (isToday(d)) return i18n.t('channel.today');
  if (isYesterday(d)) return i18n.t('channel.yesterday');
  return format(d, 'EEEE, PPP', { locale: locale() });
}

export const sameDay = (a: string, b: string): boolean => isSameDay(toDate(a), toDate(b));
