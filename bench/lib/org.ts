import type { Rng } from './prng.ts';
import * as V from './vocab.ts';

/** The organisation tree, people and AB posts, built in memory first (small even at province scale). */
export type GenDept = {
  id: string;
  parentId: string | null;
  name: string;
  kind: string;
  sort: number;
  path: string;
  depth: number;
  type: 'root' | 'bureau' | 'town' | 'company' | 'section' | 'village' | 'office' | 'group';
  children: GenDept[];
};
export type GenPerson = {
  id: string;
  name: string;
  phone: string | null;
  departmentId: string;
  title: string;
  status: 'active' | 'away' | 'left';
};
export type GenPost = {
  id: string;
  departmentId: string;
  name: string;
  duties: string;
  aPersonId: string | null;
  bPersonId: string | null;
};
export type Org = {
  root: GenDept;
  departments: GenDept[];
  people: GenPerson[];
  peopleByDept: Map<string, GenPerson[]>;
  posts: GenPost[];
  postsByDept: Map<string, GenPost[]>;
};

const COMPANY_DEPTS = ['综合管理部', '财务部', '工程管理部', '投资发展部', '风控法务部', '党群工作部', '运营管理部', '安全质量部'];

function uniqueName(taken: Set<string>, make: () => string, fallback: string): string {
  for (let i = 0; i < 20; i++) {
    const n = make();
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
  for (let k = 2; ; k++) {
    const n = `${fallback}${k}`;
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

export function buildDepartments(rng: Rng, newId: () => string, total: number): GenDept[] {
  const make = (parent: GenDept | null, name: string, kind: string, type: GenDept['type']): GenDept => {
    const id = newId();
    const d: GenDept = {
      id,
      parentId: parent?.id ?? null,
      name,
      kind,
      type,
      sort: parent ? parent.children.length : 0,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      children: [],
    };
    parent?.children.push(d);
    return d;
  };
  const root = make(null, V.ROOT_NAME, 'committee', 'root');
  const all = [root];
  const names = new Map<GenDept, Set<string>>();
  const takenUnder = (d: GenDept) => {
    if (!names.has(d)) names.set(d, new Set());
    return names.get(d)!;
  };
  const townName = () => rng.pick(V.PLACE_FIRST) + rng.pick(V.PLACE_SECOND);

  const topCount = Math.min(total - 1, Math.max(6, Math.min(200, Math.round(total * 0.08))));
  const bureaus = Math.min(V.BUREAUS.length, Math.max(3, Math.round(topCount * 0.55)));
  const companies = Math.min(V.COMPANIES.length, Math.round(topCount * 0.07));
  const tops: GenDept[] = [];
  for (let i = 0; i < topCount; i++) {
    const taken = takenUnder(root);
    let d: GenDept;
    if (i < bureaus)
      d = make(
        root,
        uniqueName(taken, () => V.BUREAUS[i]!, '工作机构'),
        'department',
        'bureau',
      );
    else if (i < bureaus + companies)
      d = make(
        root,
        uniqueName(taken, () => `勤廉${V.COMPANIES[i - bureaus]!}`, '国有企业'),
        'company',
        'company',
      );
    else
      d = make(
        root,
        uniqueName(taken, () => townName() + rng.pick(V.TOWN_SUFFIX), '新城街道'),
        'town',
        'town',
      );
    tops.push(d);
    all.push(d);
  }
  const rest = total - 1 - topCount;
  const third = Math.floor(rest * 0.25);
  const second: GenDept[] = [];
  const topWeights = tops.map((t) => (t.type === 'town' ? 3 : t.type === 'bureau' ? 2 : 1.5));
  for (let i = 0; i < rest - third; i++) {
    const parent = tops[rng.weighted(topWeights)]!;
    const taken = takenUnder(parent);
    let d: GenDept;
    if (parent.type === 'town' && rng.chance(0.55)) {
      d = make(
        parent,
        uniqueName(taken, () => townName() + rng.pick(V.VILLAGE_SUFFIX), '新建社区'),
        'department',
        'village',
      );
    } else if (parent.type === 'town') {
      d = make(
        parent,
        uniqueName(taken, () => rng.pick(V.TOWN_OFFICES), '综合办公室'),
        'department',
        'office',
      );
    } else if (parent.type === 'company') {
      d = make(
        parent,
        uniqueName(taken, () => rng.pick(COMPANY_DEPTS), '业务部'),
        'department',
        'section',
      );
    } else {
      d = make(
        parent,
        uniqueName(taken, () => rng.pick(V.SECTIONS), '业务科'),
        'department',
        'section',
      );
    }
    second.push(d);
    all.push(d);
  }
  const secondWeights = second.map((s) => (s.type === 'village' ? 2 : 1));
  for (let i = 0; i < third && second.length; i++) {
    const parent = second[rng.weighted(secondWeights)]!;
    const taken = takenUnder(parent);
    const d =
      parent.type === 'village'
        ? make(
            parent,
            uniqueName(taken, () => `第${'一二三四五六七八九十'[rng.int(10)]}网格`, '网格'),
            'group',
            'group',
          )
        : make(
            parent,
            uniqueName(taken, () => rng.pick(V.GROUPS), '工作组'),
            'group',
            'group',
          );
    all.push(d);
  }
  return all;
}

export function buildPeople(rng: Rng, newId: () => string, departments: GenDept[], total: number) {
  const weight = (d: GenDept) =>
    (d.type === 'root' ? 6 : d.depth === 1 ? (d.type === 'town' ? 10 : 8) : d.depth === 2 ? 3 : 1.5) * (0.5 + rng.float());
  const counts: number[] = departments.map(() => (total >= departments.length ? 1 : 0));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const d of departments) {
    sum += weight(d);
    cumulative.push(sum);
  }
  while (left-- > 0) {
    const x = rng.float() * sum;
    let lo = 0,
      hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
  }
  const people: GenPerson[] = [];
  const peopleByDept = new Map<string, GenPerson[]>();
  let phoneSeq = 0;
  departments.forEach((d, i) => {
    const list: GenPerson[] = [];
    for (let k = 0; k < counts[i]!; k++) {
      const name = rng.pick(V.SURNAMES) + rng.pick(V.GIVEN) + (rng.chance(0.3) ? rng.pick(V.GIVEN).slice(0, 1) : '');
      const heads = V.HEAD_TITLES[d.kind] ?? V.HEAD_TITLES.department!;
      const title =
        k === 0
          ? heads[Math.min(d.depth, heads.length - 1)]!
          : k === 1 && counts[i]! > 4
            ? `副${heads[Math.min(d.depth, heads.length - 1)]!.replace(/^副/, '')}`
            : rng.pick(V.STAFF_TITLES);
      // unique 11-digit mobile numbers: an affine walk over 9 digits never repeats below 10^9
      const phone = rng.chance(0.9)
        ? `1${'35789'[phoneSeq % 5]}${String((phoneSeq * 7_919 + 13_579) % 1_000_000_000).padStart(9, '0')}`
        : null;
      phoneSeq++;
      const status = k === 0 ? 'active' : rng.chance(0.94) ? 'active' : rng.chance(0.66) ? 'away' : 'left';
      const p: GenPerson = { id: newId(), name, phone, departmentId: d.id, title, status };
      list.push(p);
      people.push(p);
    }
    peopleByDept.set(d.id, list);
  });
  return { people, peopleByDept };
}

/** AB岗: A and B are different people of the post's department, never someone who has left. */
export function buildPosts(rng: Rng, newId: () => string, departments: GenDept[], peopleByDept: Map<string, GenPerson[]>) {
  const posts: GenPost[] = [];
  const postsByDept = new Map<string, GenPost[]>();
  for (const d of departments) {
    const staff = (peopleByDept.get(d.id) ?? []).filter((p) => p.status !== 'left');
    const list: GenPost[] = [];
    const n = staff.length ? Math.min(8, Math.max(1, Math.ceil(staff.length / 4))) : 0;
    const taken = new Set<string>();
    for (let i = 0; i < n; i++) {
      const a = staff[i % staff.length]!;
      const b = staff.length > 1 ? staff[(i + 1 + rng.int(staff.length - 1)) % staff.length]! : null;
      const post: GenPost = {
        id: newId(),
        departmentId: d.id,
        name: uniqueName(taken, () => rng.pick(V.POSTS), '综合岗'),
        duties: rng.pick(V.DUTIES),
        aPersonId: a.id,
        bPersonId: b && b.id !== a.id ? b.id : null,
      };
      list.push(post);
      posts.push(post);
    }
    postsByDept.set(d.id, list);
  }
  return { posts, postsByDept };
}

export function buildOrg(rng: Rng, newId: () => string, sizes: { departments: number; people: number }): Org {
  const departments = buildDepartments(rng.fork('departments'), newId, sizes.departments);
  const { people, peopleByDept } = buildPeople(rng.fork('people'), newId, departments, sizes.people);
  const { posts, postsByDept } = buildPosts(rng.fork('posts'), newId, departments, peopleByDept);
  return { root: departments[0]!, departments, people, peopleByDept, posts, postsByDept };
}

/** every department under `d`, itself included */
export function subtree(d: GenDept): GenDept[] {
  const out: GenDept[] = [];
  const walk = (x: GenDept) => {
    out.push(x);
    x.children.forEach(walk);
  };
  walk(d);
  return out;
}
