/**
 * Whole `<tag>` elements out of XML text that arrives in chunks, each handed over once and then
 * dropped, so a part of any length is read in the memory of one element. An element that grows
 * past `maxElement` before its end arrives is refused with `tooBig()`.
 */
export type ScannedElement = { attrs: string; content: string };

export class ElementScanner {
  private buf = '';
  /** where to go on looking for the open element's end (its body has been searched up to here) */
  private closeFrom = 0;
  private readonly start: RegExp;
  private readonly end: RegExp;

  constructor(
    tag: string,
    private readonly maxElement: number,
    private readonly tooBig: () => Error,
  ) {
    this.start = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])`, 'g');
    this.end = new RegExp(`</(?:[\\w.-]+:)?${tag}>`, 'g');
  }

  push(chunk: string) {
    this.buf += chunk;
  }

  /** What follows the last element taken (after a stop: from the stop on). */
  get rest() {
    return this.buf;
  }

  /**
   * The next whole element; null until more text arrives; 'stop' once `stop` appears before the
   * next element (e.g. `</sheetData>`: no more rows follow).
   */
  next(stop?: RegExp): ScannedElement | 'stop' | null {
    this.start.lastIndex = 0;
    const start = this.start.exec(this.buf);
    if (stop) {
      const s = stop.exec(start ? this.buf.slice(0, start.index) : this.buf);
      if (s) {
        this.buf = this.buf.slice(s.index);
        return 'stop';
      }
    }
    if (!start) {
      this.buf = this.buf.slice(Math.max(0, this.buf.length - 64)); // a tag may be cut at the chunk's edge
      return null;
    }
    const tagEnd = this.buf.indexOf('>', start.index);
    if (tagEnd < 0) return this.wait(start.index, 0);
    const attrs = this.buf.slice(start.index + start[0].length, tagEnd);
    if (attrs.endsWith('/')) {
      this.buf = this.buf.slice(tagEnd + 1);
      return { attrs: attrs.slice(0, -1), content: '' };
    }
    this.end.lastIndex = Math.max(tagEnd, this.closeFrom);
    const end = this.end.exec(this.buf);
    if (!end) return this.wait(start.index, this.buf.length - start.index - 64);
    const content = this.buf.slice(tagEnd + 1, end.index);
    this.buf = this.buf.slice(end.index + end[0].length);
    this.closeFrom = 0;
    return { attrs, content };
  }

  private wait(from: number, searched: number) {
    this.buf = this.buf.slice(from);
    if (this.buf.length > this.maxElement) throw this.tooBig();
    this.closeFrom = Math.max(0, searched);
    return null;
  }
}
