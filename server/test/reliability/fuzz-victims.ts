import { buildBadge, buildRectification } from '../factories.ts';
import { systemCtx } from '../../src/bootstrap.ts';
import { ratingPageCode } from '../../src/modules/ratings/index.ts';
import { doorBoardFor } from '../../src/modules/whereabouts/whereabouts-board.service.ts';
import { registerAbsence } from '../../src/modules/whereabouts/planned-absences.service.ts';
import { closedEnquiry, openEnquiryOf } from './authz-matrix.enquiries.ts';
import { badRating } from './authz-matrix.ratings.ts';
import type { World } from './world.ts';

/**
 * Records of the office-rule modules (issue 13) for the fuzzer to hit by id or by public code, in
 * department A1 and in B: 整改 items, bad reviews (each with its 整改), an open enquiry of the staff
 * member and a closed one, badges, a department's rating page, door boards and a planned trip.
 * Without them every id the fuzzer sends to these routes would be unknown, and only the 404 path ran.
 */
export async function officeRuleVictims(w: World): Promise<{ ids: string[]; codes: string[] }> {
  const ctx = systemCtx(w.t.db, w.t.clock);
  const ids: string[] = [];
  const codes: string[] = [];
  for (const scope of ['in', 'out'] as const) {
    const department = w.deptOf(scope).id;
    ids.push((await buildRectification(w.t, { departmentId: department })).id);
    const rating = await badRating(w, scope);
    ids.push(rating.id, rating.rectificationId!);
    const closed = await closedEnquiry(w, scope);
    ids.push(closed.id);
    codes.push(closed.code, await ratingPageCode(ctx, department), (await doorBoardFor(ctx, department)).code);
    const person = await w.make.person(scope);
    ids.push(person.id);
    codes.push((await buildBadge(w.t, person.id)).code);
    const start = w.t.clock.now().getTime() + 30 * 86_400_000;
    const trip = await registerAbsence(ctx, {
      personId: person.id,
      kind: 'trip',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 86_400_000).toISOString(),
    });
    ids.push(trip.id);
  }
  const open = await openEnquiryOf(w, w.staffPerson.id);
  ids.push(open.id);
  codes.push(open.code);
  return { ids, codes };
}
