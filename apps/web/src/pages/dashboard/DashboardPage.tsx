import '@mantine/dates/styles.css';
import { Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { timeZoneName, todayIn } from '../../components/centerTime';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { ActivityCharts } from './ActivityCharts';
import { CaseloadTable } from './CaseloadTable';
import { ExportButtons } from './ExportButtons';
import { KpiCards } from './KpiCards';
import { MyCaseload } from '../../components/MyCaseloadCard';
import { comparisonPeriods, describePeriod, periodFrom, type Period } from './period';
import { OutcomeSummary } from './OutcomeSummary';
import { ReadinessSummary } from './ReadinessSummary';
import { PeriodPicker } from './PeriodPicker';
import { caseloadQuery, summaryQuery } from '../../api/dashboard';

/** Leads and admins: TA activity for a period, every caseload and the funder's exports. Consultants: their own caseload. */
export function DashboardPage() {
  const me = useCurrentUser();
  return me.role === 'consultant' ? <ConsultantDashboard /> : <LeadDashboard />;
}

function ConsultantDashboard() {
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <MyCaseload empty={<EmptyState title="No caseload">You have no cases assigned yet.</EmptyState>} />
    </Stack>
  );
}

function LeadDashboard() {
  const [params, setParams] = useSearchParams();
  const { centerTimeZone } = useCurrentUser();
  const today = todayIn(centerTimeZone);
  const period = periodFrom(params, today);
  const setPeriod = (next: Period) => setParams({ from: next.from, to: next.to }, { replace: true });
  const summary = useQuery({ ...summaryQuery(period), placeholderData: keepPreviousData });
  // The same number of days just before the period (its elapsed days when it is still running), for the KPI changes.
  const { previous, days } = comparisonPeriods(period, today);
  const before = useQuery(summaryQuery(previous));
  const caseload = useQuery(caseloadQuery);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>Dashboard</Title>
          <Text size="sm" c="dimmed">
            TA activity {describePeriod(period)} ({timeZoneName(centerTimeZone)})
          </Text>
        </Stack>
        <ExportButtons period={period} />
      </Group>
      <PeriodPicker value={period} onChange={setPeriod} />

      {summary.isPending ? (
        <LoadingState label="Loading TA activity…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack aria-busy={summary.isFetching}>
          <KpiCards summary={summary.data} comparison={{ previous, days, summary: before.data }} />
          <ActivityCharts summary={summary.data} period={period} />
        </Stack>
      )}
      <ReadinessSummary period={period} />
      <OutcomeSummary period={period} />

      <Title order={3} size="h4" mt="md">
        Caseloads
      </Title>
      {caseload.isPending ? (
        <LoadingState label="Loading caseloads…" />
      ) : caseload.isError ? (
        <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : (
        <CaseloadTable rows={caseload.data.items} />
      )}
    </Stack>
  );
}
