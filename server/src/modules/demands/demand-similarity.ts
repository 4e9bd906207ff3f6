import type { TxCtx } from '../../platform/context.ts';
import type { DemandRow } from './demands.repo.ts';

// placeholder until the similar-item index lands (same session)
export async function indexDemandWords(_tx: TxCtx, _row: DemandRow): Promise<void> {}
