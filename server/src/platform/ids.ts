import { uuidv7 } from 'uuidv7';
/** Sortable ids: UUIDv7, time-ordered, unguessable enough for records (not for secrets). */
export const newId = (): string => uuidv7();
