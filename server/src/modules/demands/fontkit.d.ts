/**
 * The part of fontkit (the font engine pdfkit embeds fonts with, installed with it) that the
 * poster's raster text uses: glyph outlines and advances. The package ships no typings of its own.
 */
declare module 'fontkit' {
  export type PathCommand = {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  };
  export interface Glyph {
    advanceWidth: number;
    path: { commands: PathCommand[] };
  }
  export interface Font {
    unitsPerEm: number;
    glyphsForString(text: string): Glyph[];
  }
  /** `postscriptName` picks one face out of a collection (.ttc). */
  export function openSync(file: string, postscriptName?: string): Font;
}
