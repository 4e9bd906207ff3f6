import type { DemandMergeResult, DemandSimilarList, DemandStatus } from '@qinlian/contracts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import type { MergeOutcome } from './demand-merge.service.ts';
import type { SimilarDemand } from './demand-similarity.ts';

/** 并单候选 as the console shows them: what tells them apart, and how alike (three decimals). */
export const presentSimilar = (found: SimilarDemand[]): DemandSimilarList => ({
  items: found.map(({ row, score }) => ({
    id: row.id,
    code: formatTrackingCode(row.code),
    title: row.title,
    status: row.status as DemandStatus,
    createdAt: row.createdAt,
    score: Math.round(score * 1000) / 1000,
  })),
});

/** After a merge or its undo: both items' new versions, for the console's next write. */
export const presentMergeOutcome = ({ item, target }: MergeOutcome): DemandMergeResult => ({
  id: item.id,
  mergedIntoId: item.mergedIntoId,
  version: item.version,
  target: { id: target.id, code: formatTrackingCode(target.code), version: target.version },
});
