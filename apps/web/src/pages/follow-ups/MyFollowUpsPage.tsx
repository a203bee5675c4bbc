import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { invalidateCase } from '../../api/cases';
import { api, unwrap } from '../../api/client';
import { myFollowUpsQuery, type MyFollowUp } from '../../api/engagement';
import { FOLLOW_UP_KIND_LABELS, labelOf } from '../../api/labels';
import { formatDateTime, RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed, notifySaved } from '../../notify';
import { RescheduleFollowUp } from '../../components/RescheduleFollowUp';

const GROUPS = [
  { key: 'overdue', title: 'Overdue', empty: 'Nothing overdue.' },
  { key: 'today', title: 'Today', empty: 'Nothing due today.' },
  { key: 'thisWeek', title: 'This week', empty: 'Nothing due in the next 7 days.' },
] as const;

/** The signed-in user's scheduled follow-ups (GET /follow-ups/mine), grouped by when they are due; missed ones stay under Overdue until handled. */
export function MyFollowUpsPage() {
  const mine = useQuery(myFollowUpsQuery);

  return (
    <Stack>
      <Title order={2}>My follow-ups</Title>
      {mine.isPending ? (
        <LoadingState label="Loading your follow-ups…" />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : GROUPS.every(({ key }) => mine.data[key].length === 0) ? (
        <EmptyState title="You are all caught up">No follow-ups are overdue or due this week. Schedule them from a case.</EmptyState>
      ) : (
        GROUPS.map(({ key, title, empty }) => (
          <Stack key={key} gap="xs" component="section" aria-labelledby={`follow-ups-${key}`}>
            <Group gap="xs">
              <Title order={3} size="h4" id={`follow-ups-${key}`}>
                {title}
              </Title>
              <Badge color={key === 'overdue' && mine.data[key].length ? 'red.9' : 'gray.7'} circle>
                {mine.data[key].length}
              </Badge>
            </Group>
            {mine.data[key].length === 0 ? (
              <Text size="sm" c="dimmed">
                {empty}
              </Text>
            ) : (
              mine.data[key].map((followUp) => <FollowUpCard key={followUp.id} followUp={followUp} overdue={key === 'overdue'} />)
            )}
          </Stack>
        ))
      )}
    </Stack>
  );
}

function FollowUpCard({ followUp, overdue }: { followUp: MyFollowUp; overdue: boolean }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: 'done' | 'cancelled') =>
      unwrap(api.PATCH('/api/v1/follow-ups/{id}', { params: { path: { id: followUp.id } }, body: { status } })),
    onSuccess: async (_result, status) => {
      notifySaved(`Follow-up on ${followUp.caseReference} is ${status === 'done' ? 'done' : 'cancelled'}`);
      await invalidateCase(queryClient, followUp.caseId);
    },
    onError: notifyFailed,
  });
  const kind = labelOf(FOLLOW_UP_KIND_LABELS, followUp.kind);
  const missed = followUp.status === 'missed';

  return (
    <Paper withBorder p="sm" component="article" aria-label={`${kind} for ${followUp.caseReference}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{kind}</Text>
            {missed && (
              <Badge color="red.9" size="sm">
                Missed
              </Badge>
            )}
            <Text size="sm" c={overdue ? 'red.9' : 'dimmed'} component="div">
              due {formatDateTime(followUp.dueAt)} (<RelativeTime iso={followUp.dueAt} />)
            </Text>
          </Group>
          <Text size="sm">
            <Anchor component={Link} to={`/cases/${followUp.caseId}?tab=follow-ups`}>
              {followUp.caseReference} · {followUp.caseTitle}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              — {followUp.organizationName}
            </Text>
          </Text>
          {followUp.note && <Text size="sm">{followUp.note}</Text>}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <RescheduleFollowUp followUp={followUp} label={`Reschedule: ${kind} for ${followUp.caseReference}`} />
          <Button
            size="xs"
            variant="default"
            loading={update.isPending && update.variables === 'cancelled'}
            disabled={update.isPending}
            onClick={() => update.mutate('cancelled')}
            aria-label={`Cancel: ${kind} for ${followUp.caseReference}`}
          >
            Cancel
          </Button>
          <Button
            size="xs"
            color="teal.9"
            loading={update.isPending && update.variables === 'done'}
            disabled={update.isPending}
            onClick={() => update.mutate('done')}
            aria-label={`Done: ${kind} for ${followUp.caseReference}`}
          >
            Done
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
