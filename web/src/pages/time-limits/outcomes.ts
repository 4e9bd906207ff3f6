import { CATEGORICAL } from '../../app/theme.ts';
import { WARNING_HEX } from '../../domain/tasks/labels.ts';

/** The four outcomes of a timed item, in the order the chart stacks them and the tables show them. */
export const OUTCOMES = ['doneOnTime', 'doneLate', 'openWithinLimit', 'openOverdue'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Open past the limit is the red of 逾期 (a warning colour, meaning what it means on tasks); the rest are not warnings. */
export const OUTCOME_COLOURS: Record<Outcome, string> = {
  doneOnTime: CATEGORICAL[2]!,
  doneLate: CATEGORICAL[3]!,
  openWithinLimit: CATEGORICAL[5]!,
  openOverdue: WARNING_HEX.red,
};
