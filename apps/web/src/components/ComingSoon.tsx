import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from './states';

/** A staff page whose feature is not built yet: its title and what it will hold. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <EmptyState title="Coming soon">{children}</EmptyState>
    </Stack>
  );
}
