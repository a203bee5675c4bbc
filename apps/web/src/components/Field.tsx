import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled read-only value on a details card. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}
