import type { DemandStatus } from '@qinlian/contracts';

/**
 * What the public demand pages need of the contracts at run time (contracts/src/demands.ts), copied
 * so that a phone opening a campaign's poster link does not download zod for a few numbers:
 * limits.test.ts holds each equal to its source. Types come from the contracts as they are.
 */
export const TITLE = { min: 2, max: 100 };
export const BODY = { min: 5, max: 2000 };
export const NAME_MAX = 50;
export const EMAIL_MAX = 200;
export const ADDRESS_MAX = 200;
export const COMMENT_MAX = 500;
export const REASON = { min: 2, max: 500 };
/** PublicPhone: a mainland mobile (11 digits from 1) or a landline with its area code */
export const PHONE_PATTERN = /^(?:1\d{10}|0\d{2,3}-?\d{7,8})$/;
/** the browser's own check of an address; the server's zod check is the one that counts */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** 1 非常不满意 … 5 非常满意 */
export const RATINGS = [1, 2, 3, 4, 5] as const;
/** 1–2 are bad reviews (差评): they become rectification items */
export const BAD_RATING_MAX = 2;

/** The closed loop's stages as the tracking page shows them: 受理 → 派单 → 办理 → 答复 → 办结. */
export const STAGES = ['accepted', 'dispatched', 'handling', 'replied', 'closed'] as const satisfies readonly DemandStatus[];
export type Stage = (typeof STAGES)[number];
