/**
 * Substring search over short Chinese text (titles, codes) through an ordinary full-text index.
 *
 * Chinese has no spaces to split words on, and the words people type are two to four characters
 * (台账, 督查, 营商环境). So a text is indexed as its overlapping character pairs (bigrams) —
 * "营商环境" → 营商 商环 环境 — and a query of n ≥ 2 characters becomes the phrase of its n − 1
 * pairs, which a text contains exactly when it contains the query. Trigram indexes (FTS5
 * `trigram`, pg_trgm) cannot answer the many two-character words.
 *
 * Both sides are compared after the same normalisation: NFKC (full-width Ｑ１ → q1), lower case,
 * letters, marks and digits only — punctuation and spaces are ignored, so "QL-2026-001" finds
 * "QL2026001" and "营商 环境" finds "营商环境". Every pair is then letters or digits only, and
 * stays one token whatever the engine's tokenizer does with punctuation or its locale.
 */

/** Fewer characters than this (after normalising) cannot be looked up in the index. */
export const MIN_SEARCH_CHARS = 2;

/** What search compares: NFKC, lower case, letters, marks and digits only, as code points. */
export function searchChars(text: string): string[] {
  return Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, ''),
  );
}

/** The overlapping character pairs of a text, in order (none for fewer than two characters). */
export function bigrams(text: string): string[] {
  const chars = searchChars(text);
  const out: string[] = [];
  for (let i = 1; i < chars.length; i++) out.push(chars[i - 1]! + chars[i]!);
  return out;
}

// The two engines' spellings of the same index entries and queries.

/** SQLite FTS5 column text: the pairs separated by spaces (the `ascii` tokenizer splits on them only). */
export const fts5Text = (grams: string[]) => grams.join(' ');

/** SQLite FTS5 query: the pairs as one phrase (a quoted string: no operator inside it is read). */
export const fts5Phrase = (grams: string[]) => `"${grams.join(' ')}"`;

/** A pair is letters, marks or digits only: quoting needs no escapes. */
const lexeme = (gram: string) => `'${gram}'`;

/**
 * PostgreSQL tsvector literal: each pair a lexeme at its position, built here rather than by
 * `to_tsvector` so no parser or locale decides what a token is. Fields are one position apart,
 * so a phrase never runs from the end of one into the start of the next.
 */
export function tsvectorLiteral(fields: string[][]): string {
  const entries: string[] = [];
  let position = 0;
  for (const grams of fields) {
    for (const g of grams) entries.push(`${lexeme(g)}:${++position}`);
    position++;
  }
  return entries.join(' ');
}

/** PostgreSQL tsquery literal: the pairs as a phrase, each followed by the next (`<->`). */
export const tsqueryPhrase = (grams: string[]) => grams.map(lexeme).join(' <-> ');
