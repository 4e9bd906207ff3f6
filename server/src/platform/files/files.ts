import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Stored files live under `<dataDir>/files/<area>/`; names are made by the server, never taken from a client. */
/** photos: people's photos · demands: files kept with the public's submissions (scans, photos, mail attachments) */
export type FileArea = 'photos' | 'demands';

const SAFE_NAME = /^[0-9A-Za-z_-]{1,64}\.(png|jpg|webp|xlsx|bin)$/;

/** The absolute path of a stored file; refuses any name that could leave its folder. */
export function storedFilePath(dataDir: string, area: FileArea, name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`unsafe stored file name: ${JSON.stringify(name)}`);
  const dir = path.resolve(dataDir, 'files', area);
  const file = path.resolve(dir, name);
  if (path.dirname(file) !== dir) throw new Error('stored file escapes its folder');
  return file;
}

/**
 * Stage a file next to its target: nothing is visible until `commit` renames it into place, and
 * `discard` removes it. Call `commit` as the last step of the transaction that records the file,
 * so that a refused or failed write leaves the stored files as they were.
 */
export type StagedFile = { commit(): Promise<void>; discard(): Promise<void> };

export async function stageStoredFile(dataDir: string, area: FileArea, name: string, bytes: Buffer): Promise<StagedFile> {
  const file = storedFilePath(dataDir, area, name);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, bytes, { flag: 'wx' });
  return {
    commit: () => fs.promises.rename(temp, file),
    discard: () => fs.promises.rm(temp, { force: true }),
  };
}

export async function removeStoredFile(dataDir: string, area: FileArea, name: string): Promise<void> {
  await fs.promises.rm(storedFilePath(dataDir, area, name), { force: true });
}

export type ImageKind = { ext: 'png' | 'jpg' | 'webp'; mime: 'image/png' | 'image/jpeg' | 'image/webp' };

/** What an image really is, from its first bytes (the declared MIME type proves nothing). */
export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ext: 'png', mime: 'image/png' };
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ext: 'jpg', mime: 'image/jpeg' };
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return { ext: 'webp', mime: 'image/webp' };
  return null;
}

export const mimeOfStoredImage = (name: string): ImageKind['mime'] =>
  name.endsWith('.png') ? 'image/png' : name.endsWith('.webp') ? 'image/webp' : 'image/jpeg';

/** XLSX files are ZIP archives: they start with a local file header. */
export const looksLikeZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
