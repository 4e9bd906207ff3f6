import { FONT, RED, SIZE } from './gbt9704.ts';
import { attachmentLines, cellsOf, numberedBody, signatureOf, type LaidOutBlock } from './layout.ts';
import type { OfficialCell, OfficialDocument, TableBlock } from './model.ts';

/**
 * 预览: the document as one self-contained HTML fragment, shown before download. Every text from
 * the model is escaped, and the fragment carries no script, link or URL — only elements and inline
 * styles (allowed by the console's CSP) — so the web may set it as HTML. Faces fall back to the
 * CJK fonts a reader has; the `od-*` classes let a page restyle it. Page breaks are the DOCX's business.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** what a reader without the standard's faces sees instead (single quotes: they sit in a double-quoted attribute) */
const FALLBACK = {
  title: "'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', serif",
  body: "'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif",
  heading1: "'SimHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif",
  heading2: "'KaiTi', 'STKaiti', 'Noto Serif CJK SC', serif",
} as const;
const face = (key: keyof typeof FALLBACK) => `font-family:'${FONT[key]}', ${FALLBACK[key]}`;

const BODY = `${face('body')};font-size:${SIZE.body}pt;line-height:28.95pt;margin:0`;
const INDENTED = `${BODY};text-indent:2em;text-align:justify`;

const el = (tag: string, cls: string, style: string, html: string, attrs = '') =>
  `<${tag} class="${cls}"${attrs} style="${style}">${html}</${tag}>`;

function letterhead(doc: OfficialDocument): string {
  const mark = el(
    'div',
    'od-organ',
    `${face('title')};color:#${RED};font-size:30pt;text-align:center;margin:0 0 2em`,
    escapeHtml(doc.organMark ?? doc.organ),
  );
  const number = doc.number ? el('div', 'od-number', `${BODY};text-align:center`, escapeHtml(doc.number)) : '';
  const rule = `<hr class="od-rule" style="border:0;border-top:2px solid #${RED};margin:4mm 0 2em">`;
  return el('header', 'od-letterhead', 'margin:0', `${mark}${number}${rule}`);
}

const cellText = (v: OfficialCell) => escapeHtml(v === null ? '' : String(v));

function table(t: TableBlock): string {
  const cell = (tag: 'th' | 'td', v: OfficialCell) =>
    `<${tag} style="border:1px solid #000;padding:2pt 4pt;text-align:center;font-weight:normal${tag === 'th' ? `;${face('heading1')}` : ''}">${cellText(v)}</${tag}>`;
  const head = `<thead><tr>${t.columns.map((c) => cell('th', c)).join('')}</tr></thead>`;
  const rows = `<tbody>${t.rows.map((r) => `<tr>${r.map((v) => cell('td', v)).join('')}</tr>`).join('')}</tbody>`;
  const caption = el(
    'figcaption',
    'od-caption',
    `${face('heading1')};font-size:${SIZE.body}pt;text-align:center;line-height:28.95pt`,
    escapeHtml(t.caption),
  );
  const grid = `<table style="width:100%;border-collapse:collapse;${face('body')};font-size:${SIZE.table}pt">${head}${rows}</table>`;
  return el('figure', 'od-table', 'margin:0 0 0.5em', `${caption}${grid}`);
}

function block(b: LaidOutBlock): string {
  switch (b.kind) {
    case 'heading1':
      return el('h3', 'od-h1', `${INDENTED};${face('heading1')};font-weight:normal`, escapeHtml(`${b.label}${b.text}`));
    case 'heading2': {
      const runIn = b.runIn ? `<span style="${face('body')}">${escapeHtml(b.runIn)}</span>` : '';
      return el('h4', 'od-h2', `${INDENTED};${face('heading2')};font-weight:normal`, `${escapeHtml(`${b.label}${b.text}`)}${runIn}`);
    }
    case 'paragraph':
      return el('p', 'od-p', INDENTED, escapeHtml(b.text));
    case 'table':
      return table(b);
  }
}

function closing(doc: OfficialDocument): string {
  const lines = attachmentLines(doc.attachments);
  const nameStart = lines.length ? 2 + cellsOf(lines[0]!.lead) : 0;
  const line = (l: (typeof lines)[number]) =>
    el('p', 'od-attachment', `${BODY};padding-left:${nameStart - cellsOf(l.lead)}em`, escapeHtml(`${l.lead}${l.name}`));
  const attachments = lines.length ? el('div', 'od-attachments', 'margin-top:28.95pt', lines.map(line).join('')) : '';
  const s = signatureOf(doc);
  const signed = (cls: string, text: string, indent: number) =>
    el('p', cls, `${BODY};text-align:right;padding-right:${indent}em`, escapeHtml(text));
  return `${attachments}<div class="od-signature" style="margin-top:28.95pt">${signed('od-organ-name', s.organ, s.organIndent)}${signed('od-date', s.date, s.dateIndent)}</div>`;
}

/** The document as safe HTML (zh-CN), in the order and numbering of the DOCX. */
export function officialPreview(doc: OfficialDocument): string {
  const title = el(
    'h2',
    'od-title',
    `${face('title')};font-size:${SIZE.title}pt;font-weight:normal;text-align:center;line-height:1.4;margin:0 0 1em;white-space:pre-line`,
    escapeHtml(doc.title),
  );
  const recipients = doc.recipients?.length ? el('p', 'od-recipients', BODY, escapeHtml(`${doc.recipients.join('、')}：`)) : '';
  const body = numberedBody(doc.body).map(block).join('');
  return el(
    'article',
    'official-document',
    'max-width:156mm;margin:0 auto;padding:12mm 0;color:#000;background:#fff',
    `${letterhead(doc)}${title}${recipients}${body}${closing(doc)}`,
    ' lang="zh-CN"',
  );
}
