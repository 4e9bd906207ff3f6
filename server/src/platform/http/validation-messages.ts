import type { Lang } from '@qinlian/contracts';

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  keys?: string[];
  format?: string;
};

/** zod's type names as a Chinese reader says them; one not listed is shown as zod names it. */
const ZH_TYPES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文本',
  boolean: '是或否（布尔值）',
  object: '对象',
  array: '列表',
  date: '日期',
  bigint: '整数',
  null: '空值',
};

const zh = {
  required: '必填',
  type: (e: string) => `类型应为${ZH_TYPES[e] ?? ` ${e}`}`,
  tooSmall: (o: string | undefined, n: unknown) => (o === 'string' ? `至少 ${n} 个字符` : o === 'array' ? `至少 ${n} 项` : `不能小于 ${n}`),
  tooBig: (o: string | undefined, n: unknown) => (o === 'string' ? `最多 ${n} 个字符` : o === 'array' ? `最多 ${n} 项` : `不能大于 ${n}`),
  format: '格式不正确',
  value: '取值不在允许范围内',
  keys: (k: string[]) => `不允许的字段：${k.join('、')}`,
};
const en = {
  required: 'required',
  type: (e: string) => `must be ${e}`,
  tooSmall: (o: string | undefined, n: unknown) =>
    o === 'string' ? `at least ${n} characters` : o === 'array' ? `at least ${n} items` : `must be ≥ ${n}`,
  tooBig: (o: string | undefined, n: unknown) =>
    o === 'string' ? `at most ${n} characters` : o === 'array' ? `at most ${n} items` : `must be ≤ ${n}`,
  format: 'wrong format',
  value: 'not an allowed value',
  keys: (k: string[]) => `unknown fields: ${k.join(', ')}`,
};

/** A zod issue as `{path, message}` in the caller's language; the path names the field to fix. */
export function translateIssue(issue: Issue, where: string, lang: Lang): { path: string; message: string } {
  const m = lang === 'en-US' ? en : zh;
  const path = [where, ...issue.path.map(String)].join('.');
  switch (issue.code) {
    case 'invalid_type':
      return { path, message: issue.message.includes('received undefined') ? m.required : m.type(issue.expected ?? '') };
    case 'too_small':
      return { path, message: m.tooSmall(issue.origin, issue.minimum) };
    case 'too_big':
      return { path, message: m.tooBig(issue.origin, issue.maximum) };
    case 'invalid_format':
    case 'invalid_string':
      return { path, message: m.format };
    case 'invalid_value':
    case 'invalid_enum_value':
    case 'invalid_union':
      return { path, message: m.value };
    case 'unrecognized_keys':
      return { path, message: m.keys(issue.keys ?? []) };
    default:
      return { path, message: m.format };
  }
}
