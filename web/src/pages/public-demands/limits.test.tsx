import { describe, expect, it } from 'vitest';
import {
  DemandStatus,
  PublicDemandRatingBody,
  PublicDemandReopenBody,
  PublicDemandSubmitBody,
  PublicPhone,
  RATING_LEVELS,
} from '@qinlian/contracts';
import { enDemands } from '../../i18n/en-US.demands.ts';
import { zhDemands } from '../../i18n/zh-CN.demands.ts';
import { ADDRESS_MAX, BODY, COMMENT_MAX, NAME_MAX, PHONE_PATTERN, RATINGS, REASON, STAGES, TITLE } from './limits.ts';

const text = (n: number) => '字'.repeat(n);
const base = { kind: 'demand', title: '路灯不亮', body: '三栋门前的路灯坏了' } as const;
const accepts = (over: object) => PublicDemandSubmitBody.safeParse({ ...base, ...over }).success;

/** The public pages' copy of the contracts: each limit is where the server draws it. */
describe("the public demand pages' copy of the contracts", () => {
  it('has the same lengths for the submission', () => {
    expect([accepts({ title: text(TITLE.min) }), accepts({ title: text(TITLE.min - 1) })]).toEqual([true, false]);
    expect([accepts({ title: text(TITLE.max) }), accepts({ title: text(TITLE.max + 1) })]).toEqual([true, false]);
    expect([accepts({ body: text(BODY.min) }), accepts({ body: text(BODY.min - 1) })]).toEqual([true, false]);
    expect([accepts({ body: text(BODY.max) }), accepts({ body: text(BODY.max + 1) })]).toEqual([true, false]);
    expect([accepts({ name: text(NAME_MAX) }), accepts({ name: text(NAME_MAX + 1) })]).toEqual([true, false]);
    expect([accepts({ address: text(ADDRESS_MAX) }), accepts({ address: text(ADDRESS_MAX + 1) })]).toEqual([true, false]);
  });

  it('knows a phone number as the contract does', () => {
    for (const phone of ['13812345678', '0791-88888888', '079188888888', '010-1234567', '1381234567', '23812345678', '138-1234-5678'])
      expect(PHONE_PATTERN.test(phone), phone).toBe(PublicPhone.safeParse(phone).success);
  });

  it('has the same rating scale, comment and reason limits', () => {
    for (const rating of [0, ...RATINGS, 6]) expect(PublicDemandRatingBody.safeParse({ rating }).success).toBe(rating >= 1 && rating <= 5);
    expect(PublicDemandRatingBody.safeParse({ rating: 3, comment: text(COMMENT_MAX + 1) }).success).toBe(false);
    expect(PublicDemandReopenBody.safeParse({ reason: text(REASON.min - 1) }).success).toBe(false);
    expect(PublicDemandReopenBody.safeParse({ reason: text(REASON.max) }).success).toBe(true);
    expect(PublicDemandReopenBody.safeParse({ reason: text(REASON.max + 1) }).success).toBe(false);
  });

  it('has stages that are statuses, and names the five levels as the contracts do in both languages', () => {
    expect(STAGES.every((s) => DemandStatus.options.includes(s))).toBe(true);
    for (const r of RATINGS) {
      expect(zhDemands.publicDemands.levels[r]).toBe(RATING_LEVELS[r]!['zh-CN']);
      expect(enDemands.publicDemands.levels[r]).toBe(RATING_LEVELS[r]!['en-US']);
    }
  });
});
