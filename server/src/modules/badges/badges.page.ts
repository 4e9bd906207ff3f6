import type { Lang, PublicBadge } from '@qinlian/contracts';
import { AWAY_STATES } from '@qinlian/contracts';

/**
 * 亮牌 in the page's HTML (docs/ui.md, "The badge page is server-rendered"): a light card
 * inside the SPA's root element, a few lines of style so it looks right before any stylesheet
 * arrives, and the badge as JSON for the SPA to start from. React's createRoot (web/src/main.tsx)
 * replaces the root's children, so nothing here has to match what React renders. Every value is
 * escaped: names, posts and duties are typed by people and may hold markup.
 */

const LABELS = {
  'zh-CN': {
    title: '亮牌上岗',
    noPhoto: '无照片',
    code: '工作牌编号',
    post: '岗位',
    duties: '岗位职责',
    noDuties: '暂未填写',
    backup: 'AB岗（不在岗时由其代办）',
    noBackup: '未设 B 岗',
    now: '当前去向',
    expectedReturn: (time: string) => `预计 ${time} 返回`,
    acting: (name: string, backup: string) => `${name} 不在岗期间，请找 ${backup} 办理。`,
    rating: '服务评价（近 12 个月）',
    ratingLine: (count: number, average: string) => `${count} 次评价，平均 ${average} 分`,
    noRating: '暂无评价',
    states: { in_office: '在岗', meeting: '开会', out: '外出办事', trip: '出差', leave: '请休假', training: '学习培训' },
  },
  'en-US': {
    title: 'On duty',
    noPhoto: 'No photo',
    code: 'Badge number',
    post: 'Post',
    duties: 'Duties',
    noDuties: 'Not filled in yet',
    backup: 'Backup (acts while away)',
    noBackup: 'No backup set',
    now: 'Now',
    expectedReturn: (time: string) => `back around ${time}`,
    acting: (name: string, backup: string) => `While ${name} is away, please ask ${backup}.`,
    rating: 'Service ratings (last 12 months)',
    ratingLine: (count: number, average: string) => `${count} ratings, average ${average}`,
    noRating: 'Not rated yet',
    states: {
      in_office: 'In the office',
      meeting: 'In a meeting',
      out: 'Out on business',
      trip: 'On a trip',
      leave: 'On leave',
      training: 'In training',
    },
  },
} as const;

/** Mobile first, the SPA's colours (web/src/pages/public-rating/public-rating.css); the CSP allows inline style. */
const STYLE =
  '<style>.ssr-badge{box-sizing:border-box;max-width:560px;margin:0 auto;padding:16px 12px}' +
  '.ssr-card{background:#fff;border-radius:12px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-wrap:anywhere;color:#1f2937}' +
  '.ssr-head{display:flex;gap:14px;align-items:flex-start}.ssr-photo{flex:none;width:96px;height:128px;border-radius:8px;object-fit:cover;background:#f0f0f0}' +
  '.ssr-none{display:flex;align-items:center;justify-content:center;font-size:40px;font-weight:600;color:#b71c1c;background:#fbeaea}' +
  '.ssr-who{min-width:0}.ssr-who p{margin:0}.ssr-kicker{font-size:12px;letter-spacing:1px;color:#b71c1c}.ssr-name{margin:2px 0 4px;font-size:24px}' +
  '.ssr-dept{font-weight:600}.ssr-muted{color:#6b7280;font-size:14px}.ssr-now{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px;margin:14px 0 4px;padding:10px 12px;border-radius:8px;background:#fafafa;font-size:14px}' +
  '.ssr-state{padding:2px 10px;border-radius:12px;font-weight:600;background:#e8f5e9;color:#1b5e20}.ssr-state.busy{background:#fff7e6;color:#ad4e00}.ssr-state.away{background:#f0f0f0;color:#434343}' +
  '.ssr-acting{flex-basis:100%;margin:0;color:#ad4e00}.ssr-facts{margin:12px 0 0}.ssr-facts dt{margin-top:10px;color:#6b7280;font-size:13px}.ssr-facts dd{margin:2px 0 0}.ssr-duties{white-space:pre-wrap}' +
  '.ssr-stars{position:relative;display:inline-block;margin-right:8px;font-size:18px;line-height:1;letter-spacing:2px;color:#d9d9d9}.ssr-stars span{position:absolute;inset:0 auto 0 0;overflow:hidden;white-space:nowrap;color:#f5a623}</style>';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or an attribute value as characters, never markup. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** JSON inside <script type="application/json">: no `<` can close the element, whatever the values hold. */
export const jsonForScript = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

const AWAY = new Set<string>(AWAY_STATES);

function returnTime(instant: string, lang: Lang) {
  return new Intl.DateTimeFormat(lang, {
    month: lang === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(instant));
}

/** The card: the same test ids as web/src/pages/public-rating/PublicBadgePage.tsx for its main content. */
export function badgeCardHtml(b: PublicBadge, lang: Lang): string {
  const l = LABELS[lang];
  const e = escapeHtml;
  const { state, expectedReturnAt } = b.whereabouts;
  const away = AWAY.has(state);
  const photo = b.photoUrl
    ? `<img class="ssr-photo" src="${e(b.photoUrl)}" alt="${e(b.name)}" width="96" height="128">`
    : `<div class="ssr-photo ssr-none" role="img" aria-label="${e(l.noPhoto)}">${e(b.name.slice(0, 1))}</div>`;
  const back = expectedReturnAt && state !== 'in_office' ? `<span>${e(l.expectedReturn(returnTime(expectedReturnAt, lang)))}</span>` : '';
  const acting = away && b.backupName ? `<p class="ssr-acting">${e(l.acting(b.name, b.backupName))}</p>` : '';
  const { count, average } = b.rating;
  const rating =
    count === 0 || average === null
      ? `<p class="ssr-muted" data-testid="rating-summary">${e(l.noRating)}</p>`
      : `<p data-testid="rating-summary"><span class="ssr-stars" aria-hidden="true">★★★★★<span style="width:${(average / 5) * 100}%">★★★★★</span></span>` +
        `${e(l.ratingLine(count, (Math.round(average * 10) / 10).toFixed(1)))}</p>`;
  return (
    `<div class="ssr-badge" data-testid="public-badge"><section class="ssr-card"><div class="ssr-head">${photo}<div class="ssr-who">` +
    `<p class="ssr-kicker">${e(l.title)}</p><h2 class="ssr-name" data-testid="badge-name" elementtiming="badge-name">${e(b.name)}</h2>` +
    `<p class="ssr-dept">${e(b.departmentName)}</p>` +
    (b.postName ? `<p data-testid="badge-post">${e(l.post)}${lang === 'zh-CN' ? '：' : ': '}${e(b.postName)}</p>` : '') +
    `<p class="ssr-muted">${e(l.code)} ${e(b.displayCode)}</p></div></div>` +
    `<div class="ssr-now" data-testid="badge-whereabouts" data-state="${e(state)}"><span class="ssr-muted">${e(l.now)}</span>` +
    `<span class="ssr-state${away ? ' away' : state === 'meeting' ? ' busy' : ''}">${e(l.states[state])}</span>${back}${acting}</div>` +
    `<dl class="ssr-facts"><dt>${e(l.duties)}</dt><dd class="ssr-duties" data-testid="badge-duties">${e(b.duties || l.noDuties)}</dd>` +
    `<dt>${e(l.backup)}</dt><dd data-testid="badge-backup">${e(b.backupName ?? l.noBackup)}</dd>` +
    `<dt>${e(l.rating)}</dt><dd>${rating}</dd></dl></section></div>`
  );
}

/** The id of the embedded badge, read by web/src/pages/public-rating/preload.ts. */
export const BADGE_DATA_ID = 'badge-data';

const ROOT = /(<div id="root">)(?:<div class="boot">[^<]*<\/div>)?/;
/** What the SPA needs and the card does not: its stylesheets and its scripts (module scripts run after parsing wherever they stand). */
const DEFERRABLE = /\s*(?:<link rel="(?:stylesheet|modulepreload)"[^>]*>|<script type="module"[^>]*><\/script>)/g;

/**
 * The built index.html with the badge in it. The SPA's stylesheets and scripts move to the end of the
 * body: on a slow phone they no longer hold back the first paint of the card above them (which has
 * its own style), and the SPA still gets them — the scripts wait for the stylesheets as before.
 */
export function badgePageHtml(indexHtml: string, badge: PublicBadge, lang: Lang): string {
  if (!ROOT.test(indexHtml)) return indexHtml;
  const deferred = (indexHtml.match(DEFERRABLE) ?? []).map((tag) => tag.trim());
  const stylesFirst = [...deferred.filter((tag) => tag.includes('stylesheet')), ...deferred.filter((tag) => !tag.includes('stylesheet'))];
  const data = `<script type="application/json" id="${BADGE_DATA_ID}">${jsonForScript(badge)}</script>`;
  return indexHtml
    .replace(DEFERRABLE, '')
    .replace('</head>', () => `${STYLE}</head>`)
    .replace(ROOT, (_, open: string) => `${open}${badgeCardHtml(badge, lang)}`)
    .replace('</body>', () => `${data}${stylesFirst.join('')}</body>`); // a function: `$&` in a name is text, not a pattern
}
