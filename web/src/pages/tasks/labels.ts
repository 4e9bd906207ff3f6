import type { TaskAction, TaskStatus, WarningColor } from '@qinlian/contracts';

/** Order of the life cycle, for columns and filters. */
export const STATUSES: TaskStatus[] = ['draft', 'assigned', 'accepted', 'refused', 'in_progress', 'close_requested', 'closed'];
export const WARNINGS: WarningColor[] = ['red', 'yellow', 'blue', 'none'];

/** antd tag colours per status. */
export const STATUS_TAG: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'blue',
  accepted: 'cyan',
  refused: 'magenta',
  in_progress: 'processing',
  close_requested: 'orange',
  closed: 'success',
};

/** The warning colours as shown: tag colour and the plain colour of dots, bars and card edges. */
export const WARNING_TAG: Record<WarningColor, string> = { red: 'red', yellow: 'gold', blue: 'blue', none: 'default' };
export const WARNING_HEX: Record<WarningColor, string> = { red: '#e53935', yellow: '#f5a623', blue: '#1e6fd9', none: '#b8bec8' };
export const WARNING_TINT: Record<WarningColor, string> = { red: '#fff1f0', yellow: '#fffbe6', blue: '#eef5ff', none: '#ffffff' };

/** Every action button a task can show, in the order of the life cycle; which ones show is the server's `abilities`. */
export type DialogAction = TaskAction | 'urge' | 'instruct';
export const ACTION_ORDER: DialogAction[] = [
  'assign',
  'accept',
  'refuse',
  'report',
  'request_close',
  'close',
  'return',
  'reopen',
  'urge',
  'instruct',
];

/** What each dialog asks for. Presentation only: whether the step is allowed is the server's answer. */
export const ACTION_FORM: Record<DialogAction, { comment: 'required' | 'optional'; percent?: true; files?: true }> = {
  assign: { comment: 'optional' },
  accept: { comment: 'optional' },
  refuse: { comment: 'required' },
  report: { comment: 'optional', percent: true, files: true },
  request_close: { comment: 'optional', files: true },
  close: { comment: 'required' },
  return: { comment: 'required' },
  reopen: { comment: 'required' },
  urge: { comment: 'required' },
  instruct: { comment: 'required' },
};

export const isDanger = (a: DialogAction) => a === 'refuse' || a === 'return';
export const isPrimary = (a: DialogAction) => a === 'assign' || a === 'accept' || a === 'report' || a === 'close';
