import { describe, expect, it } from 'vitest';
import { reorderPatches } from './hooks.ts';

const item = (id: string, sort: number) => ({ id, sort, version: 3 });

describe('reorderPatches', () => {
  it('swaps neighbours and saves only the items whose number changes', () => {
    const list = [item('a', 1), item('b', 2), item('c', 3)];
    expect(reorderPatches(list, 'c', -1)).toEqual([
      { id: 'c', sort: 2, version: 3 },
      { id: 'b', sort: 3, version: 3 },
    ]);
  });

  it('numbers an imported list with equal sort values, which a swap alone could not order', () => {
    const list = [item('a', 0), item('b', 0), item('c', 0)];
    expect(reorderPatches(list, 'a', 1)).toEqual([
      { id: 'b', sort: 1, version: 3 },
      { id: 'a', sort: 2, version: 3 },
      { id: 'c', sort: 3, version: 3 },
    ]);
  });

  it('does nothing past either end', () => {
    const list = [item('a', 1), item('b', 2)];
    expect(reorderPatches(list, 'a', -1)).toEqual([]);
    expect(reorderPatches(list, 'b', 1)).toEqual([]);
  });
});
