import type { QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { PUBLIC_BASE } from '../../layout/public/paths.ts';
import { publicKeys, publicUrls } from './hooks.ts';

const PAGES = {
  b: { load: () => import('./PublicBadgePage.tsx'), record: 'badge' },
  e: { load: () => import('./PublicEnquiryPage.tsx'), record: 'enquiry' },
  r: { load: () => import('./PublicResultsPage.tsx'), record: 'results' },
} as const;

/** The badge the server put into the page (server/src/modules/badges/badges.page.ts), read once. */
function embeddedBadge(): unknown {
  const script = document.getElementById('badge-data');
  if (!script) return undefined;
  script.remove();
  try {
    return JSON.parse(script.textContent ?? '');
  } catch {
    return undefined;
  }
}

/**
 * A QR code opens a badge on a phone: the public shell, the page's code and its one answer are asked
 * for together at start-up instead of one after the other as each arrives (round trips saved on a
 * slow line). The answer lands in the query cache under the key the page reads — taken from the page
 * itself when the server rendered the badge into it, so it is not asked for again. Then the promise
 * returned says when the page's code is here: the server's card stays until React can replace it
 * with the page (web/src/main.tsx), instead of blinking to the boot line meanwhile.
 */
export function startPublicRatingPage(pathname: string, queryClient: QueryClient): Promise<unknown> | undefined {
  const match = new RegExp(`^${PUBLIC_BASE}/([ber])/([^/]+)/?$`).exec(pathname);
  if (!match) return;
  const page = PAGES[match[1] as keyof typeof PAGES];
  let code: string;
  try {
    code = decodeURIComponent(match[2]!);
  } catch {
    return; // a malformed address: the page says so itself
  }
  const loaded = Promise.all([import('../../layout/public/PublicLayout.tsx'), page.load()]).catch(() => undefined);
  const embedded = page.record === 'badge' ? embeddedBadge() : undefined;
  if (embedded) {
    queryClient.setQueryData(publicKeys.badge(code), embedded);
    return loaded;
  }
  void queryClient.prefetchQuery({
    queryKey: publicKeys[page.record](code),
    queryFn: ({ signal }) => api.get<unknown>(publicUrls[page.record](code), undefined, signal),
    meta: { silent: true },
  });
}
