import { TaskStatus, WarningColor } from '@qinlian/contracts';

/** Order of the life cycle, for columns and filters: the contract's own order. */
export const STATUSES: readonly TaskStatus[] = TaskStatus.options;
/** Most urgent first (red … none): the contract lists them the other way round. */
export const WARNINGS: readonly WarningColor[] = [...WarningColor.options].reverse();

/** antd tag colours per status: never red, yellow or blue, which mean warnings (docs/ui.md). */
export const STATUS_TAG: Record<TaskStatus, string> = {
  draft: 'default',
  assigned: 'purple',
  accepted: 'cyan',
  refused: 'magenta',
  in_progress: 'processing',
  // waiting for the department head (部门审核): indigo, darker and more violet than the warning blue
  report_review: 'geekblue',
  close_review: 'geekblue',
  close_requested: 'lime',
  closed: 'success',
};

/** The warning colours as shown: tag colour and the plain colour of dots, bars and card edges. */
export const WARNING_TAG: Record<WarningColor, string> = { red: 'red', yellow: 'gold', blue: 'blue', none: 'default' };
export const WARNING_HEX: Record<WarningColor, string> = { red: '#e53935', yellow: '#f5a623', blue: '#1e6fd9', none: '#b8bec8' };
export const WARNING_TINT: Record<WarningColor, string> = { red: '#fff1f0', yellow: '#fffbe6', blue: '#eef5ff', none: '#ffffff' };
