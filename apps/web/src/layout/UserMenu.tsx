import { Avatar, Button, Menu, Text } from '@mantine/core';
import type { Me } from '../api/client';
import { roleLabel } from '../auth/roles';
import { useLogout } from '../auth/session';
import { notifyFailed } from '../notify';

/** Filled at the theme's shade 7, these keep white initials above 4.5:1 (others, e.g. orange, do not). */
const INITIALS_COLORS = ['indigo', 'violet', 'grape'];

export function UserMenu({ user }: { user: Me }) {
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button
          variant="subtle"
          leftSection={
            <Avatar name={user.name} size="sm" color="initials" variant="filled" allowedInitialsColors={INITIALS_COLORS} aria-hidden />
          }
        >
          {user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={500} c="bright">
            {user.name}
          </Text>
          <Text size="xs">{roleLabel(user.role)}</Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={() => logout.mutate(undefined, { onError: notifyFailed })} disabled={logout.isPending}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
