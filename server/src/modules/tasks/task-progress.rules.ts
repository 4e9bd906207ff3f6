/** A cooperating department's sub-item (协办) as the roll-up sees it: its progress, and whether it has reported yet. */
export type Share = { progress: number; reported: boolean };

/**
 * The task's progress from the lead department's own share and the cooperating departments'
 * sub-items (协办). The lead counts as much as all cooperators together; a sub-item counts once its
 * department has reported on it (until then the lead's reports speak for the whole task, as before
 * sub-items existed). Without a reported sub-item it is the lead's own progress.
 */
export function rolledUpProgress(own: number, shares: Share[]): number {
  const reported = shares.filter((s) => s.reported);
  if (reported.length === 0) return own;
  const mean = reported.reduce((sum, s) => sum + s.progress, 0) / reported.length;
  return Math.round((own + mean) / 2);
}
