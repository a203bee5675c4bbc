import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  instrumentsQuery,
  organizationAssessmentsQuery,
  PURPOSE_LABELS,
  ROUND_STATUS_LABELS,
  startAssessment,
  type AssessmentSummary,
} from '../../api/assessments';
import { casesQuery } from '../../api/cases';
import { formatDate } from '../../components/dates';
import { notifyFailed } from '../../notify';
import { ErrorState, LoadingState } from '../../components/states';

/** The chart draws with @mantine/charts (recharts): a chunk loaded only when there is change to show. */
const AssessmentChange = lazy(() => import('./AssessmentChange'));

/** Readiness rounds of one organization: start one, open one, and how readiness moved since the baseline. */
export function OrganizationAssessments({ organizationId }: { organizationId: string }) {
  const rounds = useQuery(organizationAssessmentsQuery(organizationId));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-assessments-heading">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4" id="org-assessments-heading">
            Readiness assessments
          </Title>
          <StartRound organizationId={organizationId} hasBaseline={Boolean(rounds.data?.rounds.some((r) => r.purpose === 'baseline'))} />
        </Group>
        {rounds.isPending && <LoadingState label="Loading assessments…" />}
        {rounds.isError && <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />}
        {rounds.data && rounds.data.rounds.length === 0 && (
          <Text c="dimmed" size="sm">
            No rounds yet. Start a baseline with the clinic team to see where they stand and where they disagree.
          </Text>
        )}
        {rounds.data && rounds.data.rounds.length > 0 && <RoundsTable rounds={rounds.data.rounds} />}
        {rounds.data?.change && (
          <Suspense fallback={<LoadingState label="Loading chart…" />}>
            <AssessmentChange
              change={rounds.data.change}
              scale={scaleOf(rounds.data.rounds.find((r) => r.id === rounds.data.change?.latestId))}
            />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}

const scaleOf = (round: AssessmentSummary | undefined) =>
  round ? { min: round.instrument.scaleMin, max: round.instrument.scaleMax } : undefined;

function RoundsTable({ rounds }: { rounds: AssessmentSummary[] }) {
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Round</Table.Th>
          <Table.Th>Instrument</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Answers</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rounds.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/assessments/${r.id}`}>
                {PURPOSE_LABELS[r.purpose]}, {formatDate(r.createdAt)}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {r.instrument.title} (v{r.instrument.version})
            </Table.Td>
            <Table.Td>{ROUND_STATUS_LABELS[r.status]}</Table.Td>
            <Table.Td>
              {r.submittedCount} of {r.respondentCount}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Cases a round can belong to: the organization's open ones (a round on a case shows on its timeline and plan). */
const CLOSED = ['resolved', 'closed'];

function StartRound({ organizationId, hasBaseline }: { organizationId: string; hasBaseline: boolean }) {
  const instruments = useQuery(instrumentsQuery);
  const cases = useQuery(casesQuery({ organizationId, pageSize: 100, sort: '-openedAt' }));
  const openCases = (cases.data?.items ?? []).filter((c) => !CLOSED.includes(c.status));
  const [instrumentId, setInstrumentId] = useState<string | null>(null);
  // undefined: not chosen yet, so the only open case is the default; null: "no case" chosen.
  const [chosenCase, setChosenCase] = useState<string | null | undefined>(undefined);
  const caseId = chosenCase === undefined ? (openCases.length === 1 ? (openCases[0]?.id ?? null) : null) : chosenCase;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () =>
      startAssessment(organizationId, {
        instrumentId: instrumentId ?? '',
        purpose: hasBaseline ? 'follow_up' : 'baseline',
        ...(caseId ? { caseId } : {}),
      }),
    onSuccess: async (round) => {
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
      await navigate(`/assessments/${round.id}`);
    },
    onError: (error) => notifyFailed(error),
  });
  const options = (instruments.data ?? []).map((i) => ({ value: i.id, label: `${i.title} (v${i.version})` }));
  return (
    <Group gap="xs" align="flex-end">
      <Select
        label="Instrument"
        size="xs"
        w={300}
        data={options}
        value={instrumentId ?? options[0]?.value ?? null}
        onChange={setInstrumentId}
        allowDeselect={false}
      />
      <Select
        label="For case (optional)"
        size="xs"
        placeholder="No case"
        data={openCases.map((c) => ({ value: c.id, label: `${c.reference} ${c.title}` }))}
        value={caseId}
        onChange={setChosenCase}
        clearable
        w={280}
      />
      <Button
        size="xs"
        loading={start.isPending}
        disabled={!options.length}
        onClick={() => {
          if (!instrumentId && options[0]) setInstrumentId(options[0].value);
          start.mutate();
        }}
      >
        Start a {hasBaseline ? 'follow-up' : 'baseline'} round
      </Button>
    </Group>
  );
}
