import { writeEpoch } from '../../platform/db/write-epoch.ts';

/**
 * Moves on after every committed write to departments, posts or people: what other modules show of
 * the organisation (names, who acts for a post) may have changed, so what they built from it is rebuilt.
 */
export const directoryEpoch = writeEpoch('directory');
