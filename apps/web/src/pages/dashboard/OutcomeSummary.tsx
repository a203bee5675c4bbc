import { ScatterChart } from '@mantine/charts';
import { Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { outcomeReportQuery, type OutcomeReport } from '../../api/surveys';
import { ErrorState, LoadingState } from '../../components/states';
import { number } from '../../components/numbers';
import type { Period } from './period';

type Group = OutcomeReport['satisfaction']['overall'];
const BREAKDOWNS = [
  { value: 'byConsultant', label: 'Consultant' },
  { value: 'byGoalArea', label: 'Goal area' },
  { value: 'byRegion', label: 'Region' },
  { value: 'byServiceLine', label: 'Service line' },
] as const;
type Breakdown = (typeof BREAKDOWNS)[number]['value'];

const dash = (n: number | null | undefined, suffix = '') => (n === null || n === undefined ? '–' : `${number.format(n)}${suffix}`);
const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/**
 * The funder's outcome questions for the period (GET /reports/outcomes): how deep the TA was, how satisfied the
 * clinics were, what changed for them, and whether more TA went with more readiness change. The CSV is the same figures.
 */
export function OutcomeSummary({ period }: { period: Period }) {
  const report = useQuery({ ...outcomeReportQuery(period), placeholderData: keepPreviousData });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="outcomes-heading">
      <Stack>
        <Title order={3} size="h4" id="outcomes-heading">
          Outcomes
        </Title>
        {report.isPending && <LoadingState label="Loading outcomes…" />}
        {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && <Figures report={report.data} />}
      </Stack>
    </Paper>
  );
}

function Figures({ report }: { report: OutcomeReport }) {
  const [breakdown, setBreakdown] = useState<Breakdown>('byConsultant');
  const overall = report.satisfaction.overall;
  const oc = report.outcomeChecks;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CountTable caption="Resolved cases by intensity tier" rows={report.resolvedByTier} />
        <CountTable caption="Resolved or closed cases by reason" rows={report.byCloseReason.filter((r) => r.cases > 0)} />
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={4} size="h5">
          Satisfaction (closure surveys sent in the period)
        </Title>
        <Text>
          Mean overall satisfaction <strong>{dash(overall.mean)}</strong> of 5 (n = {overall.n}) · {overall.answered} of {overall.sent}{' '}
          answered ({dash(overall.responseRate, '%')}) · ratings 1–5: {overall.distribution.join(' / ')}
        </Text>
        <SegmentedControl
          aria-label="Satisfaction by"
          data={BREAKDOWNS.map((b) => ({ value: b.value, label: b.label }))}
          value={breakdown}
          onChange={(v) => setBreakdown(v as Breakdown)}
          maw={520}
        />
        <SatisfactionTable groups={report.satisfaction[breakdown]} by={BREAKDOWNS.find((b) => b.value === breakdown)?.label ?? ''} />
      </Stack>

      <Stack gap="xs">
        <Title order={4} size="h5">
          What changed (outcome checks)
        </Title>
        <Text>
          {oc.answered} of {oc.sent} outcome checks sent in the period answered ({dash(oc.responseRate, '%')}).
        </Text>
        {oc.questions
          .filter((q) => q.type !== 'text')
          .map((q) => (
            <Text key={q.code} size="sm">
              {q.prompt}{' '}
              <strong>
                {q.total !== null
                  ? `${number.format(q.total)} in all (mean ${dash(q.mean)}, n = ${q.n})`
                  : q.choices.map((c) => `${c.label}: ${c.count}`).join(' · ')}
              </strong>
            </Text>
          ))}
        {oc.texts.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table withTableBorder captionSide="top">
              <Table.Caption>What the clinics wrote</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Answer</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {oc.texts.map((t, i) => (
                  <Table.Tr key={`${t.caseReference}-${t.questionCode}-${i}`}>
                    <Table.Td>
                      {t.organizationName} ({t.caseReference})
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line' }}>{t.text}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <DoseVsChange dose={report.doseVsChange} />
    </Stack>
  );
}

function CountTable({ caption, rows }: { caption: string; rows: OutcomeReport['resolvedByTier'] }) {
  return (
    <Table withTableBorder captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key ?? 'none'}>
            <Table.Th scope="row">{r.label}</Table.Th>
            <Table.Td>{number.format(r.cases)}</Table.Td>
          </Table.Tr>
        ))}
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td>None in the period</Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

function SatisfactionTable({ groups, by }: { groups: Group[]; by: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{by}</Table.Th>
            <Table.Th>Mean (1–5)</Table.Th>
            <Table.Th>n</Table.Th>
            <Table.Th>Response rate</Table.Th>
            <Table.Th>Ratings 1 / 2 / 3 / 4 / 5</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key ?? 'none'}>
              <Table.Th scope="row">{g.label}</Table.Th>
              <Table.Td>{dash(g.mean)}</Table.Td>
              <Table.Td>{g.n}</Table.Td>
              <Table.Td>
                {dash(g.responseRate, '%')} ({g.answered} of {g.sent})
              </Table.Td>
              <Table.Td>{g.distribution.join(' / ')}</Table.Td>
            </Table.Tr>
          ))}
          {groups.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>No closure surveys were sent in the period.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DoseVsChange({ dose }: { dose: OutcomeReport['doseVsChange'] }) {
  return (
    <Stack gap="xs">
      <Title order={4} size="h5">
        TA dose and readiness change (n = {dose.n})
      </Title>
      <Text size="sm" c="dimmed">
        Organizations whose later readiness round closed in the period: TA hours between their baseline and later round, beside the mean
        change of their section scores. No causal claim: {dose.note}
      </Text>
      {dose.rows.length > 0 && (
        <>
          {/* The table below carries every point in words, so the chart is hidden from screen readers; recharts' keyboard
              layer is turned off with it, or the hidden chart would still take focus (axe: aria-hidden-focus). */}
          <ScatterChart
            h={240}
            aria-hidden
            scatterChartProps={{ accessibilityLayer: false }}
            data={[
              { color: 'indigo.7', name: 'Organizations', data: dose.rows.map((r) => ({ hours: r.hours, change: r.meanChange ?? 0 })) },
            ]}
            dataKey={{ x: 'hours', y: 'change' }}
            labels={{ x: 'TA hours between rounds', y: 'Mean section change' }}
            unit={{ x: ' h' }}
          />
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Organization</Table.Th>
                  <Table.Th>Sessions</Table.Th>
                  <Table.Th>Hours</Table.Th>
                  <Table.Th>Mean change</Table.Th>
                  <Table.Th>By section</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dose.rows.map((r) => (
                  <Table.Tr key={r.organizationId}>
                    <Table.Th scope="row">{r.organizationName}</Table.Th>
                    <Table.Td>{r.sessions}</Table.Td>
                    <Table.Td>{number.format(r.hours)}</Table.Td>
                    <Table.Td>{signed(r.meanChange)}</Table.Td>
                    <Table.Td>{r.sections.map((s) => `${s.title} ${signed(s.change)}`).join(' · ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
