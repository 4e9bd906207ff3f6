/**
 * A person-readable name for a User-Agent header: "Chrome 131 · Windows 10". No parser package is
 * installed (ua-parser-js, bowser), and the sign-in log needs only the browser's major version and
 * the system, so a short table does: first match wins, the more specific agents (Edge, Opera, the
 * Chinese in-app and domestic browsers that also say "Chrome") before the general ones.
 */
const BROWSERS: Array<[name: string, pattern: RegExp]> = [
  ['WeCom', /wxwork\/(\d+)/i], // 企业微信 (says MicroMessenger too)
  ['WeChat', /MicroMessenger\/(\d+)/i],
  ['DingTalk', /DingTalk\/(\d+)/i],
  ['Feishu', /(?:Lark|Feishu)\/(\d+)/i],
  ['QQ Browser', /QQBrowser\/(\d+)/i],
  ['UC Browser', /UCBrowser\/(\d+)/i],
  ['Sogou Explorer', /MetaSr\s?(\d+)?/i],
  ['360 Browser', /(?:QIHU 360|360SE|360EE)(?:\/(\d+))?/i],
  ['Quark', /Quark\/(\d+)/i],
  ['Huawei Browser', /HuaweiBrowser\/(\d+)/i],
  ['Samsung Internet', /SamsungBrowser\/(\d+)/i],
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /(?:OPR|Opera)\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Headless Chrome', /HeadlessChrome\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)(?:\.\d+)*.*Safari\//],
  ['Internet Explorer', /(?:MSIE (\d+)|Trident\/.*rv:(\d+))/],
  ['curl', /^curl\/(\d+)/i],
  ['Python', /python-requests\/(\d+)|Python-urllib\/(\d+)/i],
  ['Java', /(?:Java|okhttp)\/(\d+)/i],
  ['Node.js', /node(?:-fetch)?\/?(\d+)?|undici/i],
];

/** Windows NT versions as their users know them; NT 10.0 is Windows 10 and 11 alike. */
const WINDOWS: Record<string, string> = { '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7', '6.0': 'Vista', '5.1': 'XP' };

const SYSTEMS: Array<[pattern: RegExp, name: (m: RegExpMatchArray) => string]> = [
  [/HarmonyOS|OpenHarmony/i, () => 'HarmonyOS'],
  [/Windows NT (\d+\.\d+)/, (m) => `Windows ${WINDOWS[m[1]!] ?? m[1]}`],
  [/iPad.*? OS (\d+)(?:_(\d+))?/, (m) => `iPadOS ${m[1]}${m[2] ? `.${m[2]}` : ''}`],
  [/iPhone OS (\d+)(?:_(\d+))?/, (m) => `iOS ${m[1]}${m[2] ? `.${m[2]}` : ''}`],
  [/Android (\d+(?:\.\d+)?)/, (m) => `Android ${m[1]}`],
  [/Mac OS X (\d+)[._](\d+)/, (m) => `macOS ${m[1]}.${m[2]}`],
  [/CrOS/, () => 'ChromeOS'],
  [/\bUOS\b|UnionTech/i, () => 'UOS'], // 统信
  [/Kylin/i, () => 'Kylin'], // 麒麟
  [/Ubuntu/i, () => 'Ubuntu'],
  [/Linux/, () => 'Linux'],
];

export function describeUserAgent(userAgent: string): string | null {
  const ua = userAgent.trim();
  if (!ua) return null;
  let browser: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const m = ua.match(pattern);
    if (!m) continue;
    const version = m.slice(1).find((v) => v !== undefined);
    browser = version ? `${name} ${version}` : name;
    break;
  }
  let system: string | null = null;
  for (const [pattern, name] of SYSTEMS) {
    const m = ua.match(pattern);
    if (m) {
      system = name(m);
      break;
    }
  }
  if (!browser && !system) return null;
  return [browser, system].filter(Boolean).join(' · ');
}
