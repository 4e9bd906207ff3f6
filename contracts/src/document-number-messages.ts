/**
 * Messages of 发文字号 (document numbers, issue 16), spread into ERROR_MESSAGES (messages.ts).
 * zh-CN first, complete en-US; `{name}` placeholders from the error's params.
 */
export const DOCUMENT_NUMBER_ERRORS = {
  document_number_taken: {
    'zh-CN': '发文字号“{number}”已被使用，请换一个号，或留空由系统按顺序编号',
    'en-US': 'Document number “{number}” is already in use; choose another, or leave it blank to take the next in sequence',
  },
  document_number_invalid: {
    'zh-CN': '发文字号“{number}”格式不对，应为“机关代字〔年份〕序号号”，如：赣新勤廉〔2026〕3号',
    'en-US': 'Document number “{number}” is not well formed; write it as prefix〔year〕number号, e.g. 赣新勤廉〔2026〕3号',
  },
} as const;
