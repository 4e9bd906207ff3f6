import { writeEpoch } from '../db/write-epoch.ts';

/**
 * Moves on after every committed write to what actors are derived from: roles and their
 * permissions and scopes, an account's roles, a person's name and department, the department tree.
 */
const epoch = writeEpoch('authorization');

export const authorizationEpoch = epoch.current;
/** This write changes what actors are derived from: cached actors are rebuilt once it commits. */
export const authorizationChanged = epoch.changed;
