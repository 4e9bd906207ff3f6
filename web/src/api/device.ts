/**
 * This browser's device id for the public API (`X-Device-Id`): the server limits requests per device
 * as well as per address (server/src/platform/http/public-api.ts), so many phones behind one
 * carrier address are not counted as one. Random, kept in localStorage, no personal data; a browser
 * that cannot keep it gets a new one per page load, which the per-address limit still covers.
 */
const KEY = 'qinlian.deviceId';
let memo: string | null = null;

export function deviceId(): string {
  if (memo) return memo;
  try {
    memo = localStorage.getItem(KEY);
    if (!memo || !/^[0-9a-f-]{36}$/.test(memo)) {
      memo = crypto.randomUUID();
      localStorage.setItem(KEY, memo);
    }
  } catch {
    memo = crypto.randomUUID();
  }
  return memo;
}
