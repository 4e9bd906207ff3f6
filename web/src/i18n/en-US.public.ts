import type { zhPublic } from './zh-CN.public.ts';
import { enPublicRating } from './en-US.public-rating.ts';
import { enDoorBoard } from './en-US.door-board.ts';
import { enPublicVerify } from './en-US.public-verify.ts';

/** Public services: the pages the public opens without an account (en-US; keys checked against zh-CN). */
export const enPublic: typeof zhPublic = {
  public: {
    ...enPublicRating,
    ...enDoorBoard,
    ...enPublicVerify,
    shellName: 'Public services',
    home: {
      title: 'Welcome to the Qinlian public services',
      intro: 'No account needed: on your phone you can raise a concern with us, follow how it is handled and rate our service.',
      services: {
        demand: { title: 'Raise a concern', text: 'Make a suggestion or a complaint; you receive a tracking code when you send it.' },
        track: { title: 'Track it', text: 'Enter your tracking code to see progress and the reply; your personal details stay private.' },
        review: { title: 'Rate a service', text: 'Tell us whether a service counter or a member of staff served you well or badly.' },
        progress: {
          title: 'See progress',
          text: 'The year’s livelihood projects chosen from the public’s suggestions, and how far each has come.',
        },
      },
      soon: 'To rate a service, scan the QR code on the staff member’s badge.',
    },
  },
};
