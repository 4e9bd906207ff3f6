import { entryString, zipEntries } from '../zip-entries.ts';
import { DEFAULT_XLSX_LIMITS, Refusal } from '../xlsx-limits.ts';
import type { OfficialBlock, OfficialDocument } from './model.ts';

/**
 * A quarterly bulletin (季度通报) shaped like the ones issue 16 produces: long enough to run over
 * several pages, with both levels of headings, a run-in heading, a ranking table and attachments.
 */
export const SAMPLE_TITLE = '关于2026年第三季度勤廉新区建设工作推进情况的通报';
export const SAMPLE_NUMBER = '赣新勤廉〔2026〕3号';
export const SAMPLE_SENTENCE = '本季度各部门共办结任务一千二百件，按期办结率百分之九十六。';

const RANKING = {
  kind: 'table',
  caption: '表1  各部门任务办理情况排名',
  columns: ['排名', '部门', '按期办结率', '办结率', '红色预警', '退回销号'],
  rows: [
    [1, '党政办公室', '98.5%', '99.0%', 0, 0],
    [2, '经济发展局', '97.2%', '98.1%', 1, 0],
    [3, '财政金融局', '95.0%', '96.4%', 2, 1],
    [4, '自然资源和规划建设局', '88.1%', '90.0%', 5, 3],
  ],
} satisfies OfficialBlock;

const filler = (n: number) =>
  Array.from({ length: n }, (_, i): OfficialBlock => ({
    kind: 'paragraph',
    text: `第${i + 1}段：各部门坚持一线工作法，一名领导牵头一个项目，一周一调度、一月一小结，推动问题在一线发现、在一线解决，挂牌作战、一件一销号，确保各项任务按时间表、任务书、责任人落到实处。`,
  }));

export const SAMPLE_BULLETIN: OfficialDocument = {
  organ: '赣江新区勤廉新区建设领导小组办公室',
  number: SAMPLE_NUMBER,
  title: SAMPLE_TITLE,
  date: '2026-10-09',
  recipients: ['各部门', '各园区', '各国有企业'],
  body: [
    { kind: 'paragraph', text: SAMPLE_SENTENCE },
    { kind: 'heading1', text: '总体情况' },
    { kind: 'heading2', text: '任务推进。', runIn: '六大工程20条具体举措全部分解到部门和岗位。' },
    ...filler(6),
    { kind: 'heading2', text: '排名情况' },
    RANKING,
    { kind: 'heading1', text: '存在的问题' },
    ...filler(8),
    { kind: 'heading1', text: '下一步工作要求' },
    ...filler(6),
  ],
  attachments: ['逾期事项清单', '领导批示意见'],
};

/** Every part of a DOCX (or any ZIP) by name, as text, read with the reader the imports use. */
export async function zipParts(bytes: Buffer): Promise<Map<string, string>> {
  const budget = { left: DEFAULT_XLSX_LIMITS.unpackedBytes };
  const parts = new Map<string, string>();
  for (const e of zipEntries(bytes, DEFAULT_XLSX_LIMITS)) {
    parts.set(e.name, await entryString(bytes, e, budget, () => new Refusal('import_too_large', 413)));
  }
  return parts;
}
