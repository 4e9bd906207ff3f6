import { z } from 'zod';
import { ErrorBody, Instant } from './common.ts';

/** 安全校验's payloads (the proof itself, shared with the browser without zod: public-challenge-proof.ts). */
export * from './public-challenge-proof.ts';

/** What to solve: the signed challenge, how many leading zero bits the digest needs, until when it counts. */
export const PublicChallenge = z.object({
  challenge: z.string(),
  difficulty: z.number().int(),
  expiresAt: Instant,
});
export type PublicChallenge = z.infer<typeof PublicChallenge>;

/** 428: the usual error body, and a fresh challenge to solve (also after a wrong, expired or used solution). */
export const PublicChallengeRefusal = ErrorBody.extend({ challenge: PublicChallenge });
export type PublicChallengeRefusal = z.infer<typeof PublicChallengeRefusal>;

/** The refusals of the check, spread into ERROR_MESSAGES (messages.ts). */
export const PUBLIC_CHALLENGE_ERRORS = {
  challenge_required: {
    'zh-CN': '提交较为频繁，请先完成安全校验；网页会自动完成，请稍候',
    'en-US': 'Many requests have come from your network or device; a quick security check is needed first (the web page does it for you)',
  },
  challenge_failed: {
    'zh-CN': '安全校验未通过，请重新提交',
    'en-US': 'The security check did not pass; please submit again',
  },
  challenge_expired: {
    'zh-CN': '安全校验已过期，请重新提交',
    'en-US': 'The security check has expired; please submit again',
  },
  challenge_used: {
    'zh-CN': '这次安全校验已经用过，请重新提交',
    'en-US': 'That security check has already been used; please submit again',
  },
} as const;
