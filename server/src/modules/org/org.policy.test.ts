import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, type Permission } from '@qinlian/contracts';
import { actorOf, ORG, type ActorSpec } from '../../../test/actors.ts';
import type { Actor } from '../../platform/context.ts';
import { accountPolicy, canAddPersonTo, departmentPolicy, personPolicy, postPolicy, seesFullPhone } from './org.policy.ts';

const { ROOT, A, A1, B } = ORG;
const DEPARTMENTS = [ROOT, A, A1, B];

/** Everyone below is in department A, as person ME, unless the spec says otherwise. */
const ME = 'person-me';
const PEOPLE = {
  me: { id: ME, departmentId: A },
  colleague: { id: 'person-colleague', departmentId: A },
  'below A': { id: 'person-a1', departmentId: A1 },
  'in B': { id: 'person-b', departmentId: B },
  'at ROOT': { id: 'person-root', departmentId: ROOT },
};
type Someone = keyof typeof PEOPLE;
const EVERYONE = Object.keys(PEOPLE) as Someone[];

const as = (permissions: Permission[], scope: ActorSpec['scope'], more: Omit<ActorSpec, 'permissions' | 'scope'> = {}) =>
  actorOf({ permissions, scope, departmentId: A, personId: ME, ...more });

describe('departmentPolicy: org.read sees, org.manage manages, within the data scope', () => {
  const reader = ['org.read'] as Permission[];
  const manager = ['org.read', 'org.manage'] as Permission[];
  it.each<[string, string[], string[], Actor]>([
    ['manager, all', DEPARTMENTS, DEPARTMENTS, as(manager, 'all')],
    ['manager, A and below', [A, A1], [A, A1], as(manager, 'dept_and_below')],
    ['manager, ROOT and below', DEPARTMENTS, DEPARTMENTS, as(manager, 'dept_and_below', { departmentId: ROOT })],
    ['manager, own department A', [A], [A], as(manager, 'dept')],
    ['manager, custom list B and A1', [A1, B], [A1, B], as(manager, 'custom', { custom: [B, A1] })],
    ['manager, self', [], [], as(manager, 'self')],
    ['manager, no department', [], [], as(manager, 'dept', { departmentId: null })],
    ['reader, all', DEPARTMENTS, [], as(reader, 'all')],
    ['reader, A and below', [A, A1], [], as(reader, 'dept_and_below')],
    ['manage without read, all', [], DEPARTMENTS, as(['org.manage'], 'all')],
    ['neither, all', [], [], as(['people.manage', 'tasks.read'], 'all')],
  ])('%s → reads %j, manages %j', (_, reads, manages, actor) => {
    for (const id of DEPARTMENTS)
      expect(departmentPolicy.abilities(actor, { id }), id).toEqual({ read: reads.includes(id), manage: manages.includes(id) });
  });

  it('answers 404 out of scope and 403 in scope without the permission', () => {
    const reader = as(['org.read'], 'dept');
    expect(() => departmentPolicy.assert(reader, 'manage', { id: B })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => departmentPolicy.assert(reader, 'manage', { id: A })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => departmentPolicy.assert(reader, 'read', { id: A })).not.toThrow();
  });
});

describe('personPolicy: people.read / people.manage over the scope, and everyone over themself', () => {
  const reader = ['people.read'] as Permission[];
  const manager = ['people.read', 'people.manage'] as Permission[];
  it.each<[string, Someone[], Someone[], Actor]>([
    ['manager, all', EVERYONE, EVERYONE, as(manager, 'all')],
    ['manager, A and below', ['me', 'colleague', 'below A'], ['me', 'colleague', 'below A'], as(manager, 'dept_and_below')],
    ['manager, own department A', ['me', 'colleague'], ['me', 'colleague'], as(manager, 'dept')],
    ['manager, custom list B', ['me', 'in B'], ['me', 'in B'], as(manager, 'custom', { custom: [B] })], // themself too
    ['manager, self', ['me'], ['me'], as(manager, 'self')],
    ['manager, self, no person', [], [], as(manager, 'self', { personId: null })],
    ['reader, all', EVERYONE, [], as(reader, 'all')],
    ['reader, self', ['me'], [], as(reader, 'self')],
    ['neither, all', [], [], as(['org.manage', 'users.manage'], 'all')],
  ])('%s → reads %j, manages %j', (_, reads, manages, actor) => {
    for (const who of EVERYONE)
      expect(personPolicy.abilities(actor, PEOPLE[who]), who).toEqual({ read: reads.includes(who), manage: manages.includes(who) });
  });

  it('answers 404 for a person out of scope and 403 in scope without people.manage', () => {
    const reader = as(['people.read'], 'dept');
    expect(() => personPolicy.assert(reader, 'manage', PEOPLE['in B'])).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => personPolicy.assert(reader, 'manage', PEOPLE.colleague)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('postPolicy: AB岗 follow their department, with org.read / org.manage', () => {
  it.each<[string, string[], string[], Actor]>([
    ['org manager, A and below', [A, A1], [A, A1], as(['org.read', 'org.manage'], 'dept_and_below')],
    ['org manager, custom list ROOT', [ROOT], [ROOT], as(['org.read', 'org.manage'], 'custom', { custom: [ROOT] })],
    ['org reader, all', DEPARTMENTS, [], as(['org.read'], 'all')],
    ['people manager, all', [], [], as(['people.read', 'people.manage'], 'all')],
    ['org manager, self', [], [], as(['org.read', 'org.manage'], 'self')],
  ])('%s → reads posts of %j, manages posts of %j', (_, reads, manages, actor) => {
    for (const departmentId of DEPARTMENTS)
      expect(postPolicy.abilities(actor, { departmentId }), departmentId).toEqual({
        read: reads.includes(departmentId),
        manage: manages.includes(departmentId),
      });
  });
});

describe('canAddPersonTo: people.manage over the department', () => {
  it.each<[string, string[], Actor]>([
    ['people manager, all', DEPARTMENTS, as(['people.manage'], 'all')],
    ['people manager, A and below', [A, A1], as(['people.manage'], 'dept_and_below')],
    ['people manager, own department A', [A], as(['people.manage'], 'dept')],
    ['people manager, custom list B', [B], as(['people.manage'], 'custom', { custom: [B] })],
    ['people manager, self', [], as(['people.manage'], 'self')],
    ['people reader, all', [], as(['people.read'], 'all')],
  ])('%s → may add people to %j', (_, departments, actor) => {
    for (const id of DEPARTMENTS) expect(canAddPersonTo(actor, id), id).toBe(departments.includes(id));
  });
});

describe('accountPolicy.mayOpen: an account needs users.manage, handing it roles needs roles.manage too', () => {
  it.each<[Permission[], string[], boolean]>([
    [['users.manage'], [], true],
    [['users.manage'], ['role-staff'], false],
    [['users.manage', 'roles.manage'], ['role-staff'], true],
    [['users.manage', 'roles.manage'], [], true],
    [['roles.manage'], [], false],
    [['roles.manage', 'people.manage'], ['role-staff'], false],
    [ALL_PERMISSIONS.filter((p) => p !== 'users.manage'), [], false],
    [[], [], false],
  ])('%j, roles %j → %s', (permissions, roleIds, allowed) => {
    expect(accountPolicy.mayOpen(as(permissions, 'all'), roleIds)).toBe(allowed);
  });
});

describe('seesFullPhone: whoever may manage the person, and the person themself', () => {
  it.each<[string, Someone[], Actor]>([
    ['people manager, all', EVERYONE, as(['people.manage'], 'all')],
    ['people manager, A and below', ['me', 'colleague', 'below A'], as(['people.manage'], 'dept_and_below')],
    ['people manager, custom list B', ['me', 'in B'], as(['people.manage'], 'custom', { custom: [B] })],
    ['people reader, all', ['me'], as(['people.read'], 'all')],
    ['no permission, self', ['me'], as([], 'self')],
    ['no permission, no person', [], as([], 'all', { personId: null })],
  ])('%s → full phone of %j', (_, full, actor) => {
    for (const who of EVERYONE) expect(seesFullPhone(actor, PEOPLE[who]), who).toBe(full.includes(who));
  });
});

describe('the permission each route of org declares', () => {
  it.each([
    ['department read', departmentPolicy.route('read'), 'org.read'],
    ['department manage', departmentPolicy.route('manage'), 'org.manage'],
    ['person read', personPolicy.route('read'), 'people.read'],
    ['person manage', personPolicy.route('manage'), 'people.manage'],
    ['post read', postPolicy.route('read'), 'org.read'],
    ['post manage', postPolicy.route('manage'), 'org.manage'],
  ])('%s → %s', (_, route, permission) => {
    expect(route).toEqual({ kind: 'permission', permission });
  });
});
