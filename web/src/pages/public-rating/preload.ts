import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { publicKeys, publicUrls } from './hooks.ts';

const PAGES = {
  b: { load: () => import('./PublicBadgePage.tsx'), record: 'badge' },
  e: { load: () => import('./PublicEnquiryPage.tsx'), record: 'enquiry' },
  r: { load: () => import('./PublicResultsPage.tsx'), record: 'results' },
} as const;

/**
 * A QR code opens a badge on a phone: the public shell, the page's code and its one answer are asked
 * for together at start-up instead of one after the other as each arrives (round trips saved on a
 * slow line). The answer lands in the query cache under the key the page reads.
 */
export function startPublicRatingPage(pathname: string, queryClient: QueryClient) {
  const match = new RegExp(`^${PUBLIC_BASE}/([ber])/([^/]+)/?$`).exec(pathname);
  if (!match) return;
  const page = PAGES[match[1] as keyof typeof PAGES];
  let code: string;
  try {
    code = decodeURIComponent(match[2]!);
  } catch {
    return; // a malformed address: the page says so itself
  }
  void import('../../layout/public/PublicLayout.tsx').catch(() => undefined);
  void page.load().catch(() => undefined);
  void queryClient.prefetchQuery({
    queryKey: publicKeys[page.record](code),
    queryFn: ({ signal }) => api.get<unknown>(publicUrls[page.record](code), undefined, signal),
    meta: { silent: true },
  });
}
