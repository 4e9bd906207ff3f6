import type { zhDoorBoard } from './zh-CN.door-board.ts';

/** The public door board (kiosk), en-US; keys checked against zh-CN. */
export const enDoorBoard: typeof zhDoorBoard = {
  doorBoard: {
    title: 'Staff whereabouts',
    present: 'In',
    away: 'Away',
    total: 'Total',
    states: {
      in_office: 'In the office',
      meeting: 'In a meeting',
      out: 'Out on business',
      trip: 'Business trip',
      leave: 'On leave',
      training: 'In training',
    },
    backAt: 'Back at {{time}}',
    backOn: 'Back on {{date}}',
    acting: 'Covered by {{name}}',
    postSeparator: ', ',
    live: { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' },
    updatedAt: 'Updated {{time}}',
    empty: 'Nobody in this department yet.',
    notFound:
      'This door board was not found: the code in its address does not exist or was replaced. Ask the department for the new address.',
    badCode: 'The code in the address is mistyped. Please check it and open the page again.',
    loadFailed: 'The whereabouts cannot be fetched just now; trying again…',
  },
};
