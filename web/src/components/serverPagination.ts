import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

type Paging = { page: number; pageSize: number };

/**
 * The pager of a list the server pages: where it stands, how many in all, a choice of page size.
 * A new page size goes back to the first page: the page it was on may not exist at the new size.
 */
export function serverPagination(
  t: TFunction,
  { page, pageSize, total }: Paging & { total: number },
  onChange: (paging: Paging) => void,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (all) => t('common.total', { total: all }),
    onChange: (next, size) => onChange({ page: size === pageSize ? next : 1, pageSize: size }),
  };
}
