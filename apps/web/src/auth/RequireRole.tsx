import { Outlet } from 'react-router';
import type { UserRole } from '../api/client';
import { EmptyState } from '../components/states';
import { roleLabel } from './roles';
import { useCurrentUser } from './session';

/** Hides pages from roles the API would refuse anyway (403), with a message instead of a broken page. */
export function RequireRole({ role }: { role: UserRole | UserRole[] }) {
  const me = useCurrentUser();
  const roles = Array.isArray(role) ? role : [role];
  if (!roles.includes(me.role)) {
    const who = roles.map((r) => `${roleLabel(r).toLowerCase()}s`).join(' and ');
    return <EmptyState title="Not available">This page is for {who} only.</EmptyState>;
  }
  return <Outlet context={me} />;
}
