import { Group, Progress, Stack, Text } from '@mantine/core';

/** A labelled progress bar ("3 of 5 done") whose progressbar role has an accessible name. */
export function ProgressBar({
  label,
  done,
  total,
  percent,
  size = 'md',
}: {
  label: string;
  done: number;
  total: number;
  percent: number;
  size?: string;
}) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {total === 0 ? 'No items yet' : `${done} of ${total} done · ${percent}%`}
        </Text>
      </Group>
      <Progress.Root size={size}>
        <Progress.Section value={percent} color={percent === 100 ? 'teal.8' : 'indigo.7'} aria-label={label} />
      </Progress.Root>
    </Stack>
  );
}
