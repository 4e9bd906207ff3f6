import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translateIssue } from './validation-messages.ts';

const issueOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

describe('validation messages in the reader’s language', () => {
  it('names the expected type in Chinese words, not zod’s', () => {
    expect(translateIssue(issueOf(z.object({ score: z.number() }), { score: '5' }), 'body', 'zh-CN')).toEqual({
      path: 'body.score',
      message: '类型应为数字',
    });
    expect(translateIssue(issueOf(z.object({ a: z.object({}) }), { a: 1 }), 'body', 'zh-CN').message).toBe('类型应为对象');
    expect(translateIssue(issueOf(z.object({ score: z.number() }), { score: '5' }), 'body', 'en-US').message).toBe('must be number');
  });

  it('says a missing field is required', () => {
    expect(translateIssue(issueOf(z.object({ score: z.number() }), {}), 'body', 'zh-CN').message).toBe('必填');
  });
});
