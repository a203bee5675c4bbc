import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { List, Stack, Text, Title } from '@mantine/core';
import type { Change } from '../../api/assessments';
import { formatDate } from '../../components/dates';

const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/**
 * Baseline vs latest closed round per section, and the statements that moved most. The axis spans the instrument's
 * scale (1–3 draws from 1), so a bar's height is the share of the scale reached, as the round page's percentages.
 */
export default function AssessmentChange({ change, scale }: { change: Change; scale?: { min: number; max: number } }) {
  const baseline = `Baseline (${formatDate(change.baselineAt)})`;
  const latest = `Latest (${formatDate(change.latestAt)})`;
  const data = change.sections.map((s) => ({ section: s.title, [baseline]: s.baseline ?? 0, [latest]: s.latest ?? 0 }));
  return (
    <Stack gap="xs" aria-labelledby="change-heading">
      <Title order={4} size="h5" id="change-heading">
        How readiness moved
      </Title>
      <BarChart
        h={260}
        data={data}
        dataKey="section"
        series={[
          { name: baseline, color: 'gray.6' },
          { name: latest, color: 'indigo.7' },
        ]}
        withLegend
        yAxisProps={scale ? { domain: [scale.min, scale.max], allowDecimals: true } : undefined}
        yAxisLabel={scale ? `Section score (${scale.min}–${scale.max})` : undefined}
      />
      <List size="sm" aria-label="Change per section">
        {change.sections.map((s) => (
          <List.Item key={s.code}>
            {s.title}: {s.baseline ?? '–'} → {s.latest ?? '–'} ({signed(s.delta)})
          </List.Item>
        ))}
      </List>
      {change.itemsMovedMost.length > 0 && (
        <>
          <Text fw={600} size="sm">
            Statements that moved most
          </Text>
          <List size="sm">
            {change.itemsMovedMost.map((i) => (
              <List.Item key={i.code}>
                {i.title} ({i.baseline} → {i.latest}, {signed(i.delta)})
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
