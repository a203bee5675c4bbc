import { Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "Mar 4, 2026, 2:30 PM" in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date ("2026-12-15", no time zone) as "Dec 15, 2026". */
export function formatDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString('en-US', { dateStyle: 'medium' });
}

/** "3 days ago", with the exact time on hover and for assistive technology. */
export function RelativeTime({ iso, size = 'sm' }: { iso: string; size?: string }) {
  return (
    <Tooltip label={formatDateTime(iso)}>
      <Text component="time" dateTime={iso} size={size} title={formatDateTime(iso)}>
        {dayjs(iso).fromNow()}
      </Text>
    </Tooltip>
  );
}

/** A `datetime-local` input's value for an instant, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` input's value back to an ISO instant (empty stays empty). */
export function fromLocalInput(value: string): string {
  return value ? new Date(value).toISOString() : '';
}
