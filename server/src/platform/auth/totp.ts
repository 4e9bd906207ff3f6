import { Secret, TOTP } from 'otpauth';

/** RFC 6238 codes, 30 s, 6 digits; one step of clock drift either way is accepted. */
const totpFor = (secret: string, label = '') =>
  new TOTP({ issuer: '勤廉 Qinlian', label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

export const newTotpSecret = () => new Secret({ size: 20 }).base32;
export const totpUrl = (secret: string, username: string) => totpFor(secret, username).toString();
export const totpCode = (secret: string, at: Date) => totpFor(secret).generate({ timestamp: at.getTime() });
export const totpValid = (secret: string, code: string, at: Date) =>
  totpFor(secret).validate({ token: code, timestamp: at.getTime(), window: 1 }) !== null;
