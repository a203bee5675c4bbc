import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffQuery, type Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import { caseFollowUpsQuery, type CreateFollowUpBody, type FollowUp } from '../../api/engagement';
import {
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_KIND_OPTIONS,
  FOLLOW_UP_STATUS_LABELS,
  labelOf,
  type FollowUpKind,
  type FollowUpStatus,
} from '../../api/labels';
import { defaultDueDate } from '../../components/businessDays';
import { formatDateTime, fromLocalInput, toLocalInput } from '../../components/dates';
import { DueAtInput } from '../../components/DueAtInput';
import { showApiError } from '../../components/forms';
import { staffLabelById, staffOptions } from '../../components/staffNames';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed } from '../../notify';
import { RescheduleFollowUp } from '../../components/RescheduleFollowUp';
import { canEditCase } from './permissions';
import { useCaseChange } from '../../api/caseChange';

const STATUS_COLORS: Record<FollowUpStatus, string> = { scheduled: 'blue.8', done: 'teal.9', cancelled: 'gray.7', missed: 'red.9' };

export function CaseFollowUpsTab({ item, me }: { item: Case; me: Me }) {
  const followUps = useQuery(caseFollowUpsQuery(item.id));
  const [scheduling, setScheduling] = useState(false);
  const editable = canEditCase(item, me);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          Follow-ups
        </Title>
        {editable && !scheduling && <Button onClick={() => setScheduling(true)}>Schedule follow-up</Button>}
      </Group>
      {scheduling && <ScheduleForm item={item} me={me} onDone={() => setScheduling(false)} />}
      {followUps.isPending ? (
        <LoadingState label="Loading follow-ups…" />
      ) : followUps.isError ? (
        <ErrorState error={followUps.error} onRetry={() => void followUps.refetch()} />
      ) : followUps.data.length === 0 ? (
        <EmptyState title="No follow-ups scheduled">Schedule a check-in so this case does not go quiet.</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" aria-label="Follow-ups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Assignee</Table.Th>
                <Table.Th>Note</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...followUps.data]
                .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
                .map((followUp) => (
                  <FollowUpRow key={followUp.id} item={item} followUp={followUp} me={me} />
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function FollowUpRow({ item, followUp, me }: { item: Case; followUp: FollowUp; me: Me }) {
  const staff = useQuery(staffQuery);
  const update = useCaseChange(
    item.id,
    (status: FollowUpStatus) => unwrap(api.PATCH('/api/v1/follow-ups/{id}', { params: { path: { id: followUp.id } }, body: { status } })),
    (status) => `Follow-up marked ${labelOf(FOLLOW_UP_STATUS_LABELS, status).toLowerCase()}`,
  );
  // Its assignee may update a follow-up; otherwise the case's rule applies.
  const mayUpdate = followUp.assigneeId === me.id || canEditCase(item, me);
  const kind = labelOf(FOLLOW_UP_KIND_LABELS, followUp.kind);
  const due = formatDateTime(followUp.dueAt);

  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{due}</Table.Td>
      <Table.Td>{kind}</Table.Td>
      <Table.Td>{staffLabelById(staff.data, followUp.assigneeId, '—')}</Table.Td>
      <Table.Td>{followUp.note || '—'}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLORS[followUp.status]}>{labelOf(FOLLOW_UP_STATUS_LABELS, followUp.status)}</Badge>
      </Table.Td>
      <Table.Td>
        {(followUp.status === 'scheduled' || followUp.status === 'missed') && mayUpdate && (
          <Group gap="xs" wrap="nowrap">
            <>
              <Button
                size="xs"
                color="teal.9"
                loading={update.isPending && update.variables === 'done'}
                onClick={() => update.mutate('done', { onError: notifyFailed })}
                aria-label={`Done: ${kind} due ${due}`}
              >
                Done
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={update.isPending && update.variables === 'cancelled'}
                onClick={() => update.mutate('cancelled', { onError: notifyFailed })}
                aria-label={`Cancel: ${kind} due ${due}`}
              >
                Cancel
              </Button>
            </>
            <RescheduleFollowUp followUp={followUp} label={`Reschedule: ${kind} due ${due}`} />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ScheduleForm({ item, me, onDone }: { item: Case; me: Me; onDone: () => void }) {
  const staff = useQuery(staffQuery);
  const form = useForm({
    // A week on, the next business day if that is a weekend or a New York State holiday.
    initialValues: { dueAt: toLocalInput(defaultDueDate()), kind: 'check_in' as FollowUpKind, assigneeId: me.id, note: '', done: false },
    validate: { dueAt: isNotEmpty('Pick a due date') },
  });
  const schedule = useCaseChange(
    item.id,
    (body: CreateFollowUpBody) => unwrap(api.POST('/api/v1/cases/{id}/follow-ups', { params: { path: { id: item.id } }, body })),
    (body) =>
      body.status === 'done'
        ? `Follow-up logged as done (${formatDateTime(body.dueAt)})`
        : `Follow-up scheduled for ${formatDateTime(body.dueAt)}`,
  );
  const done = form.values.done;

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          schedule.mutate(
            {
              dueAt: fromLocalInput(values.dueAt),
              kind: values.kind,
              assigneeId: values.assigneeId,
              ...(values.note.trim() ? { note: values.note.trim() } : {}),
              status: values.done ? 'done' : 'scheduled',
            },
            // The API names the field `followUp.dueAt`.
            { onSuccess: onDone, onError: (error) => showApiError(form, error, (field) => field.replace(/^followUp\./, '')) },
          ),
        )}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DueAtInput
              label={done ? 'When' : 'Due'}
              required
              data-autofocus
              pastWarning={done ? null : 'This is in the past. If it already happened, log it as done below.'}
              {...form.getInputProps('dueAt')}
            />
            <Select label="Kind" data={FOLLOW_UP_KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
            <Select
              label="Assignee"
              data={staffOptions(staff.data)}
              searchable
              allowDeselect={false}
              {...form.getInputProps('assigneeId')}
            />
          </SimpleGrid>
          <TextInput label="Note" {...form.getInputProps('note')} />
          <Checkbox label="Already happened — log it as done" {...form.getInputProps('done', { type: 'checkbox' })} />
          <Text size="xs" c="dimmed">
            {done
              ? 'Logged as done: it counts as activity on the case, and nobody is reminded.'
              : 'The assignee gets a reminder; overdue follow-ups show on their My follow-ups page.'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={schedule.isPending}>
              {done ? 'Log as done' : 'Schedule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
