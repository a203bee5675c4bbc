import { Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { plural } from '../../components/plural';
import { number } from '../../components/numbers';
import type { Period } from './period';

const REPORTS = [
  { path: 'ta-activity', label: 'Export TA activity (CSV)' },
  { path: 'ta-summary', label: 'Export TA summary (CSV)' },
  { path: 'outcomes', label: 'Export outcomes (CSV)' },
] as const;

interface Progress {
  path: string;
  bytes: number;
  rows: number;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${number.format(Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The attachment's name from Content-Disposition, else a fallback. */
function filenameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a report through fetch (the session cookie is the credential), counting bytes and lines as they stream
 * in, then saves it through a blob link. Excel gets a byte order mark so it reads UTF-8.
 */
export async function download(
  path: string,
  params: Record<string, string>,
  onProgress: (bytes: number, rows: number) => void = () => undefined,
): Promise<void> {
  const query = new URLSearchParams({ ...params, bom: 'true' });
  const response = await fetch(`/api/v1/reports/${path}?${query}`, { credentials: 'include' });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `The export failed (${response.status}).`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    for (const byte of value) if (byte === 10) lines++;
    // The header is a line too.
    onProgress(bytes, Math.max(0, lines - 1));
  }
  const url = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response, `${path}.csv`);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButtons({ period }: { period: Period }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const run = async (path: string) => {
    setProgress({ path, bytes: 0, rows: 0 });
    try {
      await download(path, { from: period.from, to: period.to, format: 'csv' }, (bytes, rows) => setProgress({ path, bytes, rows }));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Group gap="xs">
      {REPORTS.map((report) => (
        <Button
          key={report.path}
          variant="default"
          size="xs"
          disabled={progress !== null}
          loading={progress?.path === report.path}
          onClick={() => void run(report.path)}
        >
          {report.label}
        </Button>
      ))}
      <Text size="xs" c="dimmed" role="status" aria-live="polite">
        {progress && (
          <>
            <Loader size="xs" mr={6} aria-hidden />
            Received {size(progress.bytes)} · {plural(progress.rows, 'row')}
          </>
        )}
      </Text>
    </Group>
  );
}
