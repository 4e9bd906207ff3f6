import { createRequire } from 'node:module';
import type { Jieba, TfIdf } from '@node-rs/jieba';

/**
 * 分词 — the words of a submission, as routing (keyword rules) and the similar-item lookup (并单)
 * see them: jieba's segmentation (with HMM for words the dictionary lacks, such as place names),
 * NFKC-normalised (full-width letters and digits become plain ones) and lower-cased.
 */

const require = createRequire(import.meta.url);

type Segmenter = { jieba: Jieba; tfIdf: () => TfIdf };
let segmenter: Segmenter | null = null;

/**
 * One per process, built on first use: the dictionary takes about a quarter of a second to load,
 * and the keyword weights (TF-IDF) another, needed only for long texts.
 */
function segmenterOf(): Segmenter {
  if (segmenter) return segmenter;
  const { Jieba, TfIdf } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const dicts = require('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
  let tfIdf: TfIdf | null = null;
  segmenter = { jieba: Jieba.withDict(dicts.dict), tfIdf: () => (tfIdf ??= TfIdf.withDict(dicts.idf)) };
  return segmenter;
}

/** Particles, pronouns and courtesy phrases: in every submission, so they tell none apart. */
const STOP_WORDS = new Set([
  ...'的 地 得 了 着 过 和 与 及 或 是 在 有 我 你 您 他 她 它 这 那 就 都 也 还 又 很 太 吗 呢 吧 啊 呀 哦 嗯 把 被 给 让 对 从 向 到 为 以 于 之 其 而 并 但 等 个 能 请 要 会 将 已 再 才 该'.split(
    ' ',
  ),
  ...'我们 你们 他们 她们 咱们 大家 自己 希望 一下 一些 一个 这个 那个 这些 那些 这里 那里 这样 那样 什么 怎么 如何 因为 所以 但是 而且 并且 如果 可以 能够 可能 应该 需要 已经 一直 现在 目前 非常 特别 比较 还是 或者 以及 进行 有关 相关 有关部门 相关部门 您好 你好 尊敬 领导 谢谢 感谢 麻烦 请问 尽快 问题 情况'.split(
    ' ',
  ),
]);

const MEANINGLESS = /^[\p{P}\p{S}\p{Z}\s]*$/u;
const HAN = /\p{Script=Han}/u;

/** A word worth keeping: not punctuation or space, not a stop word, and a lone character only if it is Chinese. */
const keeps = (w: string) => !MEANINGLESS.test(w) && !STOP_WORDS.has(w) && (w.length > 1 || HAN.test(w));

/** The distinct words of `text`, in order of first appearance. */
export function wordsOf(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const seen = new Set<string>();
  for (const raw of segmenterOf().jieba.cut(normal, true)) {
    const w = raw.trim();
    if (keeps(w)) seen.add(w);
  }
  return [...seen];
}

/** Words kept per submission for the similar-item lookup: enough for a long letter's gist. */
export const WORDS_PER_ITEM = 64;

/**
 * The words that stand for `text` in the similar-item lookup: all its words when they are few; of a
 * long text the `cap` most telling ones by TF-IDF (a long letter's greeting and preamble say little),
 * topped up in order of appearance. The same function indexes items and reads queries, so both
 * sides of a comparison are cut alike.
 */
export function keyWordsOf(text: string, cap = WORDS_PER_ITEM, words = wordsOf(text)): string[] {
  if (words.length <= cap) return words;
  const known = new Set(words);
  const { jieba, tfIdf } = segmenterOf();
  const ranked = tfIdf()
    .extractKeywords(jieba, text.normalize('NFKC'), cap * 2)
    .map((k) => k.keyword.toLowerCase())
    .filter((w) => known.has(w));
  const chosen = new Set(ranked.slice(0, cap));
  for (const w of words) {
    if (chosen.size >= cap) break;
    chosen.add(w);
  }
  return [...chosen];
}
