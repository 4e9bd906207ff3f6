import { describe, expect, it, vi } from 'vitest';
import i18n from 'i18next';
import { serverPagination } from './serverPagination.ts';

describe('serverPagination', () => {
  it('turns pages at the same size, and goes back to the first page at a new size', () => {
    const onChange = vi.fn();
    const pager = serverPagination(i18n.t, { page: 4, pageSize: 20, total: 95 }, onChange);
    expect(pager).toMatchObject({ current: 4, pageSize: 20, total: 95, showSizeChanger: true });
    pager.onChange!(5, 20);
    expect(onChange).toHaveBeenLastCalledWith({ page: 5, pageSize: 20 });
    pager.onChange!(4, 50);
    expect(onChange).toHaveBeenLastCalledWith({ page: 1, pageSize: 50 });
    expect(pager.showTotal!(95, [61, 80])).toBe('共 95 条');
  });
});
