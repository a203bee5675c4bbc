import { Box, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const TONES = {
  caution: { background: 'var(--mantine-color-yellow-0)', border: 'var(--mantine-color-yellow-6)' },
  error: { background: 'var(--mantine-color-red-0)', border: 'var(--mantine-color-red-7)' },
  info: { background: 'var(--mantine-color-indigo-0)', border: 'var(--mantine-color-indigo-7)' },
  success: { background: 'var(--mantine-color-teal-0)', border: 'var(--mantine-color-teal-7)' },
};

/** A callout with dark text on a pale tint (Mantine's light alerts color their text, which reads poorly and fails contrast). */
export function Notice({
  tone,
  title,
  children,
  role,
}: {
  tone: keyof typeof TONES;
  title: string;
  children?: ReactNode;
  role?: 'alert' | 'status' | 'note';
}) {
  const { background, border } = TONES[tone];
  return (
    <Box role={role} p="md" style={{ background, borderLeft: `4px solid ${border}`, borderRadius: 'var(--mantine-radius-md)' }}>
      <Stack gap={4}>
        <Text fw={700} c="dark.8">
          {title}
        </Text>
        {children && (
          <Text size="sm" c="dark.7" component="div">
            {children}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
