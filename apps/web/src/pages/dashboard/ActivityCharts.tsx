import '@mantine/charts/styles.css';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { plural } from '../../components/plural';
import { number } from '../../components/numbers';
import { GOAL_AREA_COLORS, labelOf } from './labels';
import { todayIn } from '../../components/centerTime';
import { addDays, type Period } from './period';
import type { Breakdown, Summary } from '../../api/dashboard';

function ChartCard({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

const rows = (items: Breakdown[]) =>
  items.map((item) => ({ label: item.label ?? labelOf(item.key), key: item.key, Hours: item.hours, Sessions: item.sessions }));

/**
 * Where a goal area or a region leads: its cases that had sessions in the period, the TA the chart counts. The case
 * list's "session held to" is the last day included, the period's `to` the first day after it.
 */
const casesPath = (filter: { goalArea: string } | { region: string }, period: Period) =>
  `/cases?${new URLSearchParams({ ...filter, sessionFrom: period.from, sessionTo: addDays(period.to, -1) })}`;

export function ActivityCharts({ summary, period }: { summary: Summary; period: Period }) {
  const navigate = useNavigate();
  const goalAreas = summary.byGoalArea.filter((g) => g.key !== 'unspecified');
  const regions = summary.byRegion.filter((r) => r.key !== 'unspecified');
  const keyOfGoalLabel = new Map(goalAreas.map((g) => [labelOf(g.key), g.key]));
  // A session counts in each goal area it touches: the segments may add up to more than the distinct sessions.
  const segments = summary.byGoalArea.filter((g) => g.sessions > 0);
  const segmentTotal = segments.reduce((sum, g) => sum + g.sessions, 0);
  const sessions = (n: number) => plural(n, 'session');
  // Weeks that have not begun are not plotted (they would read as weeks without intake).
  const today = todayIn(summary.range.timeZone);
  const weeks = summary.intakeByWeek
    .filter((w) => w.weekStart <= today)
    .map((w) => ({
      week: new Date(`${w.weekStart}T12:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }),
      'Web requests': w.requests,
      'Cases opened': w.opened,
    }));
  const topics = rows(summary.byTopic.filter((t) => t.sessions > 0)).sort((a, b) => b.Hours - a.Hours);

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <ChartCard
        id="chart-goal-areas"
        title="Sessions by goal area"
        description="Select a goal area to see its cases with sessions in the period."
      >
        {segments.length ? (
          <Group justify="center">
            <DonutChart
              data={segments.map((g) => ({ name: labelOf(g.key), value: g.sessions, color: GOAL_AREA_COLORS[g.key] ?? 'gray.6' }))}
              withLabels
              withLabelsLine
              labelsType="value"
              size={180}
              thickness={32}
              chartLabel={sessions(summary.sessions)}
              cellProps={(cell) => ({
                style: { cursor: 'pointer' },
                onClick: () => {
                  const key = keyOfGoalLabel.get(cell.name);
                  if (key) void navigate(casesPath({ goalArea: key }, period));
                },
              })}
            />
          </Group>
        ) : (
          <Text c="dimmed">No sessions in this period.</Text>
        )}
        {segments.length > 0 && (
          <Text size="xs" c="dimmed" ta="center" id="goal-area-caption">
            Centre: {sessions(summary.sessions)}, each counted once. A session counts in each goal area it touches
            {segmentTotal > summary.sessions
              ? `, so the segments add up to ${number.format(segmentTotal)}.`
              : '; in this period each touches one, so the segments add up to the centre.'}
          </Text>
        )}
        <Group gap="xs" mt="xs" aria-label="Cases by goal area" role="group">
          {goalAreas.map((g) => (
            <Anchor key={g.key} component={Link} to={casesPath({ goalArea: g.key }, period)} size="sm">
              {labelOf(g.key)} ({g.sessions})
            </Anchor>
          ))}
        </Group>
      </ChartCard>

      <ChartCard
        id="chart-regions"
        title="TA hours by OMH region"
        description="Select a region to see its cases with sessions in the period."
      >
        <BarChart
          h={220}
          data={rows(regions)}
          dataKey="label"
          series={[{ name: 'Hours', color: 'indigo.7' }]}
          barProps={{
            cursor: 'pointer',
            onClick: (entry: { payload?: { key?: string } }) => {
              if (entry.payload?.key) void navigate(casesPath({ region: entry.payload.key }, period));
            },
          }}
        />
        <Group gap="xs" mt="xs" aria-label="Cases by region" role="group">
          {regions.map((r) => (
            <Anchor key={r.key} component={Link} to={casesPath({ region: r.key }, period)} size="sm">
              {labelOf(r.key)}
            </Anchor>
          ))}
        </Group>
      </ChartCard>

      <ChartCard id="chart-intake" title="Intake per week" description="Weeks start on Monday; weeks still to come are not plotted.">
        <LineChart
          h={220}
          data={weeks}
          dataKey="week"
          series={[
            { name: 'Web requests', color: 'indigo.7' },
            { name: 'Cases opened', color: 'teal.8' },
          ]}
          withLegend
          curveType="monotone"
        />
      </ChartCard>

      <ChartCard id="chart-modality" title="Sessions by modality">
        <BarChart h={220} data={rows(summary.byModality)} dataKey="label" series={[{ name: 'Sessions', color: 'teal.8' }]} />
      </ChartCard>

      <ChartCard id="chart-service-lines" title="TA hours by service line">
        <BarChart h={200} data={rows(summary.byServiceLine)} dataKey="label" series={[{ name: 'Hours', color: 'orange.8' }]} />
      </ChartCard>

      <ChartCard id="chart-populations" title="TA hours by population served">
        <BarChart h={200} data={rows(summary.byPopulation)} dataKey="label" series={[{ name: 'Hours', color: 'grape.7' }]} />
      </ChartCard>

      <ChartCard id="chart-topics" title="TA hours by topic" description="A session counts toward each of its topics.">
        {topics.length ? (
          <BarChart
            h={Math.max(160, topics.length * 28)}
            data={topics}
            dataKey="label"
            orientation="vertical"
            yAxisProps={{ width: 220 }}
            series={[{ name: 'Hours', color: 'indigo.7' }]}
          />
        ) : (
          <Text c="dimmed">No sessions in this period.</Text>
        )}
      </ChartCard>
    </SimpleGrid>
  );
}
