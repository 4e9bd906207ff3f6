import type { DispatchItem, DispatchItemInput, DispatchSheet } from '@qinlian/contracts';

/** An item as the editor sends it back: what it is, whose it is, the office's note. */
export const itemInput = (i: DispatchItem): DispatchItemInput => ({
  id: i.id,
  title: i.title,
  detail: i.detail,
  departmentId: i.departmentId,
  leaderPersonId: i.leaderPersonId,
  note: i.note,
});

/** The sheet's items in their order, as a save sends them. */
export const itemInputs = (sheet: DispatchSheet): DispatchItemInput[] => sheet.groups.flatMap((g) => g.items.map(itemInput));
