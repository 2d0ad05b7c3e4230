/** The activity's dates are Beijing calendar days; China has kept UTC+8 without daylight saving since 1991. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Beijing calendar day of an instant, as `YYYY-MM-DD`. */
export function chinaDay(instant: Date): string {
  return DAY_FORMAT.format(instant);
}
