import { Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { User, UserRole } from '../../api/client';
import { usersQuery } from '../../api/queries';
import { useCurrentUser } from '../../auth/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { CreateUserModal } from './CreateUserModal';
import { DeactivateUserButton } from './DeactivateUserButton';
import { useUpdateUser } from './useUpdateUser';
import { ROLE_OPTIONS, roleLabel } from '../../auth/roles';
import { plural } from '../../components/plural';

const PAGE_SIZE = 20;

export function UsersPage() {
  const [creating, { open, close }] = useDisclosure();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  // The search lives in the URL (a view can be shared); typing replaces the entry instead of piling up history.
  const setSearch = (value: string, replace: boolean) => setParams(value.trim() ? { q: value.trim() } : {}, { replace });
  const pushQ = useDebouncedCallback((value: string) => setSearch(value, true), 300);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Users</Title>
        <Button onClick={open}>New user</Button>
      </Group>
      {/* Once created, the new user is shown on its own, whatever page it would sort onto. */}
      <CreateUserModal
        opened={creating}
        onClose={close}
        onCreated={(user) => {
          setQ(user.email);
          setSearch(user.email, false);
        }}
      />
      <TextInput
        label="Search"
        type="search"
        placeholder="Name or email"
        maw={360}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          pushQ(event.currentTarget.value);
        }}
      />
      <UsersTable />
    </Stack>
  );
}

function UsersTable() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  // Keeps the current page on screen while the next one loads.
  const users = useQuery({ ...usersQuery(page, PAGE_SIZE, q), placeholderData: keepPreviousData });

  if (users.isPending) return <LoadingState label="Loading users…" />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  const { items, total } = users.data;
  if (items.length === 0)
    return q ? (
      <EmptyState title="No user matches">Nobody's name or email contains “{q}”.</EmptyState>
    ) : (
      <EmptyState title="No users here">Create a staff user with “New user”.</EmptyState>
    );

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing="sm" aria-busy={users.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {plural(total, 'user')}
        </Text>
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(next) => setParams({ ...(q ? { q } : {}), page: String(next) })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      </Group>
    </>
  );
}

function UserRow({ user }: { user: User }) {
  const me = useCurrentUser();
  const update = useUpdateUser();
  // Changing your own role or deactivating yourself would lock you out of this page mid-task.
  const isMe = user.id === me.id;

  return (
    <Table.Tr>
      <Table.Td>{user.name}</Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <Select
          aria-label={`Role of ${user.name}`}
          data={ROLE_OPTIONS}
          value={user.role}
          allowDeselect={false}
          disabled={isMe || update.isPending}
          onChange={(role) =>
            role &&
            update.mutate({ user, change: { role: role as UserRole }, saved: `${user.name} is now ${roleLabel(role).toLowerCase()}` })
          }
          w={160}
        />
      </Table.Td>
      <Table.Td>
        {/* Filled with dark shades: the light variant's colored text fails contrast. */}
        <Badge color={user.active ? 'teal.9' : 'gray.7'}>{user.active ? 'Active' : 'Deactivated'}</Badge>
      </Table.Td>
      <Table.Td>
        {user.active ? (
          <DeactivateUserButton user={user} disabled={isMe} />
        ) : (
          <Button
            size="xs"
            variant="light"
            color="teal"
            loading={update.isPending}
            onClick={() => update.mutate({ user, change: { active: true }, saved: `${user.name} can sign in again` })}
          >
            Reactivate
            <VisuallyHidden> {user.name}</VisuallyHidden>
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
