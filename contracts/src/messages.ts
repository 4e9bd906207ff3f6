/**
 * Error messages by code, zh-CN first. The server answers in the caller's language; the web
 * shows what the server said. `{name}` placeholders are filled from the error's params.
 */
export type Lang = 'zh-CN' | 'en-US';

export const ERROR_MESSAGES = {
  validation_failed: { 'zh-CN': '提交的数据有误，请检查标注的字段', 'en-US': 'Some fields are invalid; please check them' },
  malformed_json: { 'zh-CN': '请求内容不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  body_too_large: { 'zh-CN': '请求内容过大（上限 {limit}）', 'en-US': 'The request body is too large (limit {limit})' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  not_found: { 'zh-CN': '未找到该记录，或您无权查看', 'en-US': 'Not found, or you may not see it' },
  route_not_found: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  session_expired: { 'zh-CN': '登录已超时，请重新登录', 'en-US': 'Your session has expired; please sign in again' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You are not allowed to do this' },
  csrf_failed: { 'zh-CN': '安全校验失败（缺少或错误的 x-csrf-token），请刷新页面后重试', 'en-US': 'Security check failed (missing or wrong x-csrf-token); reload and try again' },
  bad_credentials: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  account_locked: { 'zh-CN': '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试', 'en-US': 'Too many failed sign-ins; the account is locked for {minutes} minutes' },
  account_disabled: { 'zh-CN': '账号已停用', 'en-US': 'This account is disabled' },
  totp_required: { 'zh-CN': '请输入动态验证码', 'en-US': 'Enter the one-time code from your authenticator' },
  bad_totp: { 'zh-CN': '动态验证码错误', 'en-US': 'Wrong one-time code' },
  password_change_required: { 'zh-CN': '首次登录须先修改初始密码', 'en-US': 'You must change your initial password first' },
  weak_password: { 'zh-CN': '密码至少 {min} 位，且须包含大写字母、小写字母、数字、符号中的至少三类', 'en-US': 'Passwords need at least {min} characters from 3 of: upper case, lower case, digits, symbols' },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', 'en-US': 'The new password must differ from the current one' },
  wrong_current_password: { 'zh-CN': '当前密码不正确', 'en-US': 'The current password is wrong' },
  totp_not_setup: { 'zh-CN': '请先生成动态验证码密钥', 'en-US': 'Set up the authenticator first' },
  version_conflict: { 'zh-CN': '该记录已被他人修改，请刷新后重试', 'en-US': 'Someone else changed this record; reload and try again' },
  duplicate: { 'zh-CN': '{field}“{value}”已存在', 'en-US': '{field} "{value}" already exists' },
  department_cycle: { 'zh-CN': '不能把部门移动到它自己或它的下级部门之下', 'en-US': 'A department cannot move under itself or its own sub-department' },
  department_archived: { 'zh-CN': '部门“{name}”已撤销，不能再使用', 'en-US': 'Department "{name}" is archived and cannot be used' },
  department_has_active_children: { 'zh-CN': '请先撤销或移走下级部门', 'en-US': 'Archive or move its sub-departments first' },
  department_has_people: { 'zh-CN': '该部门仍有 {count} 名在岗人员，请先调出', 'en-US': 'This department still has {count} active people; move them first' },
  root_department_exists: { 'zh-CN': '只能有一个顶级单位', 'en-US': 'There can be only one top-level organisation' },
  person_not_in_department: { 'zh-CN': '“{name}”不在岗位所属部门', 'en-US': '"{name}" does not belong to the post\'s department' },
  same_ab_holder: { 'zh-CN': 'A 岗和 B 岗不能是同一人', 'en-US': 'The A and B holders of a post must be different people' },
  role_in_use: { 'zh-CN': '该角色仍有 {count} 个账号在用', 'en-US': 'This role is still held by {count} accounts' },
  builtin_role: { 'zh-CN': '内置角色不能删除或改代码', 'en-US': 'Built-in roles cannot be deleted or recoded' },
  invalid_file: { 'zh-CN': '文件无法读取：{reason}', 'en-US': 'The file cannot be read: {reason}' },
  file_too_large: { 'zh-CN': '文件超过大小上限 {limit}', 'en-US': 'The file exceeds the limit of {limit}' },
  import_rejected: { 'zh-CN': '导入未执行：{count} 行有错误', 'en-US': 'Import not done: {count} rows have errors' },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; please wait a moment' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试（编号 {ref}）', 'en-US': 'Internal error; please try again later (ref {ref})' },
  cannot_disable_self: { 'zh-CN': '不能停用或删除自己的账号', 'en-US': 'You cannot disable your own account' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

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
