import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/calendar/working-days.ts';
import { experienceCollection, monthlyCompilation, type MonthlyEntry } from './summary-document.content.ts';
import { halfOf, halfSpan, lastWorkingDayOf, monthHasEnded, openMonth, summaryDueDate } from './summary-periods.ts';

const head = { title: '2026年2月工作小结', organ: '勤廉新区建设领导小组办公室', date: '2026-03-09', intro: '' };
const figures = (closed: number, closedOnTime: number, overdue: number, open: number) => ({
  closed,
  closedOnTime,
  onTimeRate: closed ? Math.round((closedOnTime / closed) * 1000) / 10 : null,
  overdue,
  open,
  asOf: '2026-02-28',
});
const entry = (departmentName: string, f: MonthlyEntry['figures'], problems = ''): MonthlyEntry => ({
  departmentName,
  figures: f,
  highlights: `${departmentName}亮点一\n${departmentName}亮点二`,
  problems,
  nextPlan: '下月继续推进',
});

describe('the compiled monthly summary (月度工作小结)', () => {
  const doc = monthlyCompilation(head, '2026-02', [
    entry('城市管理局', figures(2, 1, 1, 3), '进度偏慢'),
    entry('交通运输局', figures(1, 1, 0, 0)),
  ]);

  it('opens with the month’s totals over the accepted summaries', () => {
    expect(doc.body[0]).toEqual({
      kind: 'paragraph',
      text: '2026年2月，2个部门的月度工作小结经审核通过。各部门本月共办结任务3件，其中按期办结2件，按期办结率66.7%；月末逾期未办结1件，在办3件。',
    });
  });

  it('tabulates every department in the order given', () => {
    const table = doc.body.find((b) => b.kind === 'table');
    expect(table).toMatchObject({
      columns: ['序号', '部门', '本月办结', '按期办结', '按期办结率', '逾期未办结', '在办'],
      rows: [
        [1, '城市管理局', 2, 1, '50%', 1, 3],
        [2, '交通运输局', 1, 1, '100%', 0, 0],
      ],
    });
  });

  it('prints each summary under its department, a blank part left out', () => {
    const transport = doc.body.slice(doc.body.findIndex((b) => b.kind === 'heading2' && b.text === '交通运输局'));
    expect(transport).toEqual([
      { kind: 'heading2', text: '交通运输局' },
      { kind: 'paragraph', text: '工作亮点：交通运输局亮点一' },
      { kind: 'paragraph', text: '交通运输局亮点二' },
      { kind: 'paragraph', text: '下月计划：下月继续推进' },
    ]);
    expect(doc.body).toContainEqual({ kind: 'paragraph', text: '存在问题：进度偏慢' });
  });
});

describe('the experience collection (典型经验汇编)', () => {
  it('lists the experiences, then prints each with its department', () => {
    const doc = experienceCollection({ ...head, title: '2026年上半年典型经验汇编', intro: '编者按：供学习借鉴。' }, '2026-H1', [
      { departmentName: '城市管理局', title: '街长制', text: '第一段\n\n第二段' },
    ]);
    expect(doc.body).toEqual([
      { kind: 'paragraph', text: '现将2026年上半年各部门报送并经遴选的1篇典型经验汇编印发，供学习借鉴。' },
      { kind: 'paragraph', text: '编者按：供学习借鉴。' },
      { kind: 'table', caption: '目录', columns: ['序号', '标题', '报送部门'], rows: [[1, '街长制', '城市管理局']] },
      { kind: 'heading1', text: '街长制' },
      { kind: 'paragraph', text: '（城市管理局）' },
      { kind: 'paragraph', text: '第一段' },
      { kind: 'paragraph', text: '第二段' },
    ]);
  });
});

describe('the periods on the working-day calendar', () => {
  const cal = workingCalendar();

  it('ends a month on its last working day, a 调休 Saturday included, and makes it due five working days later', () => {
    expect(lastWorkingDayOf(cal, '2026-02')).toBe('2026-02-28'); // Saturday, worked for the Spring Festival
    expect(lastWorkingDayOf(cal, '2026-01')).toBe('2026-01-30'); // Saturday the 31st is a day off
    expect(summaryDueDate(cal, '2026-03')).toBe('2026-04-08'); // 4–6 April are 清明
    expect(monthHasEnded(cal, '2026-03', '2026-03-30')).toBe(false);
    expect(monthHasEnded(cal, '2026-03', '2026-03-31')).toBe(true);
    expect(openMonth(cal, '2026-03-30')).toBe('2026-02');
    expect(openMonth(cal, '2026-01-05')).toBe('2025-12');
  });

  it('splits the year into halves', () => {
    expect([halfOf('2026-06-30'), halfOf('2026-07-01')]).toEqual(['2026-H1', '2026-H2']);
    expect(halfSpan('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
  });
});
