import type { DispatchItem, DispatchItemSource, DispatchSheet, WarningColor } from '@qinlian/contracts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { officialDate, type OfficialBlock, type OfficialDocument } from '../../platform/documents/official/index.ts';
import { TASK_STATUS_LABELS } from '../tasks/index.ts';

/*
 * 调度单 as an official document (GB/T 9704, platform/documents/official): the meeting, the items in a
 * table per leader in charge, the decisions with the tasks they became. Content only — the renderer
 * lays it out. A dispatch sheet is an internal working paper: it carries no document number.
 */

const WARNING_ZH: Record<WarningColor, string> = { red: '红灯', yellow: '黄灯', blue: '蓝灯', none: '正常' };
const SOURCE_ZH: Record<DispatchItemSource, string> = {
  task: '督办任务',
  instruction: '批示待反馈',
  project: '重大项目',
  manual: '办公室添加',
};
const NO_LEADER = '未明确分管领导';

const paragraphs = (text: string): OfficialBlock[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line }));

function meetingBlocks(sheet: DispatchSheet): OfficialBlock[] {
  const m = sheet.meeting;
  if (!m) return [];
  const present = m.attendees.filter((a) => a.present).map((a) => a.name);
  const absent = m.attendees.filter((a) => !a.present).map((a) => `${a.name}（${a.absenceReason}）`);
  return [
    { kind: 'heading1', text: '调度会议' },
    { kind: 'paragraph', text: `时间：${officialDate(m.date)} ${m.time}。地点：${m.place}。主持：${m.chairName}。` },
    { kind: 'paragraph', text: `出席：${present.join('、') || '无'}。` },
    ...(absent.length ? [{ kind: 'paragraph' as const, text: `缺席：${absent.join('、')}。` }] : []),
    ...paragraphs(m.minutes),
  ];
}

/** 本周调度事项共 N 项：红灯任务 a 项、… — only the kinds the sheet has. */
function itemSummary(sheet: DispatchSheet): string {
  const items = sheet.groups.flatMap((g) => g.items);
  const kinds: [string, number][] = [
    ['红灯任务', items.filter((i) => i.source === 'task' && i.warning === 'red').length],
    ['黄灯任务', items.filter((i) => i.source === 'task' && i.warning === 'yellow').length],
    ['重大项目问题', items.filter((i) => i.source === 'project').length],
    ['领导批示未反馈', items.filter((i) => i.source === 'instruction').length],
    ['办公室添加', items.filter((i) => i.source === 'manual').length],
  ];
  const parts = kinds.filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n} 项`);
  const leaders = sheet.groups.map((g) => `${g.leaderName ?? NO_LEADER} ${g.items.length} 项`);
  const omitted = sheet.omittedItems > 0 ? `另有 ${sheet.omittedItems} 项未列入，按紧要程度取前列。` : '';
  return `本周调度事项共 ${items.length} 项${parts.length ? `：${parts.join('、')}` : ''}。按分管领导：${leaders.join('、') || '无'}。${omitted}`;
}

/** 情况: a task's colour and progress, else what kind of item it is. */
const stateOf = (i: DispatchItem) =>
  i.source === 'task' && i.warning ? `${WARNING_ZH[i.warning]} ${i.progress ?? 0}%` : SOURCE_ZH[i.source];

/**
 * A date in a table cell: 3月20日 within the sheet's year (its title names the year), else in full. A
 * table's columns share the type area by their texts' lengths; 2026-03-20 would break over two lines.
 */
const cellDate = (sheet: DispatchSheet, date: string | null) => {
  if (!date) return '';
  const full = officialDate(date);
  return date.startsWith(sheet.week.slice(0, 4)) ? full.slice(5) : full;
};

/** One table per leader in charge (分管领导): five columns fit the type area of A4 without wrapping a date. */
function itemBlocks(sheet: DispatchSheet): OfficialBlock[] {
  return [
    { kind: 'heading1', text: '调度事项' },
    { kind: 'paragraph', text: itemSummary(sheet) },
    ...sheet.groups.flatMap<OfficialBlock>((g) => {
      const leader = g.leaderName ?? NO_LEADER;
      return [
        { kind: 'heading2', text: leader === NO_LEADER ? leader : `${leader}分管`, runIn: `共 ${g.items.length} 项。` },
        {
          kind: 'table',
          caption: `${leader}${leader === NO_LEADER ? '' : '分管'}事项`,
          columns: ['序号', '事项', '责任单位', '情况', '时限'],
          rows: g.items.map((i, n) => [
            n + 1,
            i.note ? `${i.title}（备注：${i.note}）` : i.title,
            i.departmentName ?? '',
            stateOf(i),
            cellDate(sheet, i.dueDate),
          ]),
        },
      ];
    }),
  ];
}

function decisionBlocks(sheet: DispatchSheet): OfficialBlock[] {
  if (sheet.decisions.length === 0) return [];
  const task = (d: DispatchSheet['decisions'][number]) =>
    d.task ? `；督办任务：${d.task.code}（${TASK_STATUS_LABELS[d.task.status].zh}）` : '';
  return [
    { kind: 'heading1', text: '议定事项' },
    ...sheet.decisions.map<OfficialBlock>((d) => ({
      kind: 'paragraph',
      text: `${d.number}. ${d.text.replace(/\s*\n\s*/g, '；')}（责任单位：${d.ownerDepartmentName}${d.ownerName ? `，责任人：${d.ownerName}` : ''}；完成时限：${officialDate(d.dueDate)}${task(d)}）`,
    })),
    {
      kind: 'table',
      caption: '议定事项及督办任务',
      columns: ['序号', '议定事项', '责任单位', '完成时限', '督办任务'],
      rows: sheet.decisions.map((d) => [d.number, d.text, d.ownerDepartmentName, cellDate(sheet, d.dueDate), d.task?.code ?? '未转任务']),
    },
  ];
}

/** 调度单 → 公文模型: signed by the organising department, dated the day of the meeting (or of the draft). */
export function dispatchSheetDocument(sheet: DispatchSheet): OfficialDocument {
  return {
    organ: sheet.departmentName,
    title: sheet.title,
    date: sheet.meeting?.date ?? shanghaiDate(new Date(sheet.draftedAt)),
    body: [...paragraphs(sheet.notes), ...meetingBlocks(sheet), ...itemBlocks(sheet), ...decisionBlocks(sheet)],
  };
}
