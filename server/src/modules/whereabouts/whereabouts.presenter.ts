import {
  isAwayState,
  WhereaboutsState,
  type DoorBoardLink,
  type PersonWhereabouts,
  type PlannedAbsence,
  type PlannedAbsenceKind,
  type PlannedAbsenceStatus,
  type PublicDoorBoard,
  type WhereaboutsBoard,
  type WhereaboutsHistoryItem,
  type WhereaboutsSource,
} from '@qinlian/contracts';
import type { Actor } from '../../platform/context.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import type { PlannedAbsenceRow } from './planned-absences.repo.ts';
import type { DoorBoardRow, WhereaboutsHistoryRow, WhereaboutsRow } from './whereabouts.repo.ts';
import { absencePolicy, boardPolicy, whereaboutsPolicy } from './whereabouts.policy.ts';
import type { PersonWhereaboutsView } from './whereabouts.service.ts';
import { stateOf, type BoardView } from './whereabouts-board.service.ts';

/** The kiosk page of the public web (no sign-in), by the board's code. */
export const kioskPathOf = (code: string) => `/p/door-boards/${code}`;
const photoUrlOf = (personId: string) => `/api/people/${personId}/photo`;
/** Each photo version has its own address, so a kiosk may keep it cached until it changes. */
const publicPhotoUrlOf = (code: string, personId: string, photoFile: string) =>
  `/api/public/door-boards/${code}/photos/${personId}?v=${/-v(\d+)\./.exec(photoFile)?.[1] ?? '1'}`;

/** The fields of a state row every signed-in view shows; the note only to those who may set it. */
function stateFields(row: WhereaboutsRow | null, mayNote: boolean) {
  return {
    state: stateOf(row),
    place: row?.place ?? null,
    expectedReturnAt: row?.expectedReturnAt ?? null,
    note: mayNote ? (row?.note ?? null) : null,
    source: (row?.source as WhereaboutsSource | undefined) ?? null,
    plannedAbsenceId: row?.plannedAbsenceId ?? null,
    setAt: row?.setAt ?? null,
    setByName: row?.setByName ?? null,
    version: row?.version ?? 0,
  };
}

export function presentPersonWhereabouts(actor: Actor, v: PersonWhereaboutsView): PersonWhereabouts {
  const access = { personId: v.person.id, departmentId: v.person.departmentId };
  const abilities = { set: whereaboutsPolicy.allowed(actor, 'set', access), history: whereaboutsPolicy.allowed(actor, 'history', access) };
  return {
    personId: v.person.id,
    personName: v.person.name,
    departmentId: v.person.departmentId,
    ...stateFields(v.row, abilities.set),
    actingPersonId: v.acting?.personId ?? null,
    actingPersonName: v.acting?.name ?? null,
    abilities,
  };
}

const emptyCounts = () => Object.fromEntries(WhereaboutsState.options.map((s) => [s, 0])) as Record<WhereaboutsState, number>;

export function presentBoard(actor: Actor, b: BoardView): WhereaboutsBoard {
  const byState = emptyCounts();
  const people = b.members.map(({ member, row, posts, acting }) => {
    const access = { personId: member.id, departmentId: member.departmentId };
    const abilities = {
      set: whereaboutsPolicy.allowed(actor, 'set', access),
      history: whereaboutsPolicy.allowed(actor, 'history', access),
    };
    byState[stateOf(row)]++;
    return {
      personId: member.id,
      personName: member.name,
      title: member.title,
      photoUrl: member.photoFile ? photoUrlOf(member.id) : null,
      posts,
      ...stateFields(row, abilities.set),
      actingPersonId: acting?.personId ?? null,
      actingPersonName: acting?.name ?? null,
      abilities,
    };
  });
  const away = WhereaboutsState.options.filter(isAwayState).reduce((n, s) => n + byState[s], 0);
  return {
    departmentId: b.department.id,
    departmentName: b.department.name,
    counts: { total: people.length, present: people.length - away, away, byState },
    people,
    uncoveredPosts: b.uncovered.map((p) => ({ id: p.id, name: p.name, aPersonName: p.aPersonName, bPersonName: p.bPersonName })),
    abilities: { manage: boardPolicy.allowed(actor, 'manage', { departmentId: b.department.id }) },
  };
}

/** What a visitor at the door sees: names, photos, posts, state, expected return, who acts — nothing else. */
function publicBoardBody(b: BoardView & { code: string }): Omit<PublicDoorBoard, 'generatedAt'> {
  const people = b.members.map(({ member, row, posts, acting }) => ({
    personId: member.id,
    name: member.name,
    photoUrl: member.photoFile ? publicPhotoUrlOf(b.code, member.id, member.photoFile) : null,
    posts: [...new Set(posts.map((p) => p.name))],
    state: stateOf(row),
    expectedReturnAt: row?.expectedReturnAt ?? null,
    actingPersonName: acting?.name ?? null,
  }));
  const away = people.filter((p) => isAwayState(p.state)).length;
  return {
    departmentName: b.department.name,
    counts: { total: people.length, present: people.length - away, away },
    people,
  };
}

/**
 * The public board as JSON bytes without `generatedAt` and the closing brace: what is kept between
 * changes (whereabouts-board.cache.ts); publicBoardJson finishes it with the time of each answer.
 */
export const publicBoardHead = (b: BoardView & { code: string }): Buffer => Buffer.from(JSON.stringify(publicBoardBody(b)).slice(0, -1));
export const publicBoardJson = (head: Buffer, now: Date): Buffer =>
  Buffer.concat([head, Buffer.from(`,"generatedAt":${JSON.stringify(now.toISOString())}}`)]);

export const presentHistoryItem = (r: WhereaboutsHistoryRow): WhereaboutsHistoryItem => ({
  id: r.id,
  state: r.state as WhereaboutsState,
  place: r.place,
  expectedReturnAt: r.expectedReturnAt,
  note: r.note,
  source: r.source as WhereaboutsSource,
  plannedAbsenceId: r.plannedAbsenceId,
  setByName: r.setByName,
  at: r.at,
});

export function presentAbsence(actor: Actor, r: PlannedAbsenceRow, personName: string): PlannedAbsence {
  return {
    id: r.id,
    personId: r.personId,
    personName,
    departmentId: r.departmentId,
    kind: r.kind as PlannedAbsenceKind,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    place: r.place,
    note: r.note,
    status: r.status as PlannedAbsenceStatus,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    version: r.version,
    abilities: { cancel: absencePolicy.allowed(actor, 'cancel', r) && whereaboutsPolicy.allowed(actor, 'set', r) },
  };
}

export const presentDoorBoardLink = (r: DoorBoardRow): DoorBoardLink => ({
  departmentId: r.departmentId,
  code: r.code,
  displayCode: formatTrackingCode(r.code),
  kioskPath: kioskPathOf(r.code),
});
