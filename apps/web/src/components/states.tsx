import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Something went wrong" role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={480} ta="center">
        <Title order={3}>{title}</Title>
        {children && <Text c="dimmed">{children}</Text>}
      </Stack>
    </Center>
  );
}

/** A record that is not there (an unknown or malformed id in the address): says so, with a way back. */
export function NotFoundState({ title, children, back }: { title: string; children?: ReactNode; back: { to: string; label: string } }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="sm" maw={520} ta="center">
        <Title order={2}>{title}</Title>
        {children && <Text c="dimmed">{children}</Text>}
        <Button component={Link} to={back.to} variant="light">
          {back.label}
        </Button>
      </Stack>
    </Center>
  );
}

/** A 404, or a 400 about the address itself (a malformed id): the record cannot be shown, which is not a failure to retry. */
export function isNotFound(error: Error): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/** The wording for a stale link's reset filters: "Status and Opened from". */
export function FiltersResetNotice({ names, onClose }: { names: string[]; onClose: () => void }) {
  if (!names.length) return null;
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return (
    <Alert color="blue" role="status" title="Some filters were reset" withCloseButton closeButtonLabel="Dismiss" onClose={onClose}>
      <Text size="sm">
        This link had a value TA Desk does not know for {list}, so {names.length === 1 ? 'that filter was' : 'those filters were'} cleared.
        The other filters still apply.
      </Text>
    </Alert>
  );
}
