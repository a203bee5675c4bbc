import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { emailsQuery, retryEmail, type EmailStatus, type OutboundEmail } from '../../api/emails';
import { TEMPLATE_LABELS } from '../../api/labels';
import { formatDateTime, RelativeTime } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { plural } from '../../components/plural';
import { notifyFailed } from '../../notify';

const PAGE_SIZE = 25;

type StatusFilter = EmailStatus | 'all';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending' },
  { value: 'sent', label: 'Sent' },
  { value: 'all', label: 'All' },
];

const EMPTY: Record<StatusFilter, { title: string; text: string }> = {
  failed: { title: 'No failed emails', text: 'Every email TA Desk tried to send has gone out or is still being tried.' },
  pending: { title: 'Nothing waiting', text: 'No email is waiting to be sent.' },
  sent: { title: 'Nothing sent yet', text: 'Sent emails appear here.' },
  all: { title: 'No emails yet', text: 'Every email TA Desk sends appears here.' },
};

/** Leads and admins: the emails that could not be delivered, with a way to send them again once the cause is fixed. */
export function EmailsPage() {
  const [params, setParams] = useSearchParams();
  const status = STATUS_OPTIONS.find((option) => option.value === params.get('status'))?.value ?? 'failed';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  /** The filters in the address (bookmarkable); a new status or search starts at page 1. */
  const go = (next: { status?: StatusFilter; q?: string; page?: number }) => {
    const merged = { status, q, page: 1, ...next };
    setParams(
      {
        status: merged.status,
        ...(merged.q ? { q: merged.q } : {}),
        ...(merged.page > 1 ? { page: String(merged.page) } : {}),
      },
      { replace: 'q' in next },
    );
  };
  const pushSearch = useDebouncedCallback((value: string) => go({ q: value.trim() }), 300);

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>Emails</Title>
        <Text c="dimmed" size="sm">
          The worker tries each email several times. One that still fails stays here until you retry it, for example once the mail server is
          reachable again.
        </Text>
      </Stack>
      <Group align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="Email status"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(next) => go({ status: next as StatusFilter })}
          w={{ base: '100%', xs: 'auto' }}
        />
        <TextInput
          label="Search"
          placeholder="Recipient, subject or reference"
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          w={{ base: '100%', xs: 320 }}
          maxLength={200}
        />
      </Group>
      <EmailsTable status={status} q={q} page={page} onPage={(next) => go({ page: next })} />
    </Stack>
  );
}

function EmailsTable({ status, q, page, onPage }: { status: StatusFilter; q: string; page: number; onPage: (page: number) => void }) {
  // Pending emails change as the worker sends them; the other lists refresh on focus and after a retry.
  const emails = useQuery({
    ...emailsQuery({ ...(status === 'all' ? {} : { status }), ...(q ? { q } : {}), page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: status === 'pending' ? 5000 : false,
  });

  if (emails.isPending) return <LoadingState label="Loading emails…" />;
  if (emails.isError) return <ErrorState error={emails.error} onRetry={() => void emails.refetch()} />;
  const { items, total } = emails.data;
  if (items.length === 0)
    return q ? (
      <EmptyState title="No matches">No email matches “{q}”. Search by recipient, subject or case reference.</EmptyState>
    ) : (
      <EmptyState title={EMPTY[status].title}>{EMPTY[status].text}</EmptyState>
    );
  const noun = status === 'all' ? 'email' : `${status} email`;

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" aria-busy={emails.isFetching} aria-label={status === 'all' ? 'Emails' : `${status} emails`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Recipient</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Case</Table.Th>
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
          {plural(total, noun)}
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
  const [previewing, { toggle }] = useDisclosure(false);
  const retry = useMutation({
    mutationFn: () => retryEmail(email.id),
    onSuccess: async () => {
      notifications.show({ color: 'teal', title: 'Queued again', message: `The email to ${email.recipient} will be sent again shortly` });
      await queryClient.invalidateQueries({ queryKey: ['emails'] });
    },
    onError: notifyFailed,
  });
  const template: string | undefined = TEMPLATE_LABELS[email.template];
  const previewId = `email-preview-${email.id}`;

  return (
    <>
      <Table.Tr>
        <Table.Td miw={200} style={{ overflowWrap: 'anywhere' }}>
          {email.recipient}
        </Table.Td>
        <Table.Td maw={320}>
          <Text size="sm" fw={500}>
            {email.subject ?? 'No preview (template no longer exists)'}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {template ?? email.template}
            </Text>
            {template && (
              <Code fz="xs" c="dark.6">
                {email.template}
              </Code>
            )}
          </Group>
          {email.text !== null && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={toggle}
              aria-expanded={previewing}
              aria-controls={previewing ? previewId : undefined}
            >
              {previewing ? 'Hide preview' : 'Preview'}
              <VisuallyHidden> of the email to {email.recipient}</VisuallyHidden>
            </Anchor>
          )}
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {email.caseId ? (
            <Anchor component={Link} to={`/cases/${email.caseId}`} ff="monospace" size="sm">
              {email.reference ?? 'Open the case'}
            </Anchor>
          ) : email.reference ? (
            <Text size="sm" ff="monospace">
              {email.reference}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
        <Table.Td>{email.attempts}</Table.Td>
        <Table.Td maw={280}>
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
            <Badge color={email.status === 'sent' ? 'teal.9' : 'gray.7'} styles={{ root: { flexShrink: 0, minWidth: 'max-content' } }}>
              {email.status === 'sent' ? 'Sent' : 'Pending'}
            </Badge>
          )}
        </Table.Td>
      </Table.Tr>
      {/* Rendered only while open: a closed preview is not in the page (nor in its accessibility tree). */}
      {previewing && email.text !== null && (
        <Table.Tr id={previewId}>
          <Table.Td colSpan={7} p={0}>
            <Paper bg="gray.0" p="md" m="xs" radius="sm" role="region" aria-label={`Email to ${email.recipient}`}>
              <Text size="sm" fw={600} mb={4}>
                {email.subject}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {email.text}
              </Text>
            </Paper>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
