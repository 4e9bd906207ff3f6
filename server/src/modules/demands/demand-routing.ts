import type { Executor } from '../../platform/db/database.ts';

/** The routing suggestion for a submission's text: a category and a department, or nothing yet. */
export type RoutingSuggestion = { category: string | null; departmentId: string | null; matched: string[] };

// placeholder until the segmentation and keyword rules land (same session): no suggestion
export async function suggestRouting(_db: Executor, _text: string): Promise<RoutingSuggestion> {
  return { category: null, departmentId: null, matched: [] };
}
