import { z } from 'zod';
import { Id, Instant, line, PageQuery, pageOf, prose } from './common.ts';

/**
 * 工作人员去向牌: where every person is now (in office, in a meeting, out on business, on a trip, on
 * leave, in training), with the place, the expected return and — while away — who acts for them on
 * their A posts (AB岗制). Set by the person or by the department's head/office; leave, trips and
 * training registered ahead (planned absences) switch the state at their start and back at their end.
 * A door board per department (public, by an unguessable code) shows what a visitor at the door would
 * see, live.
 */

/** 在岗、开会、外出办事、出差、请休假、学习培训 */
export const WhereaboutsState = z.enum(['in_office', 'meeting', 'out', 'trip', 'leave', 'training']);
export type WhereaboutsState = z.infer<typeof WhereaboutsState>;

/** States that hand the person's A posts to their B holders (AB岗); in_office and meeting count as present. */
export const AWAY_STATES = ['out', 'trip', 'leave', 'training'] as const satisfies readonly WhereaboutsState[];
export const isAwayState = (state: WhereaboutsState): boolean => (AWAY_STATES as readonly string[]).includes(state);

/** who set the current state: the person, their head or office, or a planned absence (by the job) */
export const WhereaboutsSource = z.enum(['self', 'head', 'planned']);
export type WhereaboutsSource = z.infer<typeof WhereaboutsSource>;

/** 请假、出差、学习培训 registered ahead; each is also the state it switches to. */
export const PlannedAbsenceKind = z.enum(['leave', 'trip', 'training']);
export type PlannedAbsenceKind = z.infer<typeof PlannedAbsenceKind>;
/** scheduled: not begun · active: the person's state was switched · ended · cancelled */
export const PlannedAbsenceStatus = z.enum(['scheduled', 'active', 'ended', 'cancelled']);
export type PlannedAbsenceStatus = z.infer<typeof PlannedAbsenceStatus>;

/**
 * An instant as typed into a form: ISO-8601 with a zone (`2026-12-08T09:00:00+08:00` or `…Z`), in the
 * years 2000–2199. The server stores it as UTC (`2026-12-08T01:00:00.000Z`).
 */
export const InstantInput = z.iso.datetime({ offset: true }).refine((s) => {
  const year = new Date(s).getUTCFullYear();
  return year >= 2000 && year <= 2199;
}, 'year 2000–2199');

/** What another module reads of a person's whereabouts (front door `currentWhereabouts`). */
export const WhereaboutsNow = z.object({
  personId: z.string(),
  state: WhereaboutsState,
  expectedReturnAt: z.string().nullable(),
  actingPersonId: z.string().nullable(),
  actingPersonName: z.string().nullable(),
});
export type WhereaboutsNow = z.infer<typeof WhereaboutsNow>;

/** A post (AB岗) a person holds, as A or B. */
export const WhereaboutsHeldPost = z.object({ id: Id, name: z.string(), role: z.enum(['A', 'B']) });

/** What the actor may do about one person's whereabouts. */
export const WhereaboutsAbilities = z.object({
  /** set the state, register or cancel planned absences (self, or the department's head/office) */
  set: z.boolean(),
  /** read the history (self, the department's head, the office) */
  history: z.boolean(),
});

/**
 * GET /api/whereabouts/me, GET and PUT /api/whereabouts/people/:personId — one person's card.
 * `version` is 0 until the state is first set (a person never set reads as in_office).
 */
export const PersonWhereabouts = z.object({
  personId: Id,
  personName: z.string(),
  departmentId: Id,
  state: WhereaboutsState,
  place: z.string().nullable(),
  expectedReturnAt: Instant.nullable(),
  /** only for the person and those who may set it (head, office); null for everyone else */
  note: z.string().nullable(),
  source: WhereaboutsSource.nullable(),
  /** the planned absence that set this state, while it is still the one in force */
  plannedAbsenceId: Id.nullable(),
  setAt: Instant.nullable(),
  setByName: z.string().nullable(),
  /** while away: the B holder acting on the person's A posts now (null: nobody at work can) */
  actingPersonId: Id.nullable(),
  actingPersonName: z.string().nullable(),
  version: z.number().int(),
  abilities: WhereaboutsAbilities,
});
export type PersonWhereabouts = z.infer<typeof PersonWhereabouts>;

/** PUT /api/whereabouts/people/:personId. in_office clears the expected return; `version` guards concurrent edits (0: never set). */
export const WhereaboutsSetBody = z.object({
  state: WhereaboutsState,
  place: line(0, 100).nullable().optional(),
  /** when the person expects to be back; must be in the future */
  expectedReturnAt: InstantInput.nullable().optional(),
  note: prose(0, 500).nullable().optional(),
  version: z.number().int().min(0).optional(),
});
export type WhereaboutsSetBody = z.infer<typeof WhereaboutsSetBody>;

/** One person on the department's board (console). */
export const WhereaboutsBoardEntry = PersonWhereabouts.omit({ departmentId: true }).extend({
  title: z.string().nullable(),
  /** the person's work photo (GET, signed in), or null */
  photoUrl: z.string().nullable(),
  posts: z.array(WhereaboutsHeldPost),
});
export type WhereaboutsBoardEntry = z.infer<typeof WhereaboutsBoardEntry>;

/** A live post whose A and B holders are both away (or missing): nobody is at work to act for it. */
export const UncoveredPost = z.object({
  id: Id,
  name: z.string(),
  aPersonName: z.string().nullable(),
  bPersonName: z.string().nullable(),
});

const StateCounts = z.object({
  in_office: z.number().int(),
  meeting: z.number().int(),
  out: z.number().int(),
  trip: z.number().int(),
  leave: z.number().int(),
  training: z.number().int(),
});

/** GET /api/whereabouts/departments/:id — the department overview: who is in right now. */
export const WhereaboutsBoard = z.object({
  departmentId: Id,
  departmentName: z.string(),
  counts: z.object({
    total: z.number().int(),
    /** in_office + meeting */
    present: z.number().int(),
    /** out + trip + leave + training */
    away: z.number().int(),
    byState: StateCounts,
  }),
  people: z.array(WhereaboutsBoardEntry),
  uncoveredPosts: z.array(UncoveredPost),
  abilities: z.object({ manage: z.boolean() }),
});
export type WhereaboutsBoard = z.infer<typeof WhereaboutsBoard>;

/** GET /api/whereabouts/people/:personId/history — newest first. */
export const WhereaboutsHistoryItem = z.object({
  id: Id,
  state: WhereaboutsState,
  place: z.string().nullable(),
  expectedReturnAt: Instant.nullable(),
  note: z.string().nullable(),
  source: WhereaboutsSource,
  plannedAbsenceId: Id.nullable(),
  setByName: z.string().nullable(),
  at: Instant,
});
export type WhereaboutsHistoryItem = z.infer<typeof WhereaboutsHistoryItem>;
export const WhereaboutsHistoryQuery = PageQuery;
export type WhereaboutsHistoryQuery = z.input<typeof WhereaboutsHistoryQuery>;
export const WhereaboutsHistoryPage = pageOf(WhereaboutsHistoryItem);
export type WhereaboutsHistoryPage = z.infer<typeof WhereaboutsHistoryPage>;

/** A leave, trip or training registered ahead (登记请假/出差/培训). */
export const PlannedAbsence = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  departmentId: Id,
  kind: PlannedAbsenceKind,
  startsAt: Instant,
  endsAt: Instant,
  place: z.string().nullable(),
  note: z.string().nullable(),
  status: PlannedAbsenceStatus,
  createdByName: z.string(),
  createdAt: Instant,
  version: z.number().int(),
  abilities: z.object({ cancel: z.boolean() }),
});
export type PlannedAbsence = z.infer<typeof PlannedAbsence>;

/**
 * POST /api/whereabouts/planned-absences. `personId` defaults to the signed-in person. Must end after
 * it starts and after now; one that has already begun switches the state at once; it may not overlap
 * another scheduled or active absence of the same person.
 */
export const PlannedAbsenceCreateBody = z.object({
  personId: Id.optional(),
  kind: PlannedAbsenceKind,
  startsAt: InstantInput,
  endsAt: InstantInput,
  place: line(0, 100).nullable().optional(),
  note: prose(0, 500).nullable().optional(),
});
export type PlannedAbsenceCreateBody = z.infer<typeof PlannedAbsenceCreateBody>;

/** GET /api/whereabouts/planned-absences — those the actor may see, soonest first. */
export const PlannedAbsenceQuery = PageQuery.extend({
  personId: Id.optional(),
  departmentId: Id.optional(),
  status: PlannedAbsenceStatus.optional(),
});
export type PlannedAbsenceQuery = z.input<typeof PlannedAbsenceQuery>;
export const PlannedAbsencePage = pageOf(PlannedAbsence);
export type PlannedAbsencePage = z.infer<typeof PlannedAbsencePage>;

/** GET /api/whereabouts/departments/:id/door-board — the department's public code, for the console to open the kiosk. */
export const DoorBoardLink = z.object({
  departmentId: Id,
  /** 13 characters; the public board is found by it alone */
  code: z.string(),
  /** the same, grouped for reading out: 7KQ3-MZ8R-XH2W-5 */
  displayCode: z.string(),
  /** the kiosk page (public web, no sign-in) */
  kioskPath: z.string(),
});
export type DoorBoardLink = z.infer<typeof DoorBoardLink>;

export const DoorBoardCodeParams = z.object({ code: z.string().max(64) });
export const DoorBoardPhotoParams = DoorBoardCodeParams.extend({ personId: Id });
export const WhereaboutsPersonParams = z.object({ personId: Id });

/**
 * One person on the public door board: only what a visitor at the door would see — never the place,
 * notes, history or phone.
 */
export const PublicDoorBoardEntry = z.object({
  personId: Id,
  name: z.string(),
  /** the photo through the board's own public address (served only for people on this board), or null */
  photoUrl: z.string().nullable(),
  /** names of the posts held (A or B) */
  posts: z.array(z.string()),
  state: WhereaboutsState,
  expectedReturnAt: Instant.nullable(),
  /** while away: who acts for them (代岗) */
  actingPersonName: z.string().nullable(),
});
export type PublicDoorBoardEntry = z.infer<typeof PublicDoorBoardEntry>;

/** GET /api/public/door-boards/:code — the kiosk beside the office door. */
export const PublicDoorBoard = z.object({
  departmentName: z.string(),
  counts: z.object({ total: z.number().int(), present: z.number().int(), away: z.number().int() }),
  people: z.array(PublicDoorBoardEntry),
  generatedAt: Instant,
});
export type PublicDoorBoard = z.infer<typeof PublicDoorBoard>;

/** The live channel's one event (`whereabouts.changed`): whose card to refetch. */
export const WhereaboutsChangedEvent = z.object({ personId: Id });
export const WHEREABOUTS_CHANGED = 'whereabouts.changed';
