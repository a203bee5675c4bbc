import { Paper, SimpleGrid, Text } from '@mantine/core';
import { plural } from '../../components/plural';
import { hours, number } from '../../components/numbers';
import { describePeriod, type Period } from './period';
import type { Summary } from '../../api/dashboard';

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const days = (value: number | null) => (value === null ? '–' : oneDecimal.format(value));

/** The previous period of the same length and its figures (undefined while they load or when they failed). */
export interface Comparison {
  previous: Period;
  days: number;
  summary: Summary | undefined;
}

/** "+12", "−3" or "no change" (a true minus sign). */
function signed(delta: number, format: Intl.NumberFormat, unit = ''): string {
  if (delta === 0) return 'no change';
  return `${delta > 0 ? '+' : '−'}${format.format(Math.abs(delta))}${unit}`;
}

function Kpi({ label, value, hint, change }: { label: string; value: string; hint?: string; change?: string }) {
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
      {change && (
        <Text size="xs" c="dimmed" fw={600}>
          {change}
        </Text>
      )}
    </Paper>
  );
}

export function KpiCards({ summary, comparison }: { summary: Summary; comparison?: Comparison }) {
  const { firstResponse, resolution } = summary;
  const before = comparison?.summary;
  const against = comparison && `vs previous ${comparison.days === 1 ? 'day' : `${number.format(comparison.days)} days`}`;
  const versus = (now: number, then: number | undefined, format = number, unit = '') =>
    then === undefined || !against ? undefined : `${signed(Math.round((now - then) * 10) / 10, format, unit)} ${against}`;
  const medianVersus = (now: number | null, then: number | null | undefined) =>
    now === null || then === null || then === undefined ? undefined : versus(now, then, oneDecimal, ' days');
  return (
    <>
      {comparison && (
        <Text size="xs" c="dimmed" id="kpi-comparison">
          Changes compare with the previous period of the same length: {describePeriod(comparison.previous)}
          {before ? '' : ' (loading…)'}.
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Kpi
          label="New requests"
          value={number.format(summary.newRequests)}
          hint="from the public request form"
          change={versus(summary.newRequests, before?.newRequests)}
        />
        <Kpi
          label="Cases opened"
          value={number.format(summary.casesOpened)}
          hint="any source"
          change={versus(summary.casesOpened, before?.casesOpened)}
        />
        <Kpi
          label="Cases resolved"
          value={number.format(summary.casesResolved)}
          change={versus(summary.casesResolved, before?.casesResolved)}
        />
        <Kpi
          label="Organizations served"
          value={number.format(summary.organizationsServed)}
          hint="with a session in the period"
          change={versus(summary.organizationsServed, before?.organizationsServed)}
        />
        <Kpi
          label="First response"
          value={`${days(firstResponse.median)} / ${days(firstResponse.p90)}`}
          hint={`median / 90th percentile, business days · ${plural(firstResponse.cases, 'case')}, ${number.format(firstResponse.pending)} waiting`}
          change={medianVersus(firstResponse.median, before?.firstResponse.median)}
        />
        <Kpi
          label="Time to resolution"
          value={`${days(resolution.median)} / ${days(resolution.p90)}`}
          hint={`median / 90th percentile, business days · ${plural(resolution.cases, 'case')}`}
          change={medianVersus(resolution.median, before?.resolution.median)}
        />
        <Kpi
          label="Sessions"
          value={number.format(summary.sessions)}
          hint="distinct sessions"
          change={versus(summary.sessions, before?.sessions)}
        />
        <Kpi label="TA hours" value={hours.format(summary.hours)} change={versus(summary.hours, before?.hours, hours)} />
      </SimpleGrid>
    </>
  );
}
