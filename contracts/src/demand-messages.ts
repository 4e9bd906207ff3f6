import { DEMAND_ANALYSIS_ERRORS } from './demand-analysis-messages.ts';

/**
 * Messages of the public loop (demands and suggestions, issue 14), spread into ERROR_MESSAGES
 * (messages.ts). zh-CN first, complete en-US, `{name}` placeholders from the error's params; the
 * public reads these, so they are polite and say what to do.
 */
export const DEMAND_ERRORS = {
  ...DEMAND_ANALYSIS_ERRORS, // 汇总、分析、论证 (item 5)
  demand_not_found: { 'zh-CN': '没有找到这件诉求', 'en-US': 'No such demand' },
  demand_code_not_found: {
    'zh-CN': '没有找到这个查询码对应的诉求，请核对后再试',
    'en-US': 'No submission has this tracking code; please check it and try again',
  },
  demand_wrong_status: {
    'zh-CN': '这件诉求目前“{state}”，不能这样办理',
    'en-US': 'This demand is “{stateEn}” now; that cannot be done',
  },
  demand_sent_back_once: {
    'zh-CN': '这件诉求已经退过一次单，不能再退；如确实不属于本部门，请联系领导小组办公室协调',
    'en-US': 'This item has already been sent back once; if it really is not yours, ask the office to sort it out',
  },
  demand_not_rateable: {
    'zh-CN': '答复之后才能评价，请等待部门答复',
    'en-US': 'You can rate the handling once you have been replied to',
  },
  demand_already_rated: {
    'zh-CN': '您已经评价过这件诉求，感谢您的反馈',
    'en-US': 'You have already rated this item; thank you for your feedback',
  },
  demand_reopen_used: {
    'zh-CN': '这件诉求已经重新办理过一次；如仍不满意，请拨打 12345 热线或重新提交',
    'en-US': 'This item has already been reopened once; if you are still not satisfied, call the 12345 hotline or submit it again',
  },
  demand_reopen_not_now: {
    'zh-CN': '只有已答复或办结 15 天内的诉求可以申请重新办理',
    'en-US': 'An item can be reopened only once it has been replied to, and within 15 days of closing',
  },
  demand_too_many_files: {
    'zh-CN': '每件诉求最多附 {max} 个文件',
    'en-US': 'A submission may carry at most {max} files',
  },
  demand_mail_not_mail: {
    'zh-CN': '“{name}”不是一封邮件：请导入邮件客户端另存的 .eml 文件',
    'en-US': '“{name}” is not an e-mail message; import an .eml file saved from a mail client',
  },
  demand_mail_empty: {
    'zh-CN': '这封邮件没有主题、正文或可保留的附件，无法登记为诉求',
    'en-US': 'This e-mail has no subject, text or attachment that could be kept, so it cannot be filed as a demand',
  },
  demand_mail_import_too_many: {
    'zh-CN': '一次最多导入 {max} 封邮件，合计不超过 {limit}',
    'en-US': 'Import at most {max} e-mails at a time, {limit} in all',
  },
  solicitation_not_found: { 'zh-CN': '没有找到这项征集活动', 'en-US': 'No such solicitation campaign' },
  solicitation_takes_suggestions: {
    'zh-CN': '征集活动只收民生实事建议；具体诉求请通过“我要反映”提交',
    'en-US': 'A solicitation campaign takes suggestions only; submit a demand through the demand form',
  },
  solicitation_closed: {
    'zh-CN': '感谢关注！“{title}”的征集时间为 {opensOn} 至 {closesOn}，现在不在征集期内，暂不接收新的建议',
    'en-US': 'Thank you for your interest! “{title}” takes suggestions from {opensOn} to {closesOn}; it is not open now',
  },
  solicitation_dates_order: {
    'zh-CN': '征集截止日期（{closesOn}）不能早于开始日期（{opensOn}）',
    'en-US': 'The closing day ({closesOn}) must not be before the opening day ({opensOn})',
  },
  // Open311 GeoReport v2 (/open311/v2): the client's developer reads these, in the array Open311 prescribes
  open311_format_not_supported: {
    'zh-CN': '不支持这种格式：本接口只提供 JSON，请把地址结尾改为 .json',
    'en-US': 'Format not supported: use .json',
  },
  open311_api_key_invalid: {
    'zh-CN': '提交服务请求需要有效的 api_key，请向管理员申请',
    'en-US': 'Posting a service request needs a valid api_key; ask the administrator for one',
  },
  open311_service_not_found: {
    'zh-CN': '没有编码为“{code}”的服务类别，可用的编码见 services.json',
    'en-US': 'No service has the code “{code}”; services.json lists the codes',
  },
  open311_request_not_found: { 'zh-CN': '没有找到这件服务请求', 'en-US': 'No such service request' },
  open311_location_required: {
    'zh-CN': '请提供位置：经纬度（lat 和 long 都要填）或地址（address_string）',
    'en-US': 'A location is required: both lat and long, or address_string',
  },
  open311_date_range: {
    'zh-CN': '时间范围不正确：start_date 不能晚于 end_date，且跨度不能超过 {days} 天',
    'en-US': 'Bad date range: start_date must not be after end_date, and the range may span at most {days} days',
  },
  routing_rule_duplicate: {
    'zh-CN': '关键词“{keyword}”已归入分类“{category}”，请直接修改那条规则',
    'en-US': 'The keyword “{keyword}” already points to “{category}”; edit that rule instead',
  },
  demand_merge_self: { 'zh-CN': '不能把一件诉求并入它自己，请另选一件', 'en-US': 'An item cannot be merged into itself; choose another' },
  demand_already_merged: {
    'zh-CN': '这件诉求已并入 {code}，如需改并，请先撤销并单',
    'en-US': 'This item is already merged into {code}; undo that merge first',
  },
  demand_merge_has_merged: {
    'zh-CN': '已有 {count} 件诉求并入这件诉求，它不能再并入别处；可以把另一件诉求并入它',
    'en-US': '{count} item(s) are merged into this one, so it cannot be merged elsewhere; merge the other item into it instead',
  },
  demand_merge_target_merged: {
    'zh-CN': '诉求 {code} 本身已并入 {into}，请直接并入 {into}',
    'en-US': 'Item {code} is itself merged into {into}; merge into {into} instead',
  },
  demand_merge_target_rejected: {
    'zh-CN': '诉求 {code} 已不予受理，不能作为并单对象',
    'en-US': 'Item {code} was rejected; nothing can be merged into it',
  },
  demand_not_merged: {
    'zh-CN': '这件诉求没有并入其他诉求，无需撤销',
    'en-US': 'This item is not merged into another; there is nothing to undo',
  },
  demand_urged_today: {
    'zh-CN': '这件诉求今天已经督办过，承办部门已收到通知；明天可以再次督办',
    'en-US': 'This item has already been urged today and its department told; it can be urged again tomorrow',
  },
} as const;
