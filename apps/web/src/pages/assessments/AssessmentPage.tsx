import { Anchor, Badge, Breadcrumbs, Button, Group, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  assessmentQuery,
  closeAssessment,
  instrumentQuery,
  inviteToAssessment,
  PURPOSE_LABELS,
  RESPONDENT_STATUS_LABELS,
  ROUND_STATUS_LABELS,
  type Assessment,
} from '../../api/assessments';
import { contactsQuery } from '../../api/organizations';
import { formatDate } from '../../components/dates';
import { ErrorState, LoadingState } from '../../components/states';
import { EnterAnswers } from './EnterAnswers';
import { notifyFailed, notifySaved } from '../../notify';

/** One round: scores per section, each respondent's answers side by side, and where the team disagrees. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const round = useQuery(assessmentQuery(id));
  const instrument = useQuery({ ...instrumentQuery(round.data?.instrument.id ?? ''), enabled: Boolean(round.data) });
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => closeAssessment(id),
    onSuccess: async () => {
      notifySaved('Round closed');
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
    },
    onError: (error) => notifyFailed(error),
  });

  if (round.isPending) return <LoadingState label="Loading the round…" />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => void round.refetch()} />;
  const a = round.data;
  const labelOf = (score: number | undefined) =>
    score === undefined ? '' : (instrument.data?.definition.scale.labels[String(score)] ?? String(score));
  const submitted = a.respondents.filter((r) => r.status === 'submitted');
  const scaleLegend = Object.entries(instrument.data?.definition.scale.labels ?? {})
    .map(([score, label]) => `${score} = ${label}`)
    .join(', ');
  const disagreements = a.sections.flatMap((s) => s.items).filter((i) => i.disagreement).length;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={`/organizations/${a.organizationId}`}>
          {a.organizationName}
        </Anchor>
        <Text size="sm">Readiness assessment</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {PURPOSE_LABELS[a.purpose]} round, {formatDate(a.createdAt)}
          </Title>
          <Text c="dimmed">
            {a.instrument.title} (version {a.instrument.version}) · {ROUND_STATUS_LABELS[a.status]}
            {a.status === 'open' ? `, links work until ${formatDate(a.expiresAt)}` : ''} · {a.submittedCount} of {a.respondentCount}{' '}
            answered
            {a.caseReference && (
              <>
                {' '}
                · Case{' '}
                <Anchor component={Link} to={`/cases/${a.caseId ?? ''}`} underline="always">
                  {a.caseReference}
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        {a.status === 'open' && (
          <Button variant="default" loading={close.isPending} onClick={() => close.mutate()}>
            Close the round
          </Button>
        )}
      </Group>
      {a.status === 'open' && (
        <Group align="flex-end" justify="space-between">
          <Invite assessment={a} />
          <EnterAnswers assessment={a} />
        </Group>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="scores-heading">
        <Stack>
          <Title order={3} size="h4" id="scores-heading">
            Scores and agreement
          </Title>
          <Text size="sm" c="dimmed">
            Answers: {scaleLegend}. Item score: the mean of the team’s answers. Spread: highest minus lowest answer.{' '}
            {disagreements > 0
              ? `The team disagrees on ${disagreements} statement${disagreements === 1 ? '' : 's'} (answers span the whole scale).`
              : ''}
          </Text>
          <Table.ScrollContainer minWidth={600}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Statement</Table.Th>
                  {submitted.map((r) => (
                    <Table.Th key={r.id}>{r.name}</Table.Th>
                  ))}
                  <Table.Th>Score</Table.Th>
                  <Table.Th>Spread</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.sections.map((section) => [
                  <Table.Tr key={section.code} bg="gray.1">
                    <Table.Th scope="rowgroup" colSpan={3 + submitted.length}>
                      {section.title}: {section.score ?? '–'}
                      {section.percent !== null ? ` (${section.percent}%)` : ''}
                    </Table.Th>
                  </Table.Tr>,
                  ...section.items.map((item) => (
                    <Table.Tr
                      key={item.code}
                      bg={item.disagreement ? 'yellow.0' : undefined}
                      data-disagreement={item.disagreement || undefined}
                    >
                      <Table.Td>
                        {item.statement}{' '}
                        {item.disagreement && (
                          <Badge color="red.9" size="sm">
                            Team disagrees
                          </Badge>
                        )}
                      </Table.Td>
                      {submitted.map((r) => (
                        <Table.Td key={r.id} title={labelOf(r.answers[item.code])}>
                          {r.answers[item.code] ?? '–'}
                          {r.comments[item.code] && (
                            <Text size="xs" c="dimmed">
                              “{r.comments[item.code]}”
                            </Text>
                          )}
                        </Table.Td>
                      ))}
                      <Table.Td>{item.score ?? '–'}</Table.Td>
                      <Table.Td>{item.spread ?? '–'}</Table.Td>
                    </Table.Tr>
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="respondents-heading">
        <Title order={3} size="h4" id="respondents-heading">
          Respondents
        </Title>
        {a.respondents.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nobody invited yet.
          </Text>
        ) : (
          <Stack gap={4} mt="xs">
            {a.respondents.map((r) => (
              <Text key={r.id} size="sm">
                {r.name}: {RESPONDENT_STATUS_LABELS[r.status]}
                {r.source === 'entered' ? ' (entered by staff)' : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Paper>

      {a.change && (
        <Paper withBorder p="md" component="section" aria-labelledby="round-change-heading">
          <Title order={3} size="h4" id="round-change-heading">
            Change since the baseline
          </Title>
          <Stack gap={4} mt="xs">
            {a.change.sections.map((s) => (
              <Text key={s.code} size="sm">
                {s.title}: {s.baseline ?? '–'} → {s.latest ?? '–'}
                {s.delta !== null ? ` (${s.delta > 0 ? '+' : ''}${s.delta})` : ''}
              </Text>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

function Invite({ assessment }: { assessment: Assessment }) {
  const contacts = useQuery(contactsQuery(assessment.organizationId));
  const [chosen, setChosen] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: () => inviteToAssessment(assessment.id, chosen),
    onSuccess: async (result) => {
      const sent = result.invitations.filter((i) => i.outcome === 'invited').length;
      notifySaved(`${sent} invitation${sent === 1 ? '' : 's'} sent`);
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
    },
    onError: (error) => notifyFailed(error),
  });
  return (
    <Group align="flex-end">
      <MultiSelect
        label="Invite contacts"
        placeholder="Choose the clinic team"
        data={(contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
        value={chosen}
        onChange={setChosen}
        searchable
        miw={320}
      />
      <Button disabled={!chosen.length} loading={invite.isPending} onClick={() => invite.mutate()}>
        Send invitations
      </Button>
    </Group>
  );
}
