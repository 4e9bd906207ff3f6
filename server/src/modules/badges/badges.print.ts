import fs from 'node:fs';
import { DomainError } from '../../platform/errors.ts';

/**
 * Printable badges (工作牌) and desk cards (桌牌) with a QR code to the public badge page.
 *
 * PDF is the print format: Chinese needs a CJK font, taken from the system (Debian/Ubuntu
 * `fonts-noto-cjk`; a few other usual places are tried), found once at start; without one the answer
 * is 503 `print_font_missing` — a PDF of empty boxes would be worse. PNG is the QR code alone (for
 * pasting into other documents or a 政务公开 page): drawing Chinese into a bitmap would need a raster
 * text engine the server does not carry, and the PDF covers the printed card.
 */

export type CjkFont = { file: string; family?: string };

/** Where a CJK font may be; `family` picks the Simplified Chinese face out of a collection (.ttc). */
export const CJK_FONT_CANDIDATES: CjkFont[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
];

export const findCjkFont = (candidates: CjkFont[] = CJK_FONT_CANDIDATES): CjkFont | null =>
  candidates.find((c) => fs.existsSync(c.file)) ?? null;

/** The font found at start (null: none installed; printing answers 503 until one is and the server restarts). */
export const SYSTEM_CJK_FONT = findCjkFont();

/** What a printed card shows. */
export type PrintCard = {
  name: string;
  title: string | null;
  departmentName: string;
  postName: string | null;
  role: 'A' | 'B' | null;
  duties: string | null;
  backupName: string | null;
  displayCode: string;
  /** the public badge page the QR code leads to */
  url: string;
  /** a PNG or JPEG photo (WebP cannot go into a PDF and is left out) */
  photo: Buffer | null;
};

// loaded on the first printout, not at start: printing is rare, and pdfkit with its font engine is large
const loadPdfKit = async () => (await import('pdfkit')).default;
const loadQrCode = async () => (await import('qrcode')).default;

/** The QR code as PNG: `scale` pixels a module, a one-module quiet zone (the card's white margin adds to it). */
export async function qrPng(url: string, scale = 8): Promise<Buffer> {
  return (await loadQrCode()).toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale });
}

const MM = 72 / 25.4;
const RED = '#b8262b';
const GREY = '#555555';

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function postLine(card: PrintCard) {
  if (!card.postName) return card.title ?? '';
  return `${card.postName}${card.role ? `（${card.role} 岗）` : ''}`;
}

/** One line of text, cut with an ellipsis rather than wrapped: a long name never pushes into the QR code. */
function oneLine(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  size: number,
  align: 'left' | 'center' = 'center',
) {
  doc.fontSize(size).text(text, x, y, { width, align, height: size * 1.2, ellipsis: true, lineBreak: false });
  return y + doc.currentLineHeight(true);
}

/** 工作牌: 54 × 86 mm (CR80, portrait), for a lanyard or a desk stand. */
function drawBadge(doc: PDFKit.PDFDocument, card: PrintCard, qr: Buffer) {
  const w = 54 * MM;
  const pad = 4 * MM;
  const inner = w - 2 * pad;
  doc.rect(0, 0, w, 11 * MM).fill(RED);
  doc.fillColor('white');
  oneLine(doc, '亮 牌 上 岗', 0, 3.2 * MM, w, 11);
  let y = 14 * MM;
  if (card.photo) {
    doc.image(card.photo, (w - 16 * MM) / 2, y, { fit: [16 * MM, 20 * MM], align: 'center' });
    y += 21 * MM;
  }
  doc.fillColor('black');
  y = oneLine(doc, card.name, pad, y, inner, 16);
  doc.fillColor(GREY);
  y = oneLine(doc, card.departmentName, pad, y, inner, 7.5);
  y = oneLine(doc, postLine(card), pad, y, inner, 7.5);
  if (card.backupName) y = oneLine(doc, `AB岗：${card.backupName}`, pad, y, inner, 7.5);
  const size = 22 * MM;
  const qrY = 86 * MM - size - 7 * MM;
  if (!card.photo && card.duties && qrY - y > 12) {
    doc.fontSize(6.5).text(card.duties, pad, y + 2, { width: inner, height: qrY - y - 6, ellipsis: true });
  }
  doc.image(qr, (w - size) / 2, qrY, { width: size, height: size });
  doc.link((w - size) / 2, qrY, size, size, card.url);
  oneLine(doc, `扫码查看去向、评价服务 · ${card.displayCode}`, 0, qrY + size + 1.5 * MM, w, 6);
}

/** One face of a 桌牌 (A4 landscape, folded along the middle): `top` is the upper face, drawn upside down. */
function drawDeskFace(doc: PDFKit.PDFDocument, card: PrintCard, qr: Buffer, top: boolean) {
  const w = 297 * MM;
  const h = 105 * MM; // half the sheet
  doc.save();
  if (top) doc.rotate(180, { origin: [w / 2, h / 2] });
  else doc.translate(0, h);
  const pad = 14 * MM;
  const size = 58 * MM;
  const textW = w - 2 * pad - size - 10 * MM;
  doc.rect(0, 0, w, 4 * MM).fill(RED);
  doc.fillColor('black');
  let y = oneLine(doc, card.name, pad, 16 * MM, textW, 44, 'left') + 2 * MM;
  doc.fillColor(GREY);
  y = oneLine(doc, `${card.departmentName}\u3000${postLine(card)}`, pad, y, textW, 16, 'left');
  if (card.backupName) y = oneLine(doc, `AB岗：${card.backupName}`, pad, y, textW, 16, 'left');
  if (card.duties)
    doc.fontSize(11).text(`职责：${card.duties}`, pad, y + 2 * MM, { width: textW, height: h - y - 12 * MM, ellipsis: true });
  const qrX = w - pad - size;
  doc.image(qr, qrX, 18 * MM, { width: size, height: size });
  doc.link(qrX, 18 * MM, size, size, card.url);
  oneLine(doc, `扫码评价服务 · ${card.displayCode}`, qrX - 10 * MM, 18 * MM + size + 2 * MM, size + 20 * MM, 9);
  doc.restore();
}

/** The card as PDF; 503 `print_font_missing` without a CJK font. */
export async function renderCardPdf(
  card: PrintCard,
  layout: 'badge' | 'desk-card',
  font: CjkFont | null = SYSTEM_CJK_FONT,
): Promise<Buffer> {
  if (!font) throw new DomainError('print_font_missing', 503);
  const size: [number, number] = layout === 'badge' ? [54 * MM, 86 * MM] : [297 * MM, 210 * MM];
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size,
    margin: 0,
    info: { Title: `${layout === 'badge' ? '工作牌' : '桌牌'} ${card.name}`, Creator: 'Qinlian' },
  });
  const done = collect(doc);
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk');
  const qr = await qrPng(card.url);
  if (layout === 'badge') drawBadge(doc, card, qr);
  else {
    drawDeskFace(doc, card, qr, true);
    drawDeskFace(doc, card, qr, false);
    doc
      .moveTo(0, 105 * MM)
      .lineTo(297 * MM, 105 * MM)
      .dash(4, { space: 4 })
      .strokeColor('#bbbbbb')
      .stroke(); // the fold
  }
  doc.end();
  return done;
}
