import { useQuery } from '@tanstack/react-query';
import { centerQuery, NEUTRAL_CENTER, type PublicCenter } from '../../api/settings';

/**
 * The center as the API wrote it into request.html (`<meta name="ta-center">`, see apps/api/src/web/center-page.ts),
 * so the public pages know it without a request of their own; empty under `npm run dev:web`, which serves the file as is.
 */
function centerInPage(): PublicCenter | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="ta-center"]')?.content;
  if (!content) return undefined;
  try {
    return JSON.parse(content) as PublicCenter;
  } catch {
    return undefined;
  }
}

const inPage = centerInPage();

/** The center's public face on the public pages: from the page itself, else from GET /settings/center. */
export function useCenter(): PublicCenter {
  const center = useQuery({ ...centerQuery, initialData: inPage, staleTime: inPage ? Infinity : centerQuery.staleTime });
  return center.data ?? NEUTRAL_CENTER;
}
