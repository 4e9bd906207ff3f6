import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What a person has chosen in a rating form (满意度评价: a level 1–5 and an optional comment) before
 * it is sent, the same for a service (好差评) and a demand's answer (诉求答复).
 */
export function useRatingDraft(commentMax: number) {
  const { i18n } = useTranslation();
  const [level, setLevel] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  // the server's sentence is in the language it was asked in: a new language drops it rather than mix two
  useEffect(() => setError(null), [i18n.language]);

  const trimmed = comment.trim();
  const tooLong = trimmed.length > commentMax;
  const choose = (next: number) => {
    setLevel(next);
    setError(null);
  };
  /** The level and trimmed comment to send, or null: no level yet (says so) or a comment too long (its counter says so). */
  const toSend = (pickLevel: string) => {
    if (level === null) {
      setError(pickLevel);
      return null;
    }
    if (tooLong) return null;
    setError(null);
    return { level, comment: trimmed };
  };
  return { level, choose, comment, setComment, length: trimmed.length, tooLong, error, setError, toSend };
}
