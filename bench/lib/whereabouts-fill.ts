import { newTrackingCode } from '../../server/src/platform/public/tracking-code.ts';
import type { AuditChain } from './audit-chain.ts';
import type { WhereaboutsFixture } from './dataset.ts';
import { subtree, type GenDept, type Org } from './org.ts';
import type { Rng } from './prng.ts';
import type { Sink } from './sink.ts';

/** 外出、出差、请休假、学习培训 — the board's away states, by how often each is seen on a working day */
const AWAY = ['out', 'trip', 'leave', 'training'] as const;
const AWAY_WEIGHTS = [40, 20, 25, 15];
const PLACES = ['区政务服务中心', '市行政审批局', '项目现场', '街道便民服务站', '区委党校', '市档案馆'];

type Change = { state: string; place: string | null };

/**
 * 工作人员去向牌: since the whereabouts module owns 'away', every person the org generator made
 * away gets the board row that made them so (an away state, its history line and `whereabouts.set`
 * audit record, as the module writes them); some present people carry the marks of a day at work
 * (a meeting now, or back in the office after being out), so boards read rows as well as defaults.
 * Every department with people gets its door board (门口去向牌) with a public code from the seeded
 * PRNG. The fixture names the largest department under the bench head's unit: its board, its code,
 * and a person on it whose state the fan-out measurement changes.
 */
export async function fillWhereabouts(input: {
  sink: Sink;
  chain: AuditChain;
  rng: Rng;
  newId: () => string;
  org: Org;
  headDept: GenDept;
  /** people bound to the bench accounts: their state is left alone (they sign in and act) */
  reserved: Set<string>;
}): Promise<WhereaboutsFixture> {
  const { sink, chain, rng, newId, org } = input;
  const current = sink.table('whereabouts', [
    'person_id',
    'state',
    'place',
    'expected_return_at',
    'note',
    'set_by_person_id',
    'set_by_name',
    'set_at',
    'source',
    'planned_absence_id',
    'version',
  ]);
  const history = sink.table('whereabouts_history', [
    'id',
    'person_id',
    'state',
    'place',
    'expected_return_at',
    'note',
    'set_by_person_id',
    'set_by_name',
    'source',
    'planned_absence_id',
    'at',
  ]);
  const heads = new Map(org.departments.map((d) => [d.id, org.peopleByDept.get(d.id)?.[0] ?? null]));
  let rows = 0;

  for (const person of org.people) {
    if (person.status === 'left') continue;
    const changes: Change[] = [];
    const place = () => (rng.chance(0.6) ? rng.pick(PLACES) : null);
    if (person.status === 'away') changes.push({ state: AWAY[rng.weighted(AWAY_WEIGHTS)]!, place: place() });
    else if (!input.reserved.has(person.id)) {
      const x = rng.float();
      if (x < 0.04) changes.push({ state: 'meeting', place: null });
      else if (x < 0.16) changes.push({ state: 'out', place: place() }, { state: 'in_office', place: null });
    }
    if (!changes.length) continue;
    // set by the department's head (the first person registered), or by the person when they are the head
    const head = heads.get(person.departmentId);
    const self = !head || head.id === person.id;
    const setBy = { setByPersonId: self ? person.id : head.id, setByName: self ? person.name : head.name, source: self ? 'self' : 'head' };
    let before: Record<string, unknown> | null = null;
    for (const [i, c] of changes.entries()) {
      const at = chain.now();
      const row = {
        personId: person.id,
        state: c.state,
        place: c.place,
        expectedReturnAt: null,
        note: null,
        ...setBy,
        setAt: at,
        plannedAbsenceId: null,
        version: i + 1,
      };
      await history.push([newId(), person.id, c.state, c.place, null, null, setBy.setByPersonId, setBy.setByName, setBy.source, null, at]);
      await chain.append({
        actorId: null,
        actorName: setBy.setByName,
        action: 'whereabouts.set',
        entityType: 'whereabouts',
        entityId: person.id,
        before,
        after: row,
      });
      before = row;
    }
    const last = before as { state: string; place: string | null; setAt: string; version: number };
    await current.push([
      person.id,
      last.state,
      last.place,
      null,
      null,
      setBy.setByPersonId,
      setBy.setByName,
      last.setAt,
      setBy.source,
      null,
      last.version,
    ]);
    rows++;
  }
  await current.flush();
  await history.flush();

  const boards = sink.table('door_boards', ['department_id', 'code', 'created_at']);
  const codeRng = rng.fork('door-board-codes');
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => codeRng.int(256));
  const codes = new Map<string, string>();
  for (const d of org.departments) {
    if (!(org.peopleByDept.get(d.id) ?? []).some((p) => p.status !== 'left')) continue;
    const code = newTrackingCode(bytes);
    const at = chain.now();
    codes.set(d.id, code);
    await boards.push([d.id, code, at]);
    await chain.append({
      actorId: null,
      actorName: '系统',
      action: 'door_board.create',
      entityType: 'door_board',
      entityId: d.id,
      after: { departmentId: d.id, code, createdAt: at },
    });
  }
  await boards.flush();

  // the fixture: the department under the head's unit with the most people on its board
  const members = (d: GenDept) => (org.peopleByDept.get(d.id) ?? []).filter((p) => p.status !== 'left');
  const board = subtree(input.headDept)
    .filter((d) => codes.has(d.id))
    .reduce((best, d) => (members(d).length > members(best).length ? d : best));
  const people = members(board);
  const changing = people.find((p) => p.status === 'active' && !input.reserved.has(p.id)) ?? people[0]!;
  return {
    departmentId: board.id,
    code: codes.get(board.id)!,
    boardPeople: people.length,
    boardAway: people.filter((p) => p.status === 'away').length,
    personId: changing.id,
    rows,
    doorBoards: codes.size,
  };
}
