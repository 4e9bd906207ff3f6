import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDay } from '../../domain/whereabouts/returnText.ts';

/**
 * The pickers show and take wall-clock times of the office (Asia/Shanghai), whatever zone the
 * browser is in: a picker's value is read for its fields only (2026-12-08 09:00) and sent with
 * +08:00; an instant from the server is shown by its Shanghai fields.
 */
const SHANGHAI_MS = 8 * 3_600_000;

/** What a picker shows for an instant: its Shanghai wall time. */
export const pickerValueOf = (instant: string): Dayjs => dayjs(new Date(Date.parse(instant) + SHANGHAI_MS).toISOString().slice(0, 16));

/** The instant a date-time picker means: `2026-12-08T09:00:00+08:00`. */
export const instantOf = (value: Dayjs): string => `${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** The instant a time picker means: that time today in Shanghai. */
export const instantToday = (time: Dayjs, now: Date = new Date()): string => `${shanghaiDay(now)}T${time.format('HH:mm')}:00+08:00`;

/** Whether an instant falls on today in Shanghai (a return today is set with a time alone). */
export const isTodayInShanghai = (instant: string, now: Date = new Date()): boolean => shanghaiDay(new Date(instant)) === shanghaiDay(now);
