import { Anchor, Badge, Button, Group, Popover, Select, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { assignableStaff, invalidateCase, staffQuery, type StaffMember } from '../../api/cases';
import { acknowledgeEscalation, assignCase, escalationsQuery, type Escalation } from '../../api/escalations';
import { StallBadge } from '../../components/badges';
import { RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { staffLabelById, staffOptions } from '../../components/staffNames';
import { notifyFailed, notifySaved } from '../../notify';

/** The sweep runs every few minutes; a minute's polling keeps an open page current without a reload. */
const REFRESH_MS = 60_000;

/** Leads and admins: the cases the timers flagged, escalated first, with why, since when, and what to do about it. */
export function EscalationsPage() {
  const escalations = useQuery({ ...escalationsQuery, refetchInterval: REFRESH_MS });

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>Escalations</Title>
        <Text c="dimmed" size="sm">
          Active cases with no activity for too long, and requests still waiting for a first response. Acknowledge one to show you have
          taken it on, or reassign it. A case leaves this list once someone works on it. The list refreshes every minute.
        </Text>
      </Stack>
      {escalations.isPending ? (
        <LoadingState label="Loading escalations…" />
      ) : escalations.isError ? (
        <ErrorState error={escalations.error} onRetry={() => void escalations.refetch()} />
      ) : escalations.data.length === 0 ? (
        <EmptyState title="Nothing is stalled">
          Every open case has had recent activity, and every request has had a first response.
        </EmptyState>
      ) : (
        <EscalationsTable items={escalations.data} fetching={escalations.isFetching} />
      )}
    </Stack>
  );
}

function EscalationsTable({ items, fetching }: { items: Escalation[]; fetching: boolean }) {
  const staff = useQuery(staffQuery);
  const escalated = items.filter((item) => item.stallLevel === 'escalated').length;
  const atRisk = items.length - escalated;

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={1100}>
        <Table striped verticalSpacing="sm" aria-busy={fetching} aria-label="Escalated and at-risk cases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Case</Table.Th>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Level</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Last activity</Table.Th>
              <Table.Th>Assignee</Table.Th>
              <Table.Th>Acknowledged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <EscalationRow key={item.caseId} item={item} staff={staff.data} staffError={staff.isError} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed">
        {escalated} escalated · {atRisk} at risk
      </Text>
    </Stack>
  );
}

function EscalationRow({ item, staff, staffError }: { item: Escalation; staff?: StaffMember[]; staffError: boolean }) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: ['escalations'] }), invalidateCase(queryClient, item.caseId)]);

  const acknowledge = useMutation({
    mutationFn: (note?: string) => acknowledgeEscalation(item.caseId, note),
    onSuccess: async () => {
      notifications.show({ color: 'teal', title: 'Acknowledged', message: `${item.reference} is acknowledged` });
      await refresh();
    },
    onError: notifyFailed,
  });
  const reassign = useMutation({
    mutationFn: (consultantId: string) => assignCase(item.caseId, consultantId),
    onSuccess: async (_result, consultantId) => {
      notifySaved(`${item.reference} is assigned to ${staffLabelById(staff, consultantId, 'them')}`);
      await refresh();
    },
    onError: notifyFailed,
  });

  return (
    <Table.Tr>
      <Table.Td maw={280}>
        <Anchor component={Link} to={`/cases/${item.caseId}`} ff="monospace" size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
          {item.reference}
        </Anchor>
        <Text size="sm" lineClamp={2} title={item.title}>
          {item.title}
        </Text>
      </Table.Td>
      <Table.Td maw={200}>{item.organization.name}</Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <StallBadge level={item.stallLevel} />
          {item.since && (
            <Group gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
              <Text size="xs" c="dimmed">
                since
              </Text>
              <RelativeTime iso={item.since} size="xs" />
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>{item.reason}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <RelativeTime iso={item.lastActivityAt} />
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {item.assignee ? (
            <Text size="sm">{staffLabelById(staff, item.assignee.id, item.assignee.name)}</Text>
          ) : (
            <Dimmed>Unassigned</Dimmed>
          )}
          <Select
            aria-label={`Reassign ${item.reference}`}
            placeholder={staffError ? 'Staff unavailable' : 'Reassign to…'}
            data={reassignOptions(staff, item.assignee?.id)}
            value={null}
            onChange={(consultantId) => {
              setSearch('');
              if (consultantId) reassign.mutate(consultantId);
            }}
            searchValue={search}
            onSearchChange={setSearch}
            disabled={reassign.isPending || staffError}
            searchable
            size="xs"
            w={180}
            comboboxProps={{ width: 260, position: 'bottom-start' }}
          />
        </Stack>
      </Table.Td>
      <Table.Td>
        {item.acknowledgedAt ? (
          <Stack gap={2} align="flex-start">
            <Badge color="teal.9" styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}>
              Acknowledged
            </Badge>
            <RelativeTime iso={item.acknowledgedAt} size="xs" />
          </Stack>
        ) : (
          <Group gap={0} wrap="nowrap">
            <Button size="xs" variant="light" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(undefined)}>
              Acknowledge
              <VisuallyHidden> {item.reference}</VisuallyHidden>
            </Button>
            <AcknowledgeWithNote
              reference={item.reference}
              loading={acknowledge.isPending}
              onAcknowledge={(note) => acknowledge.mutate(note)}
            />
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One click acknowledges; this small form is for a lead who wants to say what they will do about it. */
function AcknowledgeWithNote({
  reference,
  loading,
  onAcknowledge,
}: {
  reference: string;
  loading: boolean;
  onAcknowledge: (note: string) => void;
}) {
  const [opened, { close, toggle }] = useDisclosure();
  const [note, setNote] = useState('');

  return (
    <Popover opened={opened} onChange={(next) => !next && close()} trapFocus position="bottom-end" width={300} withArrow shadow="md">
      <Popover.Target>
        <Button size="xs" variant="subtle" px={6} onClick={toggle} aria-expanded={opened}>
          Note…
          <VisuallyHidden> Acknowledge {reference} with a note</VisuallyHidden>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onAcknowledge(note.trim());
            close();
            setNote('');
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={`Note on ${reference}`}
              description="Added to the case's timeline"
              maxLength={1000}
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={loading}>
                Acknowledge
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

function Dimmed({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Active consultants and leads, grouped, without the one who has the case now. */
function reassignOptions(staff: StaffMember[] | undefined, currentId: string | undefined) {
  const others = assignableStaff(staff).filter((member) => member.id !== currentId);
  const group = (role: StaffMember['role']) => staffOptions(others.filter((member) => member.role === role));
  return [
    { group: 'Consultants', items: group('consultant') },
    { group: 'Program leads', items: group('lead') },
  ].filter((entry) => entry.items.length > 0);
}
