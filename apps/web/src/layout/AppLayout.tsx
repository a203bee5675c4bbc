import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { ApiError, type Me } from '../api/client';
import { meQuery } from '../api/queries';
import { centerQuery } from '../api/settings';
import { ErrorState, LoadingState } from '../components/states';
import { UserMenu } from './UserMenu';

/** `server`: a page the API serves itself (Bull Board), reached with a full page load rather than the router. */
const NAV: { to: string; label: string; roles?: Me['role'][]; server?: boolean }[] = [
  { to: '/cases', label: 'Cases' },
  { to: '/escalations', label: 'Escalations', roles: ['lead', 'admin'] },
  { to: '/unmatched-mail', label: 'Unmatched mail', roles: ['lead', 'admin'] },
  { to: '/organizations', label: 'Organizations' },
  { to: '/follow-ups', label: 'Follow-ups' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/intensity', label: 'Intensity', roles: ['lead', 'admin'] },
  { to: '/admin/users', label: 'Admin', roles: ['admin'] },
  { to: '/admin/settings', label: 'Settings', roles: ['admin'] },
  { to: '/admin/instruments', label: 'Instruments', roles: ['admin'] },
  { to: '/admin/emails', label: 'Emails', roles: ['lead', 'admin'] },
  { to: '/admin/queues', label: 'Queues', roles: ['admin'], server: true },
];

/** The signed-in staff shell: loads the current user once, then renders the page with it as outlet context. */
export function AppLayout() {
  const me = useQuery(meQuery);
  // The center's short name heads the shell; TA Desk's own name until it arrives (or if it cannot).
  const center = useQuery(centerQuery);
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();

  // A 401 is already on its way to /login (api/client.ts); keep the spinner meanwhile.
  if (me.isPending || (me.error instanceof ApiError && me.error.status === 401)) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;

  const user = me.data;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h3">
              {center.data?.shortName ?? 'TA Desk'}
            </Title>
            {center.data && center.data.shortName !== 'TA Desk' && (
              <Text size="sm" c="dimmed" visibleFrom="sm">
                TA Desk
              </Text>
            )}
          </Group>
          <UserMenu user={user} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) =>
          item.server ? (
            <NavLink key={item.to} component="a" href={item.to} label={item.label} variant="filled" />
          ) : (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={item.label}
              // Filled, not Mantine's default light tint: under the pointer the tint's text falls to 4.46:1 (axe, WCAG AA 4.5).
              variant="filled"
              active={pathname.startsWith(item.to)}
              onClick={close}
            />
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet context={user} />
      </AppShell.Main>
    </AppShell>
  );
}
