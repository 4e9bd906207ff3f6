import type { WordWeight } from '@qinlian/contracts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import type { FigureRow } from './demand-analysis.repo.ts';

/**
 * The analysis' charts, worked out once per recompute and kept as rows: people, items and urgent
 * people by category and by area (片区), each item counted once with all its submitters; people by
 * ISO week of receipt, each submission in its own week (a merged item in the week it came in); and
 * the word cloud.
 */

/** An item as the charts count it: the item merged ones follow, with all its submitters. */
export type CountedUnit = { people: number; urgent: boolean; category: string | null; areaId: string | null; areaName: string | null };
/** One submission: when it came in, and whether the item it follows is urgent. */
export type Submission = { createdAt: string; urgent: boolean; isUnit: boolean };

export type Dimension = 'category' | 'area' | 'week' | 'word';
const DAY = 86_400_000;
/** Weeks with nothing received between the first and the last are drawn as zero, up to two years of them. */
const MAX_WEEKS = 104;

/** The ISO week (Monday first; week 1 holds the year's first Thursday) of a YYYY-MM-DD date, and its Monday. */
export function isoWeekOf(date: string): { key: string; monday: string } {
  const d = Date.parse(`${date}T00:00:00Z`);
  const monday = d - ((new Date(d).getUTCDay() + 6) % 7) * DAY;
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, monday: new Date(monday).toISOString().slice(0, 10) };
}

type Bar = { key: string; label: string; people: number; items: number; urgent: number };

function tally(bars: Map<string, Bar>, key: string, label: string, people: number, items: number, urgent: number) {
  const bar = bars.get(key) ?? { key, label, people: 0, items: 0, urgent: 0 };
  bar.people += people;
  bar.items += items;
  bar.urgent += urgent;
  bars.set(key, bar);
}

const byPeople = (a: Bar, b: Bar) => b.people - a.people || b.items - a.items || a.label.localeCompare(b.label);

/** Every week from the first to the last with a submission, the empty ones at zero (not past MAX_WEEKS). */
function weeks(submissions: readonly Submission[]): Bar[] {
  const bars = new Map<string, Bar>();
  for (const s of submissions) {
    const { key, monday } = isoWeekOf(shanghaiDate(new Date(s.createdAt)));
    tally(bars, key, monday, 1, s.isUnit ? 1 : 0, s.urgent ? 1 : 0);
  }
  const sorted = [...bars.values()].sort((a, b) => a.label.localeCompare(b.label));
  if (sorted.length < 2) return sorted;
  const first = Date.parse(`${sorted[0]!.label}T00:00:00Z`);
  const last = Date.parse(`${sorted.at(-1)!.label}T00:00:00Z`);
  if ((last - first) / (7 * DAY) >= MAX_WEEKS) return sorted;
  const out: Bar[] = [];
  for (let t = first; t <= last; t += 7 * DAY) {
    const { key, monday } = isoWeekOf(new Date(t).toISOString().slice(0, 10));
    out.push(bars.get(key) ?? { key, label: monday, people: 0, items: 0, urgent: 0 });
  }
  return out;
}

export function analysisFigures(
  analysisId: string,
  units: readonly CountedUnit[],
  submissions: readonly Submission[],
  cloud: readonly WordWeight[],
): FigureRow[] {
  const categories = new Map<string, Bar>();
  const areas = new Map<string, Bar>();
  for (const u of units) {
    const urgent = u.urgent ? u.people : 0;
    tally(categories, u.category ?? '', u.category ?? '', u.people, 1, urgent);
    tally(areas, u.areaId ?? '', u.areaName ?? '', u.people, 1, urgent);
  }
  const rows = (dimension: Dimension, bars: Bar[]): FigureRow[] => bars.map((b, sort) => ({ analysisId, dimension, ...b, sort }));
  return [
    ...rows('category', [...categories.values()].sort(byPeople)),
    ...rows('area', [...areas.values()].sort(byPeople)),
    ...rows('week', weeks(submissions)),
    ...rows(
      'word',
      cloud.map((w) => ({ key: w.word, label: w.word, people: w.weight, items: 0, urgent: 0 })),
    ),
  ];
}
