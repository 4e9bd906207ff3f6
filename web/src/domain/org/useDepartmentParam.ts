import { useSearchParams } from 'react-router';

/**
 * The department a per-department page shows (`?departmentId=`, else the reader's own), and the
 * picker's setter that keeps it in the address without adding a history entry.
 */
export function useDepartmentParam(own: string | null | undefined) {
  const [params, setParams] = useSearchParams();
  const departmentId = params.get('departmentId') || own || undefined;
  const pick = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('departmentId', id);
        else next.delete('departmentId');
        return next;
      },
      { replace: true },
    );
  return [departmentId, pick] as const;
}
