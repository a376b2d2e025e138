/**
 * SCORM times and time spans, written and read in one place for both versions:
 * 1.2's `HHHH:MM:SS.SS` time span and `HH:MM:SS` time, 2004's ISO 8601 duration and
 * timestamp. The patterns are what the strict checker accepts; the parsers accept the same.
 */
import type { ScormVersion } from './scorm-names.js';

/** SCORM 1.2 CMITimespan: hours at least two digits, at most four; at most 2 fraction digits. */
export const TIMESPAN_12 = /^(\d{2,4}):(\d\d):(\d\d(?:\.\d{1,2})?)$/;
/** SCORM 1.2 CMITime, a time of day. */
export const TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/**
 * SCORM 2004 duration as Moodle accepts it: years, months, days, hours, minutes, seconds with at
 * most 2 fraction digits, and no weeks (Moodle refuses `P1W`). `P` and a bare `T` are not durations.
 */
export const DURATION_2004 =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/;
/** SCORM 2004 timestamp, 1970 to 2038, at most 2 fraction digits, an optional zone. */
export const TIMESTAMP_2004 =
  /^(19[7-9]\d|20[0-2]\d|203[0-8])(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2}(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?)?)?)?$/;

/** SCORM 1.2 CMITimespan for a number of milliseconds (hours cap at 9999). */
export function timespan12(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const fraction = centis % 100;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction ? `.${pad(fraction)}` : ''}`;
}

/** SCORM 2004 duration, PT#H#M#S with at most two fraction digits, never weeks. */
export function duration2004(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** The version's time span for a number of milliseconds. */
export function formatSpan(version: ScormVersion, ms: number): string {
  return version === '1.2' ? timespan12(ms) : duration2004(ms);
}

/** SCORM 2004 timestamp in UTC, whole seconds, with a one-digit fraction so the zone may follow. */
export function timestamp2004(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}.0Z`;
}

/** SCORM 1.2 CMITime: HH:MM:SS of the day (UTC). */
export function time12(at: number): string {
  return new Date(at).toISOString().slice(11, 19);
}

/** Milliseconds in a SCORM 1.2 time span, or null when it is not one. */
export function parseTimespan12(value: string): number | null {
  const m = TIMESPAN_12.exec(value);
  return m ? Math.round(((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000) : null;
}

/** Milliseconds in a SCORM 2004 duration (a year counts 365 days, a month 30), or null when it is not one. */
export function parseDuration2004(value: string): number | null {
  const m = DURATION_2004.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Math.round(((((y * 365 + mo * 30 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000);
}

/** Milliseconds in either version's time span, or null when it is neither. */
export function parseSpan(value: string): number | null {
  return parseTimespan12(value) ?? parseDuration2004(value);
}
