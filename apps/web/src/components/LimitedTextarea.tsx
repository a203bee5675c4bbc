import { Stack, Text, Textarea, type TextareaProps } from '@mantine/core';
import { charCount } from './limits';

/**
 * A long text field with a character counter under it. No `maxLength` on the element: a paste past the limit is
 * kept whole and the form's `atMostChars` check says how much to cut, rather than the browser silently dropping the end.
 */
export function LimitedTextarea({ limit, value, ...props }: TextareaProps & { limit: number; value?: string }) {
  const length = (value ?? '').length;
  const over = length > limit;
  const near = !over && length >= limit * 0.9;
  return (
    <Stack gap={2}>
      <Textarea value={value} {...props} />
      <Text size="xs" c={over ? 'red.8' : near ? 'orange.9' : 'dimmed'} ta="right" fw={over ? 600 : undefined}>
        {charCount(length, limit)}
        {near ? ' · nearly at the limit' : ''}
      </Text>
    </Stack>
  );
}
