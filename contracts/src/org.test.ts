import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DataScope,
  DepartmentCreateBody,
  DepartmentKind,
  DepartmentUpdateBody,
  PeopleQuery,
  Permission,
  PersonAccountBody,
  PersonCreateBody,
  PersonSettableStatus,
  PersonStatus,
  PersonUpdateBody,
  PostCreateBody,
  PostUpdateBody,
  RoleCreateBody,
  RoleUpdateBody,
  UserRolesBody,
} from './index.ts';

/** Where zod refuses `input`, as the server names fields (without its `body.` prefix); [] when it parses. */
const refusedAt = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
};
const chars = (n: number) => '廉'.repeat(n);
const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

describe('the org enums', () => {
  it.each<[string, string[], z.ZodEnum]>([
    ['DataScope (数据权限)', ['all', 'dept_and_below', 'dept', 'self', 'custom'], DataScope],
    ['DepartmentKind', ['committee', 'department', 'town', 'company', 'group'], DepartmentKind],
    ['PersonStatus', ['active', 'away', 'left'], PersonStatus],
    ['PersonSettableStatus (by hand; away follows 去向牌)', ['active', 'left'], PersonSettableStatus],
  ])('%s is exactly %j', (_, options, schema) => {
    expect(schema.options).toEqual(options);
  });

  it('has one permission per area and verb, tasks split between office, handler and leader', () => {
    expect([...Permission.options].sort()).toEqual(
      [
        'org.read',
        'org.manage',
        'people.read',
        'people.manage',
        'roles.manage',
        'users.manage',
        'audit.read',
        'signins.read',
        'calendar.manage',
        'tasks.read',
        'plan.manage',
        'tasks.handle',
        'tasks.instruct',
        'tasks.backfill',
        'notifications.manage',
        'rectification.read',
        'rectification.handle',
        'rectification.verify',
        'time_limits.manage',
        'time_limits.stats',
        'enquiries.handle',
        'enquiries.read',
        'badges.manage',
        'ratings.read',
        'ratings.appeal',
        'ratings.review',
        'demands.read',
        'demands.dispatch',
        'demands.handle',
        'demands.moderate',
        'demands.manage',
        'demands.evaluate',
        'whereabouts.read',
        'whereabouts.manage',
        'dispatch.read',
        'dispatch.manage',
        'bulletins.read',
        'bulletins.manage',
        'bulletins.comment',
        'summaries.read',
        'summaries.submit',
        'summaries.review',
      ].sort(),
    );
  });
});

describe('departments', () => {
  it('parses a new department, a top-level one needing parentId null', () => {
    expect(DepartmentCreateBody.parse({ name: ' 纪工委 ', parentId: null })).toEqual({
      name: '纪工委',
      parentId: null,
      kind: 'department',
      sort: 0,
    });
    expect(DepartmentCreateBody.parse({ name: '城关镇', parentId: 'dept-root', kind: 'town', sort: 100_000 })).toMatchObject({
      kind: 'town',
    });
    expect(DepartmentUpdateBody.parse({})).toEqual({});
  });

  it.each<[string, string, z.ZodType, Record<string, unknown>]>([
    ['no parentId at all (null for the top)', 'parentId', DepartmentCreateBody, { name: '纪工委' }],
    ['no name', 'name', DepartmentCreateBody, { parentId: null }],
    ['a name of spaces', 'name', DepartmentCreateBody, { name: '  ', parentId: null }],
    ['a name over 100 characters', 'name', DepartmentCreateBody, { name: chars(101), parentId: null }],
    ['a name over two lines', 'name', DepartmentCreateBody, { name: '纪\n工委', parentId: null }],
    ['an unknown kind', 'kind', DepartmentCreateBody, { name: '纪工委', parentId: null, kind: 'ministry' }],
    ['a negative sort', 'sort', DepartmentCreateBody, { name: '纪工委', parentId: null, sort: -1 }],
    ['a sort over 100000', 'sort', DepartmentCreateBody, { name: '纪工委', parentId: null, sort: 100_001 }],
    ['a bad parent id', 'parentId', DepartmentCreateBody, { name: '纪工委', parentId: 'a b' }],
    ['an unknown kind on update', 'kind', DepartmentUpdateBody, { kind: 'bureau' }],
    ['a version as text', 'version', DepartmentUpdateBody, { version: '1' }],
  ])('refuses %s at %s', (_, path, schema, body) => {
    expect(refusedAt(schema, body)).toEqual([path]);
  });
});

describe('people', () => {
  const person = { name: '张三', departmentId: 'dept-a' };

  it('parses a person, active unless told, with or without an account', () => {
    expect(PersonCreateBody.parse(person)).toEqual({ ...person, status: 'active' });
    const full = {
      ...person,
      email: 'zhangsan@example.cn',
      phone: '13800138000',
      title: '科员',
      status: 'left',
      account: { username: 'zhang.san', roleIds: ['role-staff'] },
    };
    expect(PersonCreateBody.parse(full)).toEqual(full);
    expect(PersonCreateBody.parse({ ...person, account: { username: 'zhangsan' } }).account).toEqual({ username: 'zhangsan', roleIds: [] });
    expect(PersonCreateBody.parse({ ...person, phone: '0571-87654321', email: null, title: null })).toMatchObject({
      phone: '0571-87654321',
    });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['no name', 'name', { name: undefined }],
    ['a name over 50 characters', 'name', { name: chars(51) }],
    ['no department', 'departmentId', { departmentId: undefined }],
    ['a phone too short', 'phone', { phone: '12345' }],
    ['a mobile of 12 digits', 'phone', { phone: '138001380001' }],
    ['a phone as a number', 'phone', { phone: 13800138000 }],
    ['an e-mail without @', 'email', { email: 'zhangsan.example.cn' }],
    ['an e-mail over 200 characters', 'email', { email: `${'a'.repeat(190)}@example.cn` }],
    ['a title over 100 characters', 'title', { title: chars(101) }],
    ['an unknown status', 'status', { status: 'retired' }],
    ['away set by hand (the whereabouts board sets it)', 'status', { status: 'away' }],
    ['a username of 2 characters', 'account.username', { account: { username: 'zs' } }],
    ['a username in Chinese', 'account.username', { account: { username: '张三账号' } }],
    ['a username with a space', 'account.username', { account: { username: 'zhang san' } }],
    ['more than 20 roles', 'account.roleIds', { account: { username: 'zhangsan', roleIds: ids(21) } }],
    ['a bad role id', 'account.roleIds.0', { account: { username: 'zhangsan', roleIds: ['role staff'] } }],
  ])('refuses a new person with %s at %s', (_, path, patch) => {
    expect(refusedAt(PersonCreateBody, { ...person, ...patch })).toEqual([path]);
  });

  it.each<[string, string[], z.ZodType, unknown]>([
    ['an account for an existing person', [], PersonAccountBody, { username: 'li_si-2' }],
    ['an account with a username over 32 characters', ['username'], PersonAccountBody, { username: 'a'.repeat(33) }],
    ['an update clearing the phone', [], PersonUpdateBody, { phone: null, version: 2 }],
    ['an update to an unknown status', ['status'], PersonUpdateBody, { status: 'gone' }],
    ['an update to away by hand', ['status'], PersonUpdateBody, { status: 'away' }],
    ['an update emptying the name', ['name'], PersonUpdateBody, { name: '' }],
    ['an update with a bad phone', ['phone'], PersonUpdateBody, { phone: '110' }],
  ])('%s → refused at %j', (_, paths, schema, body) => {
    expect(refusedAt(schema, body)).toEqual(paths);
  });

  it('reads the people list filters from the query string', () => {
    expect(PeopleQuery.parse({ departmentId: 'dept-a', page: '3' })).toEqual({
      departmentId: 'dept-a',
      page: 3,
      pageSize: 20,
      subtree: 'true',
    });
    expect(refusedAt(PeopleQuery, { subtree: 'yes' })).toEqual(['subtree']);
    expect(refusedAt(PeopleQuery, { status: 'retired' })).toEqual(['status']);
    expect(refusedAt(PeopleQuery, { q: chars(51) })).toEqual(['q']);
  });
});

describe('posts (AB岗)', () => {
  it('parses a post, duties empty unless given', () => {
    expect(PostCreateBody.parse({ departmentId: 'dept-a', name: '综合岗', aPersonId: 'p1', bPersonId: null })).toEqual({
      departmentId: 'dept-a',
      name: '综合岗',
      duties: '',
      aPersonId: 'p1',
      bPersonId: null,
    });
  });

  it.each<[string, string, z.ZodType, Record<string, unknown>]>([
    ['no department', 'departmentId', PostCreateBody, { name: '综合岗' }],
    ['a name over 100 characters', 'name', PostCreateBody, { departmentId: 'dept-a', name: chars(101) }],
    ['duties over 2000 characters', 'duties', PostCreateBody, { departmentId: 'dept-a', name: '综合岗', duties: chars(2001) }],
    ['a bad A holder', 'aPersonId', PostCreateBody, { departmentId: 'dept-a', name: '综合岗', aPersonId: 'p 1' }],
    ['an empty name on update', 'name', PostUpdateBody, { name: ' ' }],
    ['duties holding NUL on update', 'duties', PostUpdateBody, { duties: 'a\u0000' }],
  ])('refuses %s at %s', (_, path, schema, body) => {
    expect(refusedAt(schema, body)).toEqual([path]);
  });
});

describe('roles and account roles', () => {
  const role = { code: 'town_staff', name: '乡镇工作人员', permissions: ['tasks.read', 'tasks.handle'], dataScope: 'dept' };

  it('parses a role, custom departments empty unless given', () => {
    expect(RoleCreateBody.parse(role)).toEqual({ ...role, customDepartmentIds: [] });
    expect(RoleCreateBody.parse({ ...role, dataScope: 'custom', customDepartmentIds: ['dept-a'] })).toMatchObject({
      customDepartmentIds: ['dept-a'],
    });
  });

  it('never changes a role code on update: it is dropped', () => {
    expect(RoleUpdateBody.parse({ code: 'admin', name: '改名', version: 1 })).not.toHaveProperty('code');
  });

  // RoleUpdateBody once inherited the create body's `customDepartmentIds: default([])`, so a PATCH
  // that only renamed a custom-scope role cleared its departments (updateRole). A PATCH must not
  // reset what it leaves out, as TaskUpdateBody says.
  it('adds no defaults to a PATCH: renaming a role leaves its custom departments alone', () => {
    expect(RoleUpdateBody.parse({ name: '改名', version: 1 })).toEqual({ name: '改名', version: 1 });
  });

  it.each<[string, string, z.ZodType, Record<string, unknown>]>([
    ['a code in capitals', 'code', RoleCreateBody, { ...role, code: 'TownStaff' }],
    ['a code of one letter', 'code', RoleCreateBody, { ...role, code: 'a' }],
    ['a code starting with a digit', 'code', RoleCreateBody, { ...role, code: '1staff' }],
    ['an empty name', 'name', RoleCreateBody, { ...role, name: ' ' }],
    ['a name over 50 characters', 'name', RoleCreateBody, { ...role, name: chars(51) }],
    ['an unknown permission', 'permissions.1', RoleCreateBody, { ...role, permissions: ['tasks.read', 'tasks.delete'] }],
    ['no permissions list', 'permissions', RoleCreateBody, { ...role, permissions: undefined }],
    ['an unknown data scope', 'dataScope', RoleCreateBody, { ...role, dataScope: 'region' }],
    ['more than 500 custom departments', 'customDepartmentIds', RoleCreateBody, { ...role, customDepartmentIds: ids(501) }],
    ['an unknown data scope on update', 'dataScope', RoleUpdateBody, { dataScope: 'town' }],
    ['more than 20 roles for an account', 'roleIds', UserRolesBody, { roleIds: ids(21) }],
    ['a bad role id for an account', 'roleIds.0', UserRolesBody, { roleIds: [''] }],
  ])('refuses %s at %s', (_, path, schema, body) => {
    expect(refusedAt(schema, body)).toEqual([path]);
  });
});
