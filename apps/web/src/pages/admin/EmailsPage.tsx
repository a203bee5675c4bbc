import { Badge, Button, Code, Group, Pagination, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { emailsQuery, retryEmail, type EmailStatus, type OutboundEmail } from '../../api/emails';
import { formatDateTime, RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed } from '../../notify';

const PAGE_SIZE = 25;

const STATUS_OPTIONS: { value: EmailStatus; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending' },
  { value: 'sent', label: 'Sent' },
];

/** The outbox's templates in words; an unknown one shows its code. */
const TEMPLATE_LABELS: Record<string, string> = {
  intake_confirmation: 'Request confirmation',
  intake_new_request: 'New request (to leads)',
  escalation: 'Escalation',
  stall_at_risk: 'Case at risk',
  reminder: 'Reminder',
  test_message: 'Test message',
};

const EMPTY: Record<EmailStatus, { title: string; text: string }> = {
  failed: { title: 'No failed emails', text: 'Every email TA Desk tried to send has gone out or is still being tried.' },
  pending: { title: 'Nothing waiting', text: 'No email is waiting to be sent.' },
  sent: { title: 'Nothing sent yet', text: 'Sent emails appear here.' },
};

/** Leads and admins: the emails that could not be delivered, with a way to send them again once the cause is fixed. */
export function EmailsPage() {
  const [params, setParams] = useSearchParams();
  const status = (STATUS_OPTIONS.find((option) => option.value === params.get('status'))?.value ?? 'failed') as EmailStatus;
  const page = Math.max(1, Number(params.get('page')) || 1);

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>Emails</Title>
        <Text c="dimmed" size="sm">
          The worker tries each email several times. One that still fails stays here until you retry it, for example once the mail server is
          reachable again.
        </Text>
      </Stack>
      <SegmentedControl
        aria-label="Email status"
        data={STATUS_OPTIONS}
        value={status}
        onChange={(next) => setParams({ status: next })}
        w={{ base: '100%', xs: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
      />
      <EmailsTable status={status} page={page} onPage={(next) => setParams({ status, page: String(next) })} />
    </Stack>
  );
}

function EmailsTable({ status, page, onPage }: { status: EmailStatus; page: number; onPage: (page: number) => void }) {
  // Pending emails change as the worker sends them; the other lists refresh on focus and after a retry.
  const emails = useQuery({
    ...emailsQuery(status, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: status === 'pending' ? 5000 : false,
  });

  if (emails.isPending) return <LoadingState label="Loading emails…" />;
  if (emails.isError) return <ErrorState error={emails.error} onRetry={() => void emails.refetch()} />;
  const { items, total } = emails.data;
  if (items.length === 0) return <EmptyState title={EMPTY[status].title}>{EMPTY[status].text}</EmptyState>;

  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped verticalSpacing="sm" aria-busy={emails.isFetching} aria-label={`${status} emails`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>Template</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last error</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((email) => (
              <EmailRow key={email.id} email={email} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {total === 1 ? `1 ${status} email` : `${total} ${status} emails`}
        </Text>
        {total > PAGE_SIZE && (
          <Pagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={onPage}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
        )}
      </Group>
    </>
  );
}

function EmailRow({ email }: { email: OutboundEmail }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryEmail(email.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', title: 'Queued again', message: `The email to ${email.recipient} will be sent again shortly` });
      await queryClient.invalidateQueries({ queryKey: ['emails'] });
    },
    onError: notifyFailed,
  });

  return (
    <Table.Tr>
      <Table.Td>{email.recipient}</Table.Td>
      <Table.Td>
        <Text size="sm">{TEMPLATE_LABELS[email.template] ?? email.template}</Text>
        {TEMPLATE_LABELS[email.template] && (
          <Code fz="xs" c="dark.6">
            {email.template}
          </Code>
        )}
      </Table.Td>
      <Table.Td>{email.attempts}</Table.Td>
      <Table.Td maw={320}>
        {email.lastError ? (
          <Text size="sm" lineClamp={2} title={email.lastError} style={{ wordBreak: 'break-word' }}>
            {email.lastError}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            None
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <RelativeTime iso={email.createdAt} />
        {email.sentAt && (
          <Text size="xs" c="dimmed">
            Sent {formatDateTime(email.sentAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {email.status === 'failed' ? (
          <Button size="xs" variant="light" loading={retry.isPending} onClick={() => retry.mutate()}>
            Retry
            <VisuallyHidden> email to {email.recipient}</VisuallyHidden>
          </Button>
        ) : (
          <Badge color={email.status === 'sent' ? 'teal.9' : 'gray.7'}>{email.status === 'sent' ? 'Sent' : 'Pending'}</Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
