import type { z } from 'zod';
import { Person, SessionResponse, type CurrentUser, type Permission } from '@qinlian/contracts';
import { fakeApi, ok } from './fakeApi.ts';

/** The session answer for someone holding `permissions`: an administrator with no person or department unless `user` says otherwise. */
export const sessionOf = (permissions: Permission[], user: Partial<CurrentUser> = {}) =>
  ok(SessionResponse, {
    csrfToken: 'csrf',
    user: {
      id: '0190f0a0-0000-7000-8000-0000000000u1',
      username: 'admin',
      personId: null,
      name: '管理员',
      departmentId: null,
      departmentName: null,
      permissions,
      dataScope: 'all',
      mustChangePassword: false,
      totpEnabled: false,
      roles: [],
      ...user,
    },
  });

/** A fake server with someone signed in: what the page asks next is added with `.on(…)`. */
export const signedIn = (permissions: Permission[], user: Partial<CurrentUser> = {}) =>
  fakeApi().on('GET', '/api/auth/session', () => sessionOf(permissions, user));

/** A registered person of 党政办公室 without an account; a test names only what it is about. */
export const personOf = (over: Partial<z.input<typeof Person>> = {}): z.input<typeof Person> => ({
  id: '0190f0a0-0000-7000-8000-0000000000p1',
  name: '王晓明',
  phone: null,
  photoUrl: null,
  departmentId: '0190f0a0-0000-7000-8000-0000000000d1',
  departmentName: '党政办公室',
  title: '科员',
  status: 'active',
  posts: [],
  email: null,
  username: null,
  userId: null,
  roleIds: [],
  accountDisabled: null,
  version: 1,
  createdAt: '2026-01-05T01:00:00.000Z',
  abilities: { manage: true },
  ...over,
});
