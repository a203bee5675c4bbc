import { Paper, SimpleGrid, Text } from '@mantine/core';
import { hours, number } from './labels';
import type { Summary } from './queries';

const days = (value: number | null) =>
  value === null ? '–' : `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(value)}`;

function Kpi({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function KpiCards({ summary }: { summary: Summary }) {
  const { firstResponse, resolution } = summary;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Kpi label="New requests" value={number.format(summary.newRequests)} hint="from the public request form" />
      <Kpi label="Cases opened" value={number.format(summary.casesOpened)} hint="any source" />
      <Kpi label="Cases resolved" value={number.format(summary.casesResolved)} />
      <Kpi label="Organizations served" value={number.format(summary.organizationsServed)} hint="with a session in the period" />
      <Kpi
        label="First response"
        value={`${days(firstResponse.median)} / ${days(firstResponse.p90)}`}
        hint={`median / 90th percentile, business days · ${number.format(firstResponse.cases)} cases, ${number.format(firstResponse.pending)} waiting`}
      />
      <Kpi
        label="Time to resolution"
        value={`${days(resolution.median)} / ${days(resolution.p90)}`}
        hint={`median / 90th percentile, business days · ${number.format(resolution.cases)} cases`}
      />
      <Kpi label="Sessions" value={number.format(summary.sessions)} />
      <Kpi label="TA hours" value={hours.format(summary.hours)} />
    </SimpleGrid>
  );
}
