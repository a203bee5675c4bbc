import { Text, TextInput, type TextInputProps } from '@mantine/core';

/** Whether a `datetime-local` value is already past (an empty or unreadable value is not). */
export function isPast(value: string, now: Date = new Date()): boolean {
  const date = new Date(value);
  return !!value && !Number.isNaN(date.getTime()) && date < now;
}

/**
 * A due date and time (`datetime-local`) that warns under the field when it is in the past: `pastWarning` says what
 * to do about it (log it as done, or pick a later time). No warning when `pastWarning` is null.
 */
export function DueAtInput({ value, pastWarning, ...props }: TextInputProps & { value?: string; pastWarning: string | null }) {
  const warn = pastWarning && isPast(value ?? '');
  return (
    <TextInput
      type="datetime-local"
      {...props}
      value={value}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      description={
        warn ? (
          <Text span size="xs" c="#b5400c" fw={500}>
            {pastWarning}
          </Text>
        ) : (
          props.description
        )
      }
    />
  );
}
