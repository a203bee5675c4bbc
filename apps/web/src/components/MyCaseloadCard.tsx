import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from './states';
import { hours, number } from './numbers';
import { caseloadQuery, type CaseloadRow } from '../api/dashboard';

/** The signed-in consultant's card (GET /dashboard/caseload answers a consultant with their own row only). */
export function MyCaseload({ empty = null }: { empty?: ReactNode }) {
  const caseload = useQuery(caseloadQuery);
  if (caseload.isPending) return <LoadingState label="Loading your caseload…" />;
  if (caseload.isError) return <ErrorState error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const row = caseload.data.items[0];
  return row ? <MyCaseloadCard row={row} /> : empty;
}

function Figure({ label, value, to }: { label: string; value: string; to?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz={24} fw={700} aria-label={`${label}: ${value}`}>
          {value}
        </Anchor>
      ) : (
        <Text fz={24} fw={700}>
          {value}
        </Text>
      )}
    </Stack>
  );
}

/** A consultant's own load: what is open, what is slipping, and the last 30 days' work. */
export function MyCaseloadCard({ row }: { row: CaseloadRow }) {
  const mine = (query: Record<string, string>) => `/cases?${new URLSearchParams({ assigneeId: 'me', ...query })}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="my-caseload">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="my-caseload">
          My caseload
        </Title>
        <Text size="sm" c="dimmed">
          {row.consultant.name}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 5 }} spacing="md">
        <Figure label="Open cases" value={number.format(row.open.total)} to={mine({ status: 'new,triaged,active,on_hold' })} />
        <Figure label="New" value={number.format(row.open.new)} to={mine({ status: 'new' })} />
        <Figure label="Triaged" value={number.format(row.open.triaged)} to={mine({ status: 'triaged' })} />
        <Figure label="Active" value={number.format(row.open.active)} to={mine({ status: 'active' })} />
        <Figure label="On hold" value={number.format(row.open.onHold)} to={mine({ status: 'on_hold' })} />
        <Figure label="At risk" value={number.format(row.atRisk)} to={mine({ stallLevel: 'at_risk' })} />
        <Figure label="Escalated" value={number.format(row.escalated)} to={mine({ stallLevel: 'escalated' })} />
        <Figure label="Overdue follow-ups" value={number.format(row.overdueFollowUps)} to="/follow-ups" />
        <Figure label="Sessions, last 30 days" value={number.format(row.sessions30d)} />
        <Figure label="TA hours, last 30 days" value={hours.format(row.hours30d)} />
      </SimpleGrid>
    </Paper>
  );
}
