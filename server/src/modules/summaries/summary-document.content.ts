import type { MonthFigures } from '@qinlian/contracts';
import type { OfficialBlock, OfficialDocument } from '../../platform/documents/official/index.ts';
import { onTimeRate } from './summary-figures.ts';
import { halfLabel, monthLabel } from './summary-periods.ts';

/*
 * What the compiled documents say — content only; the official-document renderers lay out the page
 * (GB/T 9704). 月度工作小结: the month's figures of every department whose summary was accepted, then
 * each summary. 典型经验汇编: the editor's note, a table of contents, then each experience.
 */

/** What a compiled document carries besides its entries. */
export type DocumentHead = { title: string; organ: string; number?: string; date: string; intro: string };
export type MonthlyEntry = { departmentName: string; figures: MonthFigures; highlights: string; problems: string; nextPlan: string };
export type ExperienceEntry = { departmentName: string; title: string; text: string };

/** Multi-line text as paragraphs: one per non-blank line. */
const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const paragraphs = (text: string): OfficialBlock[] => linesOf(text).map((l) => ({ kind: 'paragraph', text: l }));

/** 工作亮点：first line, then the rest of the lines as their own paragraphs; nothing when blank. */
function labelled(label: string, text: string): OfficialBlock[] {
  const [first, ...rest] = linesOf(text);
  if (!first) return [];
  return [{ kind: 'paragraph', text: `${label}：${first}` }, ...rest.map((l): OfficialBlock => ({ kind: 'paragraph', text: l }))];
}

const percent = (rate: number | null) => (rate === null ? '—' : `${rate}%`);

function overview(month: string, entries: MonthlyEntry[]): string {
  const sum = (pick: (f: MonthFigures) => number) => entries.reduce((n, e) => n + pick(e.figures), 0);
  const [closed, onTime] = [sum((f) => f.closed), sum((f) => f.closedOnTime)];
  return (
    `${monthLabel(month)}，${entries.length}个部门的月度工作小结经审核通过。各部门本月共办结任务${closed}件，其中按期办结${onTime}件，` +
    `按期办结率${percent(onTimeRate(closed, onTime))}；月末逾期未办结${sum((f) => f.overdue)}件，在办${sum((f) => f.open)}件。`
  );
}

/** 月度工作小结: the area's summary of a month, compiled from the departments' accepted summaries in tree order. */
export function monthlyCompilation(head: DocumentHead, month: string, entries: MonthlyEntry[]): OfficialDocument {
  const table: OfficialBlock = {
    kind: 'table',
    caption: '表1  各部门任务办理情况',
    columns: ['序号', '部门', '本月办结', '按期办结', '按期办结率', '逾期未办结', '在办'],
    rows: entries.map((e, i) => [
      i + 1,
      e.departmentName,
      e.figures.closed,
      e.figures.closedOnTime,
      percent(e.figures.onTimeRate),
      e.figures.overdue,
      e.figures.open,
    ]),
  };
  const departments = entries.flatMap((e): OfficialBlock[] => [
    { kind: 'heading2', text: e.departmentName },
    ...labelled('工作亮点', e.highlights),
    ...labelled('存在问题', e.problems),
    ...labelled('下月计划', e.nextPlan),
  ]);
  return {
    organ: head.organ,
    number: head.number,
    title: head.title,
    date: head.date,
    recipients: ['各部门、各单位'],
    body: [
      { kind: 'paragraph', text: overview(month, entries) },
      ...paragraphs(head.intro),
      { kind: 'heading1', text: '各部门任务办理情况' },
      table,
      { kind: 'heading1', text: '各部门工作小结' },
      ...departments,
    ],
  };
}

/** 典型经验汇编: the half year's selected experiences, in the order the office selected them. */
export function experienceCollection(head: DocumentHead, half: string, entries: ExperienceEntry[]): OfficialDocument {
  const lead = `现将${halfLabel(half)}各部门报送并经遴选的${entries.length}篇典型经验汇编印发，供学习借鉴。`;
  const contents: OfficialBlock = {
    kind: 'table',
    caption: '目录',
    columns: ['序号', '标题', '报送部门'],
    rows: entries.map((e, i) => [i + 1, e.title, e.departmentName]),
  };
  const experiences = entries.flatMap((e): OfficialBlock[] => [
    { kind: 'heading1', text: e.title },
    { kind: 'paragraph', text: `（${e.departmentName}）` },
    ...paragraphs(e.text),
  ]);
  return {
    organ: head.organ,
    number: head.number,
    title: head.title,
    date: head.date,
    recipients: ['各部门、各单位'],
    body: [{ kind: 'paragraph', text: lead }, ...paragraphs(head.intro), contents, ...experiences],
  };
}
