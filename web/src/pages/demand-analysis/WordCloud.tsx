import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WordWeight } from '@qinlian/contracts';

const COLOURS = ['#b71c1c', '#1d39c4', '#08979c', '#531dab', '#d4380d', '#389e0d', '#c41d7f', '#595959'];
const SMALLEST = 12;
const LARGEST = 34;

/**
 * 词云: the words people used most, each sized by how many used it (a square-root scale, so one big
 * word does not shrink the rest to dots). Plain text in a wrapping row: it reflows on a phone and
 * reads out as a list; the most used words come first.
 */
export function WordCloud({ words, max = 60 }: { words: WordWeight[]; max?: number }) {
  const { t } = useTranslation();
  const shown = words.slice(0, max);
  if (shown.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('demandAnalysis.empty')} />;
  const top = Math.sqrt(Math.max(...shown.map((w) => w.weight)));
  const low = Math.sqrt(Math.min(...shown.map((w) => w.weight)));
  const size = (weight: number) =>
    top === low ? 20 : Math.round(SMALLEST + ((Math.sqrt(weight) - low) / (top - low)) * (LARGEST - SMALLEST));
  return (
    <ul
      data-testid="analysis-word-cloud"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: '4px 12px',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {shown.map((w, i) => (
        <li
          key={w.word}
          title={t('demandAnalysis.peopleCount', { count: w.weight })}
          data-testid="analysis-word"
          data-weight={w.weight}
          style={{
            fontSize: size(w.weight),
            lineHeight: 1.25,
            color: COLOURS[i % COLOURS.length],
            fontWeight: i < 5 ? 600 : 400,
            overflowWrap: 'anywhere',
          }}
        >
          {w.word}
        </li>
      ))}
    </ul>
  );
}
