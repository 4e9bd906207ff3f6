/**
 * How the door board lays its people out on the screen it is given. A screen beside the door is read
 * from a few metres and nobody scrolls it: the cards are made as large as the screen allows with
 * everyone on it. A card is about twice as wide as it is tall (photo on the left, the words on the
 * right); all sizes inside it follow its height (the CSS unit --u is 1 % of it). Below `minHeight`
 * words would no longer read from 3 m, so a department too large for one screen keeps that size and
 * the page scrolls instead of shrinking further. A phone gets one column.
 */
export type GridFit = { columns: number; cardHeight: number };

const ASPECT = 2.1; // card width ÷ height, the least that holds a 4-character name and a 4-character state beside the photo
const MAX_HEIGHT = 300;
const MIN_HEIGHT = 176;
const PHONE_WIDTH = 640;
const PHONE_HEIGHT = 132;

export function fitGrid(count: number, width: number, height: number, gap: number): GridFit {
  if (width < PHONE_WIDTH) return { columns: 1, cardHeight: PHONE_HEIGHT };
  const n = Math.max(count, 1);
  let best: GridFit = { columns: 1, cardHeight: 0 };
  for (let columns = 1; columns <= n; columns++) {
    const rows = Math.ceil(n / columns);
    const cardWidth = (width - (columns - 1) * gap) / columns;
    const fitsHeight = (height - (rows - 1) * gap) / rows;
    const cardHeight = Math.min(fitsHeight, cardWidth / ASPECT, MAX_HEIGHT);
    if (cardHeight > best.cardHeight) best = { columns, cardHeight };
  }
  if (best.cardHeight >= MIN_HEIGHT) return { columns: best.columns, cardHeight: Math.floor(best.cardHeight) };
  // too many for one screen: as many columns of readable cards as fit across, and the page scrolls
  const columns = Math.max(1, Math.floor((width + gap) / (MIN_HEIGHT * ASPECT + gap)));
  return { columns, cardHeight: MIN_HEIGHT };
}
