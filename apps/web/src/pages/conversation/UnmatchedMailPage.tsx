import { Anchor, Button, Group, Pagination, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { casesQuery } from '../../api/cases';
import { assignMessage, openCaseFromMessage, rawMessageUrl, unmatchedQuery, type Message } from '../../api/conversation';
import { formatDateTime } from '../../components/dates';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { plural } from '../../components/plural';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed, notifySaved } from '../../notify';

/** Mail to the center's mailbox that named no case: leads attach each to a case, or open a new case from it. */
export function UnmatchedMailPage() {
  const [page, setPage] = useState(1);
  const list = useQuery({ ...unmatchedQuery(page), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Title order={2}>Unmatched mail</Title>
      <Text c="dimmed">
        Emails to the center's mailbox that matched no case by reply address, thread or reference. Nothing is lost: attach each to its case,
        or open a new case from it.
      </Text>
      {list.isPending ? (
        <LoadingState label="Loading unmatched mail…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="Nothing to sort">Every email has found its case.</EmptyState>
      ) : (
        <>
          <Text size="sm">{plural(list.data.total, 'email')} waiting</Text>
          {list.data.items.map((message) => (
            <UnmatchedCard key={message.id} message={message} />
          ))}
          {list.data.total > list.data.pageSize && (
            <Pagination total={Math.ceil(list.data.total / list.data.pageSize)} value={page} onChange={setPage} />
          )}
        </>
      )}
    </Stack>
  );
}

function UnmatchedCard({ message }: { message: Message }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'attach' | 'new' | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [title, setTitle] = useState(message.subject.replace(/^\s*((re|fwd?)\s*:\s*)+/i, ''));
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const cases = useQuery({
    ...casesQuery({ q: q || undefined, pageSize: 20 }),
    enabled: mode === 'attach',
    placeholderData: keepPreviousData,
  });
  const done = async (to: string, words: string) => {
    notifySaved(words);
    await queryClient.invalidateQueries({ queryKey: ['conversation'] });
    await queryClient.invalidateQueries({ queryKey: ['cases'] });
    void navigate(`/cases/${to}?tab=conversation`);
  };
  const attach = useMutation({
    mutationFn: (id: string) => assignMessage(message.id, id),
    onSuccess: (_r, id) => done(id, 'Email attached to the case'),
    onError: notifyFailed,
  });
  const open = useMutation({
    mutationFn: () => openCaseFromMessage(message.id, organizationId ?? '', title.trim() || undefined),
    onSuccess: (created) => done(created.id, `Case ${created.reference} opened`),
    onError: notifyFailed,
  });
  const from = message.fromName ? `${message.fromName} <${message.fromAddress}>` : (message.fromAddress ?? 'Unknown sender');

  return (
    <Paper withBorder p="md" component="article" aria-label={`Email from ${from}: ${message.subject}`}>
      <Stack gap="xs">
        <Text fw={600}>{message.subject || '(no subject)'}</Text>
        <Text size="sm" c="dimmed">
          From {from} · {formatDateTime(message.receivedAt ?? message.createdAt)}
          {message.autoReply ? ' · automatic reply' : ''}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} lineClamp={8}>
          {message.body}
        </Text>
        {message.hasRaw && (
          <Anchor href={rawMessageUrl(message.id)} size="xs">
            Original email (with its files)
          </Anchor>
        )}
        <Group>
          <Button variant={mode === 'attach' ? 'filled' : 'default'} onClick={() => setMode('attach')}>
            Attach to a case
          </Button>
          <Button variant={mode === 'new' ? 'filled' : 'default'} onClick={() => setMode('new')}>
            Open a new case
          </Button>
        </Group>
        {mode === 'attach' && (
          <Group align="flex-end">
            <Select
              label="Case"
              placeholder="Search by reference, title or organization"
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              filter={({ options }) => options}
              data={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} · ${c.title} · ${c.organization.name}` }))}
              value={caseId}
              onChange={setCaseId}
              style={{ flex: 1, minWidth: 260 }}
            />
            <Button disabled={!caseId} loading={attach.isPending} onClick={() => caseId && attach.mutate(caseId)}>
              Attach
            </Button>
          </Group>
        )}
        {mode === 'new' && (
          <Group align="flex-end">
            <OrganizationPicker
              label="Organization"
              value={organizationId}
              onChange={setOrganizationId}
              style={{ flex: 1, minWidth: 240 }}
            />
            <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: 1, minWidth: 240 }} />
            <Button disabled={!organizationId} loading={open.isPending} onClick={() => open.mutate()}>
              Open case
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
