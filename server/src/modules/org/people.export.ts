import type { PersonStatus } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { writeSheet, writeWorkbook, type Column } from '../../platform/documents/xlsx.ts';
import { departmentsWithFullNames } from './departments.service.ts';
import { allPeopleMatching, type PeopleQueryParsed } from './people.service.ts';
import { postsRepo } from './posts.repo.ts';
import { presentPhone, STATUS_LABELS } from './people.presenter.ts';
import { canAddPersonTo } from './org.policy.ts';

/** The columns of the people sheet, export and import alike (姓名, 手机, 部门, 职务, 状态 …). */
export const PEOPLE_COLUMNS = {
  name: '姓名',
  phone: '手机',
  department: '部门',
  title: '职务',
  status: '状态',
  posts: 'AB岗',
  username: '账号',
} as const;

/** 姓名 … 状态, as both sheets begin: the phone is text so that its leading 0 survives; the template offers the statuses as a drop-down. */
const personColumns = (sheet: 'export' | 'template'): Column[] => [
  { header: PEOPLE_COLUMNS.name, width: 12 },
  { header: PEOPLE_COLUMNS.phone, width: 16, text: true },
  { header: PEOPLE_COLUMNS.department, width: 40 },
  { header: PEOPLE_COLUMNS.title, width: 14 },
  { header: PEOPLE_COLUMNS.status, width: 8, ...(sheet === 'template' ? { choices: ['在岗', '离职'] } : {}) },
];

/** 人员名单: the list's filters and the actor's data scope; phones masked as on screen. */
export async function exportPeopleXlsx(ctx: Ctx, q: Omit<PeopleQueryParsed, 'page' | 'pageSize'>): Promise<Buffer> {
  const actor = ctx.actor!;
  const [rows, departments, posts] = await Promise.all([
    allPeopleMatching(ctx, q),
    departmentsWithFullNames(ctx.db),
    postsRepo.list(ctx.db, { departmentIds: null }),
  ]);
  const fullName = new Map(departments.map((d) => [d.row.id, d.fullName]));
  const held = new Map<string, string[]>();
  for (const p of posts) {
    if (p.aPersonId) held.set(p.aPersonId, [...(held.get(p.aPersonId) ?? []), `${p.name}（A）`]);
    if (p.bPersonId) held.set(p.bPersonId, [...(held.get(p.bPersonId) ?? []), `${p.name}（B）`]);
  }
  return writeSheet({
    name: '人员名单',
    columns: [...personColumns('export'), { header: PEOPLE_COLUMNS.posts, width: 40 }],
    rows: rows.map((r) => [
      r.name,
      presentPhone(actor, r) ?? '',
      fullName.get(r.departmentId) ?? '',
      r.title ?? '',
      STATUS_LABELS[r.status as PersonStatus] ?? r.status,
      (held.get(r.id) ?? []).join('、'),
    ]),
  });
}

/** The import template: an empty 人员 sheet and a 说明 sheet saying how to fill it, with the departments the actor may use. */
export async function peopleImportTemplate(ctx: Ctx): Promise<Buffer> {
  const actor = ctx.actor!;
  const departments = (await departmentsWithFullNames(ctx.db)).filter((d) => !d.row.archivedAt && canAddPersonTo(actor, d.row.id));
  const notes: [string, string][] = [
    ['列', '填写说明'],
    [PEOPLE_COLUMNS.name, '必填，最多 50 个字'],
    [PEOPLE_COLUMNS.phone, '选填；11 位手机号，或带区号的固定电话（如 0791-88888888）；同一号码不能登记两人'],
    [
      PEOPLE_COLUMNS.department,
      '必填；填部门名称（如：经济发展局），名称重复时填从顶级单位起的完整路径，用“/”分隔（如：新区党工委管委会/经济发展局，顶级单位名称可省略）',
    ],
    [PEOPLE_COLUMNS.title, '选填，如：局长、副局长、科长、科员'],
    [PEOPLE_COLUMNS.status, '选填，在岗、离职（也可填 active、left），默认在岗；外出等去向在去向牌登记'],
    [
      PEOPLE_COLUMNS.username,
      '选填；填写则同时开设登录账号（3–32 位字母、数字或 _ . -），初始密码在导入结果中显示一次，首次登录须修改；账号的角色由管理员另行分配',
    ],
    ['', ''],
    [
      '导入规则',
      '先校验全部行：任何一行有错则不写入任何数据，并列出每一处错误（行号、列、原因）；一次最多 5000 行；可先“试导入”只校验不写入',
    ],
    ['', ''],
    ['可用部门', '以下为您有权登记人员的部门（完整路径）：'],
    ...departments.map((d): [string, string] => ['', d.fullName]),
  ];
  return writeWorkbook([
    { name: '人员', columns: [...personColumns('template'), { header: PEOPLE_COLUMNS.username, width: 16 }], rows: [], blankRows: 500 },
    { name: '说明', widths: [14, 90], notes },
  ]);
}
