import { Outlet } from 'react-router';
import type { UserRole } from '../api/client';
import { EmptyState } from '../components/states';
import { useCurrentUser } from './session';

/** Hides pages from roles the API would refuse anyway (403), with a message instead of a broken page. */
export function RequireRole({ role }: { role: UserRole }) {
  const me = useCurrentUser();
  if (me.role !== role) return <EmptyState title="Not available">This page is for {role}s only.</EmptyState>;
  return <Outlet context={me} />;
}
