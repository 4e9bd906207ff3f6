/**
 * Error messages by code, zh-CN first. The server answers in the caller's language; the web
 * shows what the server said. `{name}` placeholders are filled from the error's params.
 */
import { TASK_WORKFLOW_DETAILS, TASK_WORKFLOW_ERRORS } from './task-workflow-messages.ts';
import { INSTRUCTION_DETAILS, INSTRUCTION_ERRORS } from './instruction-messages.ts';
import { BADGE_RATING_DETAILS, BADGE_RATING_ERRORS } from './rating-messages.ts';
import { RECTIFICATION_DETAILS, RECTIFICATION_ERRORS } from './rectification-messages.ts';
import { ENQUIRY_ERRORS } from './enquiry-messages.ts';
import { DEMAND_ERRORS } from './demand-messages.ts';
import { PUBLIC_CHALLENGE_ERRORS } from './public-challenge.ts';
import { TIME_LIMIT_DETAILS } from './time-limit-messages.ts';
import { WHEREABOUTS_DETAILS, WHEREABOUTS_ERRORS } from './whereabouts-messages.ts';
import { DOCUMENT_NUMBER_ERRORS } from './document-number-messages.ts';
import { AUDIT_CHECKPOINT_ERRORS } from './audit-messages.ts';
import { DISPATCH_DETAILS, DISPATCH_ERRORS } from './dispatch-messages.ts';
import { BULLETIN_DETAILS, BULLETIN_ERRORS } from './bulletin-messages.ts';
import { SUMMARY_DETAILS, SUMMARY_ERRORS } from './summary-messages.ts';

export type Lang = 'zh-CN' | 'en-US';

export const ERROR_MESSAGES = {
  validation_failed: { 'zh-CN': '提交的数据有误，请检查标注的字段', 'en-US': 'Some fields are invalid; please check them' },
  malformed_json: { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  body_too_large: { 'zh-CN': '请求内容过大（上限 {limit}）', 'en-US': 'The request body is too large (limit {limit})' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  headers_too_large: {
    'zh-CN': '请求头或网址过长（上限 {limit}），请清理浏览器 Cookie 或缩短网址后重试',
    'en-US': 'The request headers or URL are too long (limit {limit}); clear cookies or shorten the URL and try again',
  },
  malformed_request: { 'zh-CN': '请求格式不正确，无法解析', 'en-US': 'The request is malformed and cannot be read' },
  host_required: { 'zh-CN': '请求缺少 Host 头', 'en-US': 'The request has no Host header' },
  request_timeout: {
    'zh-CN': '请求发送超时，请检查网络后重试',
    'en-US': 'The request took too long to arrive; check the network and try again',
  },
  expectation_failed: { 'zh-CN': '不支持请求头 Expect：{expect}', 'en-US': 'The Expect header is not supported: {expect}' },
  not_found: { 'zh-CN': '未找到该记录，或您无权查看', 'en-US': 'Not found, or you may not see it' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  session_expired: { 'zh-CN': '登录已超时，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  session_required: {
    'zh-CN': 'API 令牌不能用于登录、密码、动态验证码、会话或令牌管理，请在控制台登录后操作',
    'en-US':
      'API tokens cannot be used for sign-in, passwords, one-time codes, sessions or token management; sign in at the console instead',
  },
  token_lifetime_too_long: {
    'zh-CN': 'API 令牌有效期最长 {max} 天',
    'en-US': 'An API token may be valid for at most {max} days',
  },
  token_read_only: {
    'zh-CN': '该 API 令牌为只读令牌，只能查询（GET），不能修改数据',
    'en-US': 'This API token is read-only: it may only read (GET), never change data',
  },
  token_scope_exceeds_owner: {
    'zh-CN': '令牌权限不能超出持有人当前的权限：{permissions}',
    'en-US': 'A token cannot hold permissions its owner lacks: {permissions}',
  },
  totp_already_enabled: {
    'zh-CN': '动态验证码已启用；如需更换密钥，请先停用再重新设置',
    'en-US': 'The authenticator is already on; turn it off before setting up a new one',
  },
  csrf_failed: {
    'zh-CN': '安全校验失败（缺少或错误的 x-csrf-token），请刷新页面后重试',
    'en-US': 'Security check failed (missing or wrong x-csrf-token); reload and try again',
  },
  bad_credentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  too_many_attempts: {
    // sign-in and the current-password checks (TOTP, password change) share the delay and this answer
    'zh-CN': '密码错误次数过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many wrong passwords; try again in {minutes} minutes',
  },
  account_disabled: { 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  totp_required: { 'zh-CN': '请输入动态验证码', 'en-US': 'Enter the one-time code from your authenticator' },
  bad_totp: { 'zh-CN': '动态验证码错误', 'en-US': 'Wrong one-time code' },
  password_change_required: { 'zh-CN': '首次登录须先修改初始密码', 'en-US': 'You must change your initial password first' },
  weak_password: {
    'zh-CN': '密码至少 {min} 位，且须包含大写字母、小写字母、数字、符号中的至少三类',
    'en-US': 'Passwords need at least {min} characters from 3 of: upper case, lower case, digits, symbols',
  },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'The new password must differ from the current one' },
  wrong_current_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  totp_not_setup: { 'zh-CN': '请先生成动态验证码密钥', 'en-US': 'Set up the authenticator first' },
  version_conflict: { 'zh-CN': '该记录已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this record; reload and try again' },
  duplicate: { 'zh-CN': '“{value}”已存在，不能重复', 'en-US': '"{value}" already exists' },
  department_cycle: {
    'zh-CN': '不能把部门移动到它自己或它的下级部门之下',
    'en-US': 'A department cannot move under itself or its own sub-department',
  },
  department_archived: { 'zh-CN': '部门“{name}”已撤销，不能再使用', 'en-US': 'Department "{name}" is archived and cannot be used' },
  department_has_active_children: { 'zh-CN': '请先撤销或移走下级部门', 'en-US': 'Archive or move its sub-departments first' },
  department_has_people: {
    'zh-CN': '该部门仍有 {count} 名在岗人员，请先调出',
    'en-US': 'This department still has {count} active people; move them first',
  },
  root_department_exists: { 'zh-CN': '只能有一个顶级单位', 'en-US': 'There can be only one top-level organisation' },
  person_not_in_department: { 'zh-CN': '“{name}”不在岗位所属部门', 'en-US': '"{name}" does not belong to the post\'s department' },
  same_ab_holder: { 'zh-CN': 'A 岗和 B 岗不能是同一人', 'en-US': 'The A and B holders of a post must be different people' },
  role_in_use: { 'zh-CN': '该角色仍有 {count} 个账号在用', 'en-US': 'This role is still held by {count} accounts' },
  builtin_role: { 'zh-CN': '内置角色不能删除或改代码', 'en-US': 'Built-in roles cannot be deleted or recoded' },
  invalid_file: { 'zh-CN': '文件无法读取：{reason}', 'en-US': 'The file cannot be read: {reason}' },
  file_type_mismatch: {
    'zh-CN': '文件内容与声明的类型不符：声明为 {declared}，实际内容为 {actual}',
    'en-US': 'The file content does not match its declared type: declared {declared}, content is {actual}',
  },
  file_markup_refused: {
    'zh-CN': '不接受网页类文件（{declared}）：HTML、SVG、XML 可能在浏览器中运行脚本，请另存为 PDF 或图片后上传',
    'en-US': 'Web-page files ({declared}) are not accepted: HTML, SVG and XML can run scripts in a browser; save it as PDF or an image',
  },
  file_too_large: { 'zh-CN': '文件超过大小上限 {limit}', 'en-US': 'The file exceeds the limit of {limit}' },
  import_rejected: { 'zh-CN': '导入未执行：{count} 行有错误', 'en-US': 'Import not done: {count} rows have errors' },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; please wait a moment' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试（编号 {ref}）', 'en-US': 'Internal error; please try again later (ref {ref})' },
  post_archived: { 'zh-CN': '岗位“{name}”已撤销，不能再修改', 'en-US': 'Post "{name}" is archived and cannot be changed' },
  person_holds_posts: {
    'zh-CN': '“{name}”仍担任本部门岗位（{posts}），请先调整这些岗位的 A/B 角再调动',
    'en-US': '"{name}" still holds posts in this department ({posts}); reassign them before the move',
  },
  import_too_many_rows: {
    'zh-CN': '一次最多导入 {max} 行，本文件至少有 {count} 行，请拆分后分批导入',
    'en-US': 'At most {max} rows per import; this file has at least {count}. Split it and import in parts',
  },
  import_too_large: {
    'zh-CN': '导入文件解压后超过 {limit}，正常的表格不会这么大；请只保留要导入的工作表后重试',
    'en-US':
      'The import file unpacks to more than {limit}, which no ordinary spreadsheet does; keep only the sheet to import and try again',
  },
  import_too_many_sheets: {
    'zh-CN': '导入文件的工作表超过 {max} 个，请只保留要导入的工作表',
    'en-US': 'The import file has more than {max} worksheets; keep only the sheet to import',
  },
  import_too_many_cells: {
    'zh-CN': '要导入的工作表超过 {max} 个单元格（含带格式的空单元格），请删去多余的行列或拆分后分批导入',
    'en-US': 'The sheet to import has more than {max} cells (formatted empty ones included); delete unused rows and columns or split it',
  },
  import_too_many_columns: {
    'zh-CN': '要导入的工作表用到了第 {max} 列以后的列，请删去多余的列',
    'en-US': 'The sheet to import uses columns beyond column {max}; delete the extra columns',
  },
  import_strings_too_large: {
    'zh-CN': '导入文件中的文字总量超过 {limit}，请拆分后分批导入',
    'en-US': 'The text in the import file exceeds {limit}; split it and import in parts',
  },
  import_busy: {
    'zh-CN': '正在进行的导入较多，请稍后再试',
    'en-US': 'Too many imports are running; try again shortly',
  },
  import_too_complex: {
    'zh-CN': '导入文件过于复杂，读取时超出了内存或时间上限（{limit}），请拆分后分批导入',
    'en-US': 'The import file is too complex: reading it went past the memory or time limit ({limit}); split it and import in parts',
  },
  import_missing_columns: {
    'zh-CN': '文件缺少必需的列：{columns}（请使用导入模板）',
    'en-US': 'The file lacks required columns: {columns} (use the import template)',
  },
  conflict: {
    'zh-CN': '与已有记录冲突（可能是重复提交），请刷新后重试',
    'en-US': 'This conflicts with an existing record (perhaps a repeated submission); reload and try again',
  },
  account_more_powerful: { 'zh-CN': '不能操作权限比自己更大的账号', 'en-US': 'You cannot act on an account more powerful than your own' },
  account_exists: { 'zh-CN': '“{name}”已有登录账号', 'en-US': '"{name}" already has a sign-in account' },
  cannot_disable_self: { 'zh-CN': '不能停用或删除自己的账号', 'en-US': 'You cannot disable your own account' },
  illegal_transition: {
    'zh-CN': '任务当前为“{status}”，不能执行“{action}”',
    'en-US': 'A task that is "{statusEn}" cannot be "{actionEn}"',
  },
  evidence_required: {
    'zh-CN': '申请销号须附佐证材料：请至少上传一份文件',
    'en-US': 'A close-out request needs evidence: attach at least one file',
  },
  task_not_editable: {
    'zh-CN': '只有草稿、已交办或被拒收的任务可以修改（当前为“{status}”）',
    'en-US': 'Only draft, assigned or refused tasks can be edited (this one is "{statusEn}")',
  },
  milestones_not_open: {
    'zh-CN': '只有已签收或推进中的任务可以标记时间节点（当前为“{status}”）',
    'en-US': 'Milestones can be marked only while a task is accepted or in progress (this one is "{statusEn}")',
  },
  post_not_in_department: {
    'zh-CN': '岗位“{name}”不属于牵头部门“{department}”',
    'en-US': 'Post "{name}" does not belong to the lead department "{department}"',
  },
  search_too_short: {
    'zh-CN': '请至少输入 {min} 个字（汉字、字母或数字，标点和空格不计）再检索',
    'en-US': 'Type at least {min} characters (letters or digits; punctuation and spaces do not count) to search',
  },
  email_channel_exists: {
    'zh-CN': '已有启用的邮件通道“{name}”，请修改它或先停用',
    'en-US': 'The e-mail channel "{name}" is already enabled; edit it or disable it first',
  },
  delivery_not_failed: {
    'zh-CN': '只有投递失败的记录可以重试（当前为“{status}”）',
    'en-US': 'Only failed deliveries can be retried (this one is "{statusEn}")',
  },
  file_type_not_allowed: {
    'zh-CN': '不接受此类文件（识别为 {actual}）：佐证材料只能是办公文档、PDF、图片、文本或压缩包，不能是程序或无法识别的二进制文件',
    'en-US':
      'This kind of file is not accepted (it is {actual}): evidence must be an office document, PDF, image, text or archive, never a program or unrecognised binary',
  },
  ...TASK_WORKFLOW_ERRORS,
  ...INSTRUCTION_ERRORS,
  ...BADGE_RATING_ERRORS,
  ...RECTIFICATION_ERRORS,
  ...ENQUIRY_ERRORS,
  ...DEMAND_ERRORS,
  ...PUBLIC_CHALLENGE_ERRORS,
  ...WHEREABOUTS_ERRORS,
  ...DOCUMENT_NUMBER_ERRORS,
  ...AUDIT_CHECKPOINT_ERRORS,
  ...DISPATCH_ERRORS,
  ...BULLETIN_ERRORS,
  ...SUMMARY_ERRORS,
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const isErrorCode = (s: string): s is ErrorCode => Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, s);

export function errorMessage(code: ErrorCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const template: string = ERROR_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** zh-CN unless the caller prefers English. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

/**
 * Messages that are not errors of a whole request: one row of an import, one reason a file was
 * refused. Same rules as ERROR_MESSAGES: zh-CN and en-US, `{name}` placeholders.
 */
export const DETAIL_MESSAGES = {
  required: { 'zh-CN': '必填', 'en-US': 'required' },
  too_long: { 'zh-CN': '最多 {max} 个字符', 'en-US': 'at most {max} characters' },
  bad_phone: {
    'zh-CN': '号码格式不正确：应为 11 位手机号或带区号的固定电话',
    'en-US': 'not a valid number: 11-digit mobile or a landline with area code',
  },
  duplicate_in_file: { 'zh-CN': '与第 {row} 行重复', 'en-US': 'duplicates row {row}' },
  phone_exists: { 'zh-CN': '该号码已登记在其他人员名下', 'en-US': 'this number is already registered for another person' },
  department_unknown: { 'zh-CN': '找不到部门“{value}”', 'en-US': 'no department "{value}"' },
  department_ambiguous: {
    'zh-CN': '有多个部门名为“{value}”，请填写完整路径，如“{example}”',
    'en-US': 'several departments are named "{value}"; give the full path, e.g. "{example}"',
  },
  department_out_of_scope: { 'zh-CN': '无权在部门“{value}”下登记人员', 'en-US': 'you may not register people in "{value}"' },
  department_archived: { 'zh-CN': '部门“{value}”已撤销', 'en-US': 'department "{value}" is archived' },
  bad_status: {
    'zh-CN': '状态应为 在岗 或 离职（或 active、left）；外出、出差、请假等去向请在去向牌登记',
    'en-US': 'status must be 在岗/离职 (or active, left); being out, on a trip or on leave is set on the whereabouts board',
  },
  bad_username: { 'zh-CN': '账号应为 3–32 位字母、数字或 _ . -', 'en-US': 'usernames are 3–32 letters, digits or _ . -' },
  username_exists: { 'zh-CN': '账号“{value}”已存在', 'en-US': 'username "{value}" already exists' },
  account_forbidden: { 'zh-CN': '您无权开设登录账号', 'en-US': 'you may not open sign-in accounts' },
  file_missing: { 'zh-CN': '请在字段 file 中上传文件', 'en-US': 'upload the file in the field "file"' },
  file_not_xlsx: { 'zh-CN': '不是有效的 Excel（.xlsx）文件', 'en-US': 'not a valid Excel (.xlsx) workbook' },
  file_no_sheet: { 'zh-CN': '文件中没有工作表', 'en-US': 'the workbook has no worksheet' },
  zip_sizes_lie: {
    'zh-CN': '压缩包记录的大小与实际内容不符（文件已损坏或被篡改）',
    'en-US': "the archive's recorded sizes do not match its contents (the file is damaged or forged)",
  },
  zip_too_many_parts: { 'zh-CN': '压缩包中的部件超过 {max} 个', 'en-US': 'the archive holds more than {max} parts' },
  file_not_image: { 'zh-CN': '只支持 PNG、JPEG、WebP 格式的图片', 'en-US': 'only PNG, JPEG and WebP images are accepted' },
  file_not_whole_image: {
    'zh-CN': '图片内容不完整或夹带了网页代码，请重新导出后上传',
    'en-US': 'the image is incomplete or carries page markup; export it again and upload that',
  },
  file_content_differs: {
    'zh-CN': '声明为 {declared}，实际内容为 {actual}',
    'en-US': 'declared {declared}, content is {actual}',
  },
  bad_multipart: {
    'zh-CN': '上传内容不是有效的 multipart/form-data（请用表单字段 file 上传文件）',
    'en-US': 'the upload is not valid multipart/form-data (send the file in the form field "file")',
  },
  date_before_start: { 'zh-CN': '不能早于开始日期 {start}', 'en-US': 'must not be before the start date {start}' },
  milestone_outside: {
    'zh-CN': '节点日期须在任务起止日期 {start} 至 {due} 之间',
    'en-US': "must lie between the task's start {start} and due date {due}",
  },
  comment_required: { 'zh-CN': '请填写理由或意见', 'en-US': 'give a reason or comment' },
  percent_required: { 'zh-CN': '请填写完成进度（0–100）', 'en-US': 'give the progress in percent (0–100)' },
  unknown_ref: { 'zh-CN': '不存在或无权使用', 'en-US': 'does not exist or may not be used' },
  file_not_yours: { 'zh-CN': '只能附自己上传的文件', 'en-US': 'attach only files you uploaded' },
  lead_not_cooperator: { 'zh-CN': '牵头部门不能同时是配合部门', 'en-US': 'the lead department cannot also cooperate' },
  person_left: { 'zh-CN': '“{name}”已离职', 'en-US': '"{name}" has left' },
  bad_date: { 'zh-CN': '日期应为 YYYY-MM-DD 且真实存在', 'en-US': 'dates are YYYY-MM-DD and must exist' },
  bad_integer: { 'zh-CN': '应为 {min}–{max} 的整数', 'en-US': 'a whole number from {min} to {max}' },
  post_unknown: { 'zh-CN': '牵头部门中没有岗位“{value}”', 'en-US': 'the lead department has no post "{value}"' },
  person_unknown: { 'zh-CN': '找不到人员“{value}”', 'en-US': 'no person "{value}"' },
  person_ambiguous: {
    'zh-CN': '有多名人员叫“{value}”，请写成“姓名/部门”',
    'en-US': 'several people are called "{value}"; write "name/department"',
  },
  measure_in_other_programme: { 'zh-CN': '举措“{value}”已属于其他工程', 'en-US': 'measure "{value}" belongs to another programme' },
  parent_unknown: {
    'zh-CN': '找不到上级任务“{value}”（须为已有任务，或在本文件中先出现）',
    'en-US': 'no parent task "{value}" (it must exist or come earlier in this file)',
  },
  bad_milestones: {
    'zh-CN': '节点应写成“名称@YYYY-MM-DD”，多个用分号分隔',
    'en-US': 'milestones are "name@YYYY-MM-DD", separated by semicolons',
  },
  code_exists: { 'zh-CN': '编号“{value}”已存在', 'en-US': 'code "{value}" already exists' },
  bad_flag: { 'zh-CN': '应填“是”或“否”', 'en-US': 'write 是 (yes) or 否 (no)' },
  webhook_url_invalid: {
    'zh-CN': '请填写群机器人的 Webhook 地址（http:// 或 https:// 开头）',
    'en-US': "give the robot's webhook URL (http:// or https://)",
  },
  smtp_url_invalid: {
    'zh-CN': 'SMTP 地址应为 smtp://主机:端口 或 smtps://主机:465',
    'en-US': 'the SMTP URL must be smtp://host:port or smtps://host:465',
  },
  email_no_department: {
    'zh-CN': '邮件通道面向全体人员，不能限定部门',
    'en-US': 'the e-mail channel serves everyone; it takes no department',
  },
  secret_email_or_dingtalk: {
    'zh-CN': '只有钉钉机器人（加签）和邮件通道（SMTP 密码）使用密钥',
    'en-US': 'only DingTalk robots (signing) and e-mail (SMTP password) take a secret',
  },
  ...TASK_WORKFLOW_DETAILS,
  ...INSTRUCTION_DETAILS,
  ...BADGE_RATING_DETAILS,
  ...RECTIFICATION_DETAILS,
  ...TIME_LIMIT_DETAILS,
  ...WHEREABOUTS_DETAILS,
  ...DISPATCH_DETAILS,
  ...BULLETIN_DETAILS,
  ...SUMMARY_DETAILS,
} as const satisfies Record<string, Record<Lang, string>>;

export type DetailCode = keyof typeof DETAIL_MESSAGES;

export function detailMessage(code: DetailCode, lang: Lang, params: Record<string, string | number> = {}): string {
  const template: string = DETAIL_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}
