import { hash, verify, Algorithm } from '@node-rs/argon2';
import crypto from 'node:crypto';
import { DomainError } from '../errors.ts';

export const PASSWORD_MIN_LENGTH = 8;

/** At least 8 characters from 3 of 4 classes: upper, lower, digit, symbol. */
export function assertPasswordPolicy(password: string): void {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < PASSWORD_MIN_LENGTH || classes < 3) {
    throw new DomainError('weak_password', 400, { min: PASSWORD_MIN_LENGTH }, [{ path: 'body.newPassword', message: 'weak_password' }]);
  }
}

export const hashPassword = (password: string) =>
  hash(password, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

/** A random password that meets the policy, for first start and resets. */
export function randomPassword(): string {
  const body = crypto.randomBytes(12).toString('base64url');
  return `Ql-${body}7a`;
}

/** Secrets (session ids, API tokens) are stored only as their SHA-256. */
export const secretDigest = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');
export const newSecret = (prefix: string) => `${prefix}${crypto.randomBytes(32).toString('base64url')}`;
