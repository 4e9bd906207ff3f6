import type { WhereaboutsState } from '@qinlian/contracts';

/**
 * The whereabouts states as the pages need them at run time, copied from contracts/whereabouts.ts so
 * that the public door board does not download the contracts' schemas (zod) for six words;
 * states.test.tsx holds them equal to their source.
 */
export const WHEREABOUTS_STATES = [
  'in_office',
  'meeting',
  'out',
  'trip',
  'leave',
  'training',
] as const satisfies readonly WhereaboutsState[];

/** AWAY_STATES: the person is not at work, and the B holder acts on their A posts (AB岗) */
export const AWAY_STATES: ReadonlySet<WhereaboutsState> = new Set<WhereaboutsState>(['out', 'trip', 'leave', 'training']);
export const isAway = (state: WhereaboutsState) => AWAY_STATES.has(state);

/**
 * How a state is coloured everywhere (door board and console alike): 在岗 green, 开会 blue, out on
 * business or a trip amber (back in hours or days), leave and training grey (not reachable for work).
 */
export type StateTone = 'here' | 'busy' | 'out' | 'off';
export const STATE_TONE: Record<WhereaboutsState, StateTone> = {
  in_office: 'here',
  meeting: 'busy',
  out: 'out',
  trip: 'out',
  leave: 'off',
  training: 'off',
};
