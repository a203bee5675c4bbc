import { Anchor, Badge, Button, FileButton, Group, MultiSelect, Paper, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { attachmentsQuery, attachmentUrl, uploadAttachments } from '../../api/attachments';
import { invalidateCase, type Case } from '../../api/cases';
import { ApiError, type Me } from '../../api/client';
import { markThreadRead, rawMessageUrl, sendMessage, threadQuery, type Message } from '../../api/conversation';
import { AUTO_REPLY_LABELS, MESSAGE_STATUS_LABELS, type MessageStatus } from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { formatDateTime } from '../../components/dates';
import { LimitedTextarea } from '../../components/LimitedTextarea';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed, notifySaved } from '../../notify';
import { ACCEPTED_FILES } from './CaseFiles';
import { canEditCase } from './permissions';

const BODY_LIMIT = 50000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const STATUS_COLORS: Record<MessageStatus, string> = { pending: 'gray', sent: 'teal', failed: 'red' };

/** The email conversation with the clinic: the thread, oldest first, and (for those who may write) a message to send. */
export function ConversationTab({ item, me }: { item: Case; me: Me }) {
  const thread = useQuery({ ...threadQuery(item.id), refetchInterval: 30_000 });
  const queryClient = useQueryClient();
  const isMine = item.assignee?.id === me.id || !item.assignee;

  // Opening the conversation is reading it: the case's consultant's "new reply" mark goes.
  useEffect(() => {
    if (!item.newReply || !isMine) return;
    void markThreadRead(item.id).then(() => queryClient.invalidateQueries({ queryKey: ['cases'] }));
  }, [item.id, item.newReply, isMine, queryClient]);

  return (
    <Stack>
      <Title order={3} size="h4">
        Conversation
      </Title>
      {thread.isPending ? (
        <LoadingState label="Loading the conversation…" />
      ) : thread.isError ? (
        <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
      ) : (
        <>
          {thread.data.replyAddress && (
            <Text size="sm" c="dimmed">
              Replies to {thread.data.replyAddress} come back to this case.
            </Text>
          )}
          {thread.data.items.length === 0 ? (
            <EmptyState title="No messages yet">Write to the clinic below; their replies appear here.</EmptyState>
          ) : (
            <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Messages, oldest first">
              {thread.data.items.map((message) => (
                <li key={message.id}>
                  <MessageCard message={message} />
                </li>
              ))}
            </Stack>
          )}
        </>
      )}
      {canEditCase(item, me) && <Compose item={item} lastSubject={thread.data?.items.at(-1)?.subject} />}
    </Stack>
  );
}

function MessageCard({ message }: { message: Message }) {
  const [showAll, setShowAll] = useState(false);
  const outbound = message.direction === 'outbound';
  const who = outbound
    ? `${message.author?.name ?? 'TA Desk'} to ${message.to.join(', ')}`
    : message.origin === 'status_page'
      ? 'The requester, on the status page'
      : `${message.fromName ? `${message.fromName} <${message.fromAddress}>` : (message.fromAddress ?? 'Unknown sender')}`;
  const when = formatDateTime(message.sentAt ?? message.receivedAt ?? message.createdAt);
  const status = message.status ? { label: MESSAGE_STATUS_LABELS[message.status], color: STATUS_COLORS[message.status] } : undefined;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`${outbound ? 'Sent' : 'Received'} ${when}`}
      bg={outbound ? undefined : 'gray.0'}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600}>{message.subject || '(no subject)'}</Text>
            <Text size="sm" c="dimmed">
              {outbound ? 'Sent by ' : 'From '}
              {who} · {when}
            </Text>
          </Stack>
          <Group gap="xs">
            {status && (
              <Badge color={status.color} variant="light">
                {status.label}
              </Badge>
            )}
            {message.autoReply && (
              <Badge color="gray" variant="outline">
                {AUTO_REPLY_LABELS[message.autoReply]}
              </Badge>
            )}
          </Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{showAll ? message.fullBody : message.body}</Text>
        {message.folded && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setShowAll((v) => !v)}
            aria-expanded={showAll}
          >
            {showAll ? 'Hide quoted text' : 'Show quoted text'}
          </Anchor>
        )}
        {message.attachments.length > 0 && (
          <Group gap="sm" aria-label="Files">
            <Text size="sm" c="dimmed">
              Files:
            </Text>
            {message.attachments.map((file) => (
              <Anchor key={file.id} href={attachmentUrl(file.id)} download size="sm">
                {file.fileName}
              </Anchor>
            ))}
          </Group>
        )}
        {message.hasRaw && (
          <Anchor href={rawMessageUrl(message.id)} size="xs" c="dimmed">
            Original email
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** To: the case's contacts offered, any address typed; the subject starts with the reference; the case's files to attach. */
function Compose({ item, lastSubject }: { item: Case; lastSubject?: string }) {
  const queryClient = useQueryClient();
  const contacts = useQuery(contactsQuery(item.organization.id));
  const files = useQuery(attachmentsQuery(item.id));
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [attachmentIds, setAttachmentIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const start = () => {
    const primary = contacts.data?.find((c) => c.id === item.primaryContactId);
    setTo(primary ? [primary.email] : []);
    setSubject(lastSubject ? (/^re:/i.test(lastSubject) ? lastSubject : `Re: ${lastSubject}`) : `${item.reference}: ${item.title}`);
    setOpen(true);
  };
  const upload = useMutation({
    mutationFn: (chosen: File[]) => uploadAttachments(item.id, chosen),
    onSuccess: async (added) => {
      setAttachmentIds((ids) => [...ids, ...added.map((a) => a.id)]);
      await queryClient.invalidateQueries({ queryKey: ['cases', 'attachments', item.id] });
    },
    onError: notifyFailed,
  });
  const send = useMutation({
    mutationFn: () => sendMessage(item.id, { to, subject, body, ...(attachmentIds.length ? { attachmentIds } : {}) }),
    onSuccess: async () => {
      notifySaved('Message sent to the outbox');
      setOpen(false);
      setBody('');
      setAttachmentIds([]);
      setErrors({});
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['conversation', item.id] }), invalidateCase(queryClient, item.id)]);
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fieldErrors()).length) setErrors(error.fieldErrors());
      else notifyFailed(error);
    },
  });
  const submit = () => {
    const problems: Record<string, string> = {};
    if (to.length === 0) problems.to = 'Add at least one address';
    else if (to.some((a) => !EMAIL.test(a))) problems.to = `Not an email address: ${to.filter((a) => !EMAIL.test(a)).join(', ')}`;
    if (!subject.trim()) problems.subject = 'Write a subject';
    if (!body.trim()) problems.body = 'Write a message';
    else if (body.length > BODY_LIMIT) problems.body = `At most ${BODY_LIMIT} characters`;
    setErrors(problems);
    if (Object.keys(problems).length === 0) send.mutate();
  };

  if (!open)
    return (
      <Group>
        <Button onClick={start}>Write to the clinic</Button>
      </Group>
    );
  const contactOptions = (contacts.data ?? []).map((c) => c.email);
  return (
    <Paper withBorder p="md" component="form" aria-label="New message" onSubmit={(e) => (e.preventDefault(), submit())}>
      <Stack>
        <TagsInput
          label="To"
          description="The organization's contacts, or type any address and press Enter"
          data={contactOptions}
          value={to}
          onChange={setTo}
          splitChars={[',', ' ', ';']}
          clearable
          error={errors.to}
          required
        />
        <TextInput label="Subject" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.subject} required />
        <LimitedTextarea
          label="Message"
          description="The center's signature is added under it"
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={6}
          limit={BODY_LIMIT}
          error={errors.body}
          required
        />
        <Group align="flex-end" wrap="wrap">
          <MultiSelect
            label="Attach files of this case"
            placeholder={files.data?.length ? 'Choose files' : 'No files on this case yet'}
            data={(files.data ?? []).map((f) => ({ value: f.id, label: f.fileName }))}
            value={attachmentIds}
            onChange={setAttachmentIds}
            error={errors.attachmentIds}
            style={{ flex: 1, minWidth: 240 }}
          />
          <FileButton multiple accept={ACCEPTED_FILES} onChange={(chosen) => chosen.length && upload.mutate(chosen)}>
            {(props) => (
              <Button variant="default" {...props} loading={upload.isPending}>
                Upload and attach
              </Button>
            )}
          </FileButton>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={send.isPending}>
            Send
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
