import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { notXlsx, Refusal, sizesLie, unpacksTooLarge, type XlsxLimits } from './xlsx-limits.ts';

/**
 * The parts of a ZIP archive (an XLSX is one) as its central directory lists them, read without
 * unpacking anything; then one part at a time, inflated as a stream whose real size is counted.
 * The directory's sizes are a claim: a part that inflates past what it declared is refused at that
 * byte, so a forged directory cannot smuggle a bomb past the size limits.
 */

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function endOfDirectory(bytes: Buffer): number {
  // the end record sits in the last 22 bytes plus a comment of at most 65535
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at -= 1) if (bytes.readUInt32LE(at) === EOCD) return at;
  throw notXlsx();
}

/** Every part, in directory order; refused when there are too many or they claim to unpack past the limit. */
export function zipEntries(bytes: Buffer, limits: XlsxLimits): ZipEntry[] {
  if (bytes.length < 22) throw notXlsx();
  const end = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const dirSize = bytes.readUInt32LE(end + 12);
  const dirOffset = bytes.readUInt32LE(end + 16);
  // ZIP64 markers: sizes or counts no import comes near
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw unpacksTooLarge(limits);
  if (count > limits.entries) throw new Refusal('invalid_file', 400, { max: limits.entries }, 'zip_too_many_parts');
  if (dirOffset + dirSize > end) throw notXlsx();
  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw notXlsx();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1 || (method !== STORED && method !== DEFLATED)) throw notXlsx(); // encrypted, or a method Excel never writes
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw unpacksTooLarge(limits);
    declared += size;
    if (declared > limits.unpackedBytes) throw unpacksTooLarge(limits);
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of a part, found through its local header. */
function dataOf(bytes: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw notXlsx();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + e.compressedSize > bytes.length) throw notXlsx();
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * A part's content as text, chunk by chunk, never more than it declared nor than `budget` bytes
 * in all. `budget.left` is shared by the parts of one read and goes down as they inflate.
 */
export async function* entryText(bytes: Buffer, e: ZipEntry, budget: { left: number }, tooLarge: () => Refusal): AsyncGenerator<string> {
  if (e.size > budget.left) throw tooLarge();
  const data = dataOf(bytes, e);
  const decoder = new TextDecoder('utf-8');
  if (e.method === STORED) {
    if (data.length !== e.size) throw sizesLie();
    budget.left -= data.length;
    yield decoder.decode(data);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  const source = Readable.from([data]).pipe(inflater);
  let inflated = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > e.size) throw sizesLie();
      budget.left -= chunk.length;
      yield decoder.decode(chunk, { stream: true });
    }
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw notXlsx(); // not a deflate stream
  } finally {
    inflater.destroy();
  }
  if (inflated !== e.size) throw sizesLie();
  yield decoder.decode();
}

/** A whole (small) part as one string, within the budget. */
export async function entryString(bytes: Buffer, e: ZipEntry, budget: { left: number }, tooLarge: () => Refusal): Promise<string> {
  let text = '';
  for await (const chunk of entryText(bytes, e, budget, tooLarge)) text += chunk;
  return text;
}
