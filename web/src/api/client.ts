import type { ErrorBody, PublicChallenge } from '@qinlian/contracts';
import { currentLanguage, i18n } from '../i18n/index.ts';
import { deviceId } from './device.ts';
import { passSecurityCheck } from './security-check.ts';

export type FieldError = { path: string; message: string };

/** A failed call, carrying what the server said: `{error:{code,message,fields}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  readonly allowed: string[] | undefined;
  /** 428 from a public route under a flood: the proof of work to do before sending it again */
  readonly challenge: PublicChallenge | undefined;

  constructor(status: number, body: ErrorBody['error'], challenge?: PublicChallenge) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.allowed = body.allowed;
    this.challenge = challenge;
  }
}

export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

/** The session's CSRF token, sent on every state-changing call. Set at sign-in / session restore. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when the server says the session is gone or a password change is due. */
type AuthProblemListener = (code: 'unauthenticated' | 'session_expired' | 'password_change_required') => void;
let authProblemListener: AuthProblemListener | null = null;
export function onAuthProblem(listener: AuthProblemListener | null) {
  authProblemListener = listener;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export function buildUrl(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type RequestOptions = { query?: QueryParams; body?: unknown; form?: FormData; signal?: AbortSignal };
const SAFE = new Set(['GET', 'HEAD']);
const SESSION_PATHS = ['/api/auth/session', '/api/auth/login'];

/** A public route asks for a security check at most this often per call (a fresh challenge after a stale one). */
const SECURITY_CHECK_ROUNDS = 2;

/**
 * One call; a public route that answers with a challenge (428, 安全校验) is sent again with the
 * solution, which the browser works out meanwhile (security-check.ts).
 */
async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  let proof: Record<string, string> = {};
  for (let round = 0; ; round++) {
    try {
      return await sendOnce(method, path, opts, proof);
    } catch (err) {
      if (!isApiError(err) || !err.challenge || round >= SECURITY_CHECK_ROUNDS) throw err;
      proof = await passSecurityCheck(err.challenge, opts.signal);
    }
  }
}

async function sendOnce(method: string, path: string, opts: RequestOptions, proof: Record<string, string>): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage(), ...proof };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (path.startsWith('/api/public/')) headers['X-Device-Id'] = deviceId();
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), { method, headers, body, credentials: 'include', signal: opts.signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'network', message: i18n.t('errors.network') });
  }
  if (!res.ok) throw await toApiError(res, path);
  return res;
}

async function toApiError(res: Response, path: string): Promise<ApiError> {
  let error: ApiError;
  try {
    const body = (await res.json()) as Partial<ErrorBody> & { challenge?: PublicChallenge };
    error = body?.error?.code
      ? new ApiError(res.status, body.error, path.startsWith('/api/public/') ? body.challenge : undefined)
      : new ApiError(res.status, { code: `http_${res.status}`, message: i18n.t('errors.http', { status: res.status }) });
  } catch {
    error = new ApiError(res.status, { code: `http_${res.status}`, message: i18n.t('errors.http', { status: res.status }) });
  }
  const pathOnly = path.split('?')[0] ?? path;
  if (!SESSION_PATHS.includes(pathOnly) && authProblemListener) {
    if (error.code === 'unauthenticated' || error.code === 'session_expired' || error.code === 'password_change_required') {
      authProblemListener(error.code);
    }
  }
  return error;
}

async function json<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: QueryParams) => json<T>('POST', path, { body, query }),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, { body }),
  delete: <T>(path: string) => json<T>('DELETE', path),
  upload: <T>(path: string, form: FormData, query?: QueryParams) => json<T>('POST', path, { form, query }),
};

/** Fetches a file with the session and saves it under the server's file name. */
export async function download(path: string, query?: QueryParams, fallbackName = 'download'): Promise<void> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
