import fs from 'node:fs';
import type { Font } from 'fontkit';
import { DomainError } from '../../platform/errors.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import type { SolicitationRow } from './demands.repo.ts';
import { drawText, RasterPage, wrapLines, type Rgb } from './poster-canvas.ts';
import { categoriesOf, solicitationPublicPath } from './solicitations.presenter.ts';

/**
 * 征集海报: an A4 poster (PNG at 150 dpi, 1240 × 1754 pixels — it prints at A4 and travels as a
 * picture in chat groups) with the campaign's title, period and categories and a large QR code to
 * its public page, "扫码提建议". Chinese needs a CJK font from the system (Debian/Ubuntu
 * `fonts-noto-cjk`, as the badges' printouts use); without one the answer is 503
 * `print_font_missing`, never a poster of empty boxes.
 */

const DPI = 150;
const WIDTH = 1240;
const HEIGHT = 1754;
const MARGIN = 100;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;

const RED: Rgb = [184, 38, 43];
const PALE: Rgb = [250, 222, 222];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [34, 34, 34];
const GREY: Rgb = [96, 96, 96];

type FontFile = { file: string; face: string };

/** Where a CJK font may be; `face` picks the Simplified Chinese face out of a collection (.ttc). */
const FONT_CANDIDATES: FontFile[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
];

// opened at the first poster, not at start: posters are rare, and a CJK font is tens of megabytes
let opened: Promise<Font | null> | undefined;
const posterFont = () =>
  (opened ??= (async () => {
    const found = FONT_CANDIDATES.find((c) => fs.existsSync(c.file));
    return found ? (await import('fontkit')).openSync(found.file, found.face) : null;
  })());

/** 2026-08-06 → 2026年8月6日 */
const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The QR code's dark modules as squares of whole pixels, centred on `centreX`, at most `size` wide. */
async function drawQrCode(page: RasterPage, url: string, centreX: number, top: number, size: number) {
  const qr = (await import('qrcode')).default.create(url, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const cell = Math.floor(size / modules);
  const left = Math.round(centreX - (cell * modules) / 2);
  for (let row = 0; row < modules; row++)
    for (let col = 0; col < modules; col++)
      if (qr.modules.get(row, col)) page.fillRect(left + col * cell, top + row * cell, cell, cell, INK);
  return top + cell * modules;
}

/** The poster of a campaign whose public page is at `origin` + /p/s/<code>. */
export async function renderSolicitationPoster(s: SolicitationRow, origin: string): Promise<Buffer> {
  const font = await posterFont();
  if (!font) throw new DomainError('print_font_missing', 503);
  const url = `${origin}${solicitationPublicPath(s.code)}`;
  const page = new RasterPage(WIDTH, HEIGHT);
  const text = (t: string, x: number, baseline: number, size: number, color: Rgb, centre = false) =>
    drawText(page, font, t, { x, baseline, size, color, centre });

  // the head: what is asked, white on the campaign red
  const titleLines = wrapLines(font, s.title, 76, TEXT_WIDTH, 2);
  const bandHeight = 250 + 100 * titleLines.length;
  page.fillRect(0, 0, WIDTH, bandHeight, RED);
  text('民生实事 · 公开征集', MARGIN, 140, 40, PALE);
  titleLines.forEach((l, i) => text(l, MARGIN, 260 + 100 * i, 76, WHITE));

  // the period, the categories and what the office says about it
  let y = bandHeight + 90;
  text(`征集时间：${chineseDate(s.opensOn)} 至 ${chineseDate(s.closesOn)}`, MARGIN, y, 40, INK);
  y += 72;
  for (const l of wrapLines(font, `征集范围：${categoriesOf(s).join('、')}`, 36, TEXT_WIDTH, 3)) {
    text(l, MARGIN, y, 36, INK);
    y += 54;
  }
  const qrTop = 880;
  const room = Math.max(0, Math.floor((qrTop - 40 - y) / 46));
  for (const l of s.description ? wrapLines(font, s.description, 30, TEXT_WIDTH, Math.min(room, 3)) : []) {
    text(l, MARGIN, y + 14, 30, GREY);
    y += 46;
  }

  // the QR code, large enough to scan from a few steps away, and what to do with it
  const qrBottom = await drawQrCode(page, url, WIDTH / 2, qrTop, 560);
  text('扫码提建议', WIDTH / 2, qrBottom + 120, 92, RED, true);
  text(`无需注册，手机扫码即可提交 · 活动编号 ${formatTrackingCode(s.code)}`, WIDTH / 2, qrBottom + 185, 28, GREY, true);
  text(url, WIDTH / 2, qrBottom + 230, 24, GREY, true);
  page.fillRect(0, HEIGHT - 40, WIDTH, 40, RED);
  return page.png(DPI);
}
