import { z } from 'zod';
import { Id } from './common.ts';
import { CalendarDate } from './calendar.ts';
import { Measure, Programme, TaskStatus, WarningColor } from './tasks.ts';

/** What lists of many tasks add up to: the 挂牌作战 board and the plan's progress roll-up (进度汇总). */

/** 挂牌作战 board: the most urgent tagged items (a wall shows a few hundred at most) and the counts of all of them. */
export const BOARD_LIMIT = { default: 200, max: 500 } as const;
export const BoardQuery = z.object({
  planId: Id.optional(),
  programmeId: Id.optional(),
  departmentId: Id.optional(),
  leaderPersonId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(BOARD_LIMIT.max).default(BOARD_LIMIT.default),
});
export const BoardItem = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  status: TaskStatus,
  warning: WarningColor,
  progress: z.number().int(),
  leadDepartmentName: z.string(),
  handlerName: z.string().nullable(),
  leaderName: z.string().nullable(),
  dueDate: CalendarDate,
  workingDaysLeft: z.number().int(),
});
export const Board = z.object({
  /** red, yellow, blue, then none; soonest due first within a colour */
  items: z.array(BoardItem),
  counts: z.object({ byStatus: z.record(TaskStatus, z.number().int()), byWarning: z.record(WarningColor, z.number().int()) }),
  /** every tagged item the filters match ("showing 200 of 2,542"); `truncated` when items holds fewer */
  total: z.number().int(),
  truncated: z.boolean(),
});

/** 逾期办结: top-level tasks closed after their original due date — they stay counted so, whatever their colour now. */
const closedLate = z.number().int();
/** Weighted progress roll-up: tasks → measures → programmes. */
export const Rollup = z.object({
  planId: Id,
  /** the whole plan: weighted over programmes */
  progress: z.number(),
  taskCount: z.number().int(),
  colours: z.record(WarningColor, z.number().int()),
  closedLate,
  programmes: z.array(Programme.extend({ closedLate, measures: z.array(Measure.extend({ closedLate })) })),
});
export type Rollup = z.infer<typeof Rollup>;
export type Board = z.infer<typeof Board>;
export type BoardItem = z.infer<typeof BoardItem>;
