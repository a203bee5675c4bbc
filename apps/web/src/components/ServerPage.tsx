import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { LoadingState } from './states';

/** A path the API serves itself (the queues dashboard): reached from inside the app, it is loaded from the server. */
export function ServerPage() {
  const { pathname, search } = useLocation();
  useEffect(() => {
    window.location.assign(pathname + search);
  }, [pathname, search]);
  return <LoadingState label="Opening…" />;
}
