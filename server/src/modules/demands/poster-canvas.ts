import zlib from 'node:zlib';
import type { Font, PathCommand } from 'fontkit';

/**
 * A page drawn in memory and written out as PNG, for printouts people share as a picture (a poster
 * sent round a WeChat group as well as printed): filled rectangles and anti-aliased outlines, which
 * is all that text (glyph outlines from the font) and a QR code (squares) need.
 */

export type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };

/** Sub-rows sampled per pixel row; along each sub-row the covered length is exact. */
const SUBROWS = 4;
/** Straight pieces a glyph's curve is drawn with: plenty at poster sizes. */
const CURVE_STEPS = 8;

export class RasterPage {
  private readonly rgb: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3).fill(255);
  }

  private blend(i: number, color: Rgb, alpha: number) {
    const at = i * 3;
    for (let c = 0; c < 3; c++) this.rgb[at + c] = Math.round(this.rgb[at + c]! * (1 - alpha) + color[c]! * alpha);
  }

  /** A rectangle on whole pixels. */
  fillRect(x: number, y: number, w: number, h: number, color: Rgb) {
    const x0 = Math.max(0, Math.round(x));
    const x1 = Math.min(this.width, Math.round(x + w));
    if (x1 <= x0) return;
    const span = new Uint8Array((x1 - x0) * 3);
    for (let i = 0; i < span.length; i += 3) span.set(color, i);
    for (let row = Math.max(0, Math.round(y)); row < Math.min(this.height, Math.round(y + h)); row++)
      this.rgb.set(span, (row * this.width + x0) * 3);
  }

  /** Closed outlines filled by the nonzero rule (as fonts are drawn), with anti-aliased edges. */
  fillOutline(contours: Point[][], color: Rgb) {
    const edges: Edge[] = [];
    for (const c of contours)
      c.forEach(([xa, ya], i) => {
        const [xb, yb] = c[(i + 1) % c.length]!;
        if (ya === yb) return;
        edges.push(ya < yb ? { x0: xa, y0: ya, x1: xb, y1: yb, dir: 1 } : { x0: xb, y0: yb, x1: xa, y1: ya, dir: -1 });
      });
    if (edges.length === 0) return;
    const top = Math.max(0, Math.floor(Math.min(...edges.map((e) => e.y0))));
    const bottom = Math.min(this.height, Math.ceil(Math.max(...edges.map((e) => e.y1))));
    const left = Math.max(0, Math.floor(Math.min(...edges.map((e) => Math.min(e.x0, e.x1)))));
    const right = Math.min(this.width, Math.ceil(Math.max(...edges.map((e) => Math.max(e.x0, e.x1)))) + 1);
    const cover = new Float32Array(this.width + 1);
    for (let row = top; row < bottom; row++) {
      cover.fill(0, left, right + 1);
      for (let s = 0; s < SUBROWS; s++) this.coverSubrow(edges, row + (s + 0.5) / SUBROWS, cover);
      for (let col = left; col < right; col++) if (cover[col]! > 0) this.blend(row * this.width + col, color, Math.min(1, cover[col]!));
    }
  }

  private coverSubrow(edges: Edge[], y: number, cover: Float32Array) {
    const crossings = edges
      .filter((e) => e.y0 <= y && y < e.y1)
      .map((e) => ({ x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir }))
      .sort((a, b) => a.x - b.x);
    let winding = 0;
    let from = 0;
    for (const { x, dir } of crossings) {
      const before = winding;
      winding += dir;
      if (before === 0 && winding !== 0) from = x;
      else if (before !== 0 && winding === 0) this.coverSpan(cover, from, x);
    }
  }

  /** Adds the part of each pixel that [from, to) covers, weighted as one sub-row. */
  private coverSpan(cover: Float32Array, from: number, to: number) {
    const a = Math.max(0, Math.min(this.width, from));
    const b = Math.max(0, Math.min(this.width, to));
    if (b <= a) return;
    const w = 1 / SUBROWS;
    const ia = Math.floor(a);
    const ib = Math.floor(b);
    if (ia === ib) {
      cover[ia]! += (b - a) * w;
      return;
    }
    cover[ia]! += (ia + 1 - a) * w;
    for (let i = ia + 1; i < ib; i++) cover[i]! += w;
    if (ib < this.width) cover[ib]! += (b - ib) * w;
  }

  /** The page as PNG (8-bit RGB), with its resolution recorded so that it prints at its size. */
  png(dpi: number): Buffer {
    const stride = this.width * 3;
    const raw = Buffer.alloc((stride + 1) * this.height);
    for (let row = 0; row < this.height; row++) {
      raw[row * (stride + 1)] = 0; // filter: none
      raw.set(this.rgb.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
    const perMetre = Math.round(dpi / 0.0254);
    const physical = Buffer.alloc(9);
    physical.writeUInt32BE(perMetre, 0);
    physical.writeUInt32BE(perMetre, 4);
    physical[8] = 1; // the unit is the metre
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('pHYs', physical),
      chunk('IDAT', zlib.deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A glyph's outline as straight-edged contours, placed at (x, baseline) and scaled to `size` pixels. */
function contoursOf(commands: PathCommand[], x: number, baseline: number, scale: number): Point[][] {
  const at = (gx: number, gy: number): Point => [x + gx * scale, baseline - gy * scale];
  const contours: Point[][] = [];
  let current: Point[] = [];
  let pen: [number, number] = [0, 0];
  const curve = (point: (t: number) => [number, number]) => {
    for (let i = 1; i <= CURVE_STEPS; i++) current.push(at(...point(i / CURVE_STEPS)));
  };
  for (const { command, args: a } of commands) {
    const [p0x, p0y] = pen;
    if (command === 'moveTo') {
      if (current.length) contours.push(current);
      current = [at(a[0]!, a[1]!)];
    } else if (command === 'lineTo') current.push(at(a[0]!, a[1]!));
    else if (command === 'quadraticCurveTo')
      curve((t) => {
        const u = 1 - t;
        return [u * u * p0x + 2 * u * t * a[0]! + t * t * a[2]!, u * u * p0y + 2 * u * t * a[1]! + t * t * a[3]!];
      });
    else if (command === 'bezierCurveTo')
      curve((t) => {
        const u = 1 - t;
        const [b0, b1, b2, b3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        return [b0 * p0x + b1 * a[0]! + b2 * a[2]! + b3 * a[4]!, b0 * p0y + b1 * a[1]! + b2 * a[3]! + b3 * a[5]!];
      });
    else if (current.length) {
      contours.push(current);
      current = [];
    }
    if (a.length >= 2) pen = [a[a.length - 2]!, a[a.length - 1]!];
  }
  if (current.length) contours.push(current);
  return contours;
}

/** How wide `text` is at `size` pixels. */
export const textWidth = (font: Font, text: string, size: number) =>
  (font.glyphsForString(text).reduce((w, g) => w + g.advanceWidth, 0) * size) / font.unitsPerEm;

/** One line of text with its baseline at `baseline`; `align` places it against `x` (left edge, or centre). */
export function drawText(
  page: RasterPage,
  font: Font,
  text: string,
  at: { x: number; baseline: number; size: number; color: Rgb; centre?: boolean },
) {
  const scale = at.size / font.unitsPerEm;
  let x = at.centre ? at.x - textWidth(font, text, at.size) / 2 : at.x;
  for (const glyph of font.glyphsForString(text)) {
    page.fillOutline(contoursOf(glyph.path.commands, x, at.baseline, scale), at.color);
    x += glyph.advanceWidth * scale;
  }
}

/**
 * `text` broken into lines of at most `width` pixels — anywhere for Chinese, at spaces for Latin
 * words where it can — keeping at most `maxLines`, the last cut with an ellipsis when text is left.
 */
export function wrapLines(font: Font, text: string, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  for (let i = 0; i < chars.length; i++) {
    const next = line + chars[i];
    if (textWidth(font, next, size) <= width || line === '') {
      line = next;
      continue;
    }
    const space = line.lastIndexOf(' ');
    const breakAt = /\w/.test(chars[i]!) && space > 0 ? space : line.length;
    lines.push(line.slice(0, breakAt).trimEnd());
    line = (line.slice(breakAt) + chars[i]).trimStart();
    if (lines.length === maxLines) {
      let last = lines[maxLines - 1]!;
      while (last && textWidth(font, `${last}…`, size) > width) last = [...last].slice(0, -1).join('');
      lines[maxLines - 1] = `${last}…`;
      return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}
