import { parentPort, workerData } from 'node:worker_threads';
import { readRows, type ReadSpec, type SheetRow } from './sheet-rows.ts';
import { Refusal, type XlsxLimits } from './xlsx-limits.ts';

/**
 * The import worker: reads one workbook's rows off the server's event loop, within the heap the
 * parent gave it (resourceLimits), posts how many rows it has read, then the rows or the refusal,
 * and ends — its memory goes back with it. Started by read-in-worker.ts.
 */

export type WorkerInput = { bytes: Uint8Array; spec: ReadSpec<string>; limits: XlsxLimits };
export type WorkerMessage =
  | { kind: 'progress'; rows: number }
  | { kind: 'rows'; rows: SheetRow<string>[] }
  | { kind: 'refused'; refusal: Pick<Refusal, 'code' | 'status' | 'params' | 'detail'> }
  | { kind: 'broken'; message: string };

const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const { bytes, spec, limits } = workerData as WorkerInput;

try {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  post({ kind: 'rows', rows: await readRows(buffer, spec, limits, (rows) => post({ kind: 'progress', rows })) });
} catch (err) {
  if (err instanceof Refusal)
    post({ kind: 'refused', refusal: { code: err.code, status: err.status, params: err.params, detail: err.detail } });
  else post({ kind: 'broken', message: err instanceof Error ? err.message : String(err) });
}
