import './rating-levels.css';

type Props = {
  /** 1 非常不满意 … 5 非常满意, from the page's copy of its contract */
  levels: readonly number[];
  /** the radio group's name, as the form sends it */
  name: string;
  legend: string;
  value: number | null;
  onChange: (level: number) => void;
  labelOf: (level: number) => string;
  testIdOf: (level: number) => string;
  /** what a bad review (差评) leads to, shown once one is chosen; null for a good one */
  badNote: string | null;
  badNoteTestId?: string;
};

/** Five big levels to tap, stacked on a phone and side by side where there is room, coloured red to green. */
export function RatingLevels({ levels, name, legend, value, onChange, labelOf, testIdOf, badNote, badNoteTestId }: Props) {
  return (
    <>
      <fieldset className="rating-levels">
        <legend className="visually-hidden">{legend}</legend>
        {levels.map((level) => (
          <label
            key={level}
            className={`rating-level rating-level-${level}${value === level ? ' chosen' : ''}`}
            data-testid={testIdOf(level)}
          >
            <input
              type="radio"
              name={name}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
              className="visually-hidden"
            />
            <span className="rating-level-mark" aria-hidden="true">
              {level}
            </span>
            <span className="rating-level-label">{labelOf(level)}</span>
          </label>
        ))}
      </fieldset>
      {badNote && (
        <p className="rating-bad-note" data-testid={badNoteTestId}>
          {badNote}
        </p>
      )}
    </>
  );
}
