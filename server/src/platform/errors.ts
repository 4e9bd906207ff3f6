import type { ErrorCode } from '@qinlian/contracts';

type FieldError = { path: string; message: string };

/** A rule the caller broke. Mapped to HTTP (and a zh-CN/en message) in one place: http/error-handler.ts. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
    readonly allowed?: string[],
  ) {
    super(code);
  }
}

export const notFound = () => new DomainError('not_found', 404);
export const forbidden = () => new DomainError('forbidden', 403);
export const versionConflict = () => new DomainError('version_conflict', 409);
export const duplicate = (field: string, value: string) =>
  new DomainError('duplicate', 409, { field, value }, [{ path: field, message: 'duplicate' }]);
export const invalid = (fields: FieldError[]) => new DomainError('validation_failed', 400, {}, fields);
