import { errorMessage, isErrorCode } from '@qinlian/contracts';
import type { Config } from '../platform/config.ts';
import { DomainError } from '../platform/errors.ts';

/** A failure the operator can act on: printed as it is (no stack), exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Commands that only make sense on the embedded database say so on PostgreSQL. */
export function sqliteFileOf(config: Config, postgresHint: string): string {
  if (config.database.engine !== 'sqlite') throw new CliError(postgresHint);
  return config.database.file;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** zh-CN then en for domain errors; the message alone for the rest. */
export function describeError(err: unknown): string {
  if (err instanceof DomainError) {
    // a field message that is an error code reads as that code's sentences, as the HTTP error handler shows it
    const sentence = (m: string) =>
      isErrorCode(m) ? `${errorMessage(m, 'zh-CN', err.params)} / ${errorMessage(m, 'en-US', err.params)}` : m;
    const fields = (err.fields ?? []).map((f) => `\n  ${f.path}: ${sentence(f.message)}`).join('');
    return `${errorMessage(err.code, 'zh-CN', err.params)} / ${errorMessage(err.code, 'en-US', err.params)}${fields}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export const exitCodeOf = (err: unknown) => (err instanceof CliError ? err.exitCode : 1);

/** Sortable, file-name-safe UTC stamp: 20260302T010000Z */
export const fileStamp = (d = new Date()) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
