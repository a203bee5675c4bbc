import { Badge, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffQuery, topicLabel, topicsQuery, type Case } from '../../api/cases';
import { attachmentsQuery } from '../../api/attachments';
import { api, unwrap, type Me } from '../../api/client';
import { consultationsQuery, type Consultation } from '../../api/engagement';
import { labelOf, MODALITY_LABELS } from '../../api/labels';
import { contactsQuery } from '../../api/organizations';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../components/dates';
import { GuardedModal } from '../../components/GuardedModal';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed } from '../../notify';
import { ACCEPTED_FILES, FileLink, useUpload } from './CaseFiles';
import { canEditCase, canEditSession } from './permissions';
import { SessionForm } from './SessionForm';
import { useCaseChange } from '../../api/caseChange';

export function SessionsTab({ item, me }: { item: Case; me: Me }) {
  const sessions = useQuery(consultationsQuery(item.id));
  // `null`: closed; `'new'`: logging one; a session: editing it.
  const [editing, setEditing] = useState<Consultation | 'new' | null>(null);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          Sessions
        </Title>
        {canEditCase(item, me) && <Button onClick={() => setEditing('new')}>Log session</Button>}
      </Group>
      {/* Escape or a click outside asks first when something was typed. */}
      <GuardedModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Log session' : 'Edit session'}
        size="xl"
      >
        {editing !== null && (
          <SessionForm item={item} me={me} session={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </GuardedModal>
      {sessions.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyState title="No sessions logged yet">
          Log a consultation after each call, visit or training: it counts as activity and as the first response.
        </EmptyState>
      ) : (
        [...sessions.data]
          .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
          .map((session) => <SessionCard key={session.id} item={item} session={session} me={me} onEdit={() => setEditing(session)} />)
      )}
    </Stack>
  );
}

function SessionCard({ item, session, me, onEdit }: { item: Case; session: Consultation; me: Me; onEdit: () => void }) {
  const staff = useQuery(staffQuery);
  const topics = useQuery(topicsQuery);
  const contacts = useQuery(contactsQuery(item.organization.id));
  const remove = useCaseChange(
    item.id,
    () => unwrap(api.DELETE('/api/v1/consultations/{id}', { params: { path: { id: session.id } } })),
    () => 'Session deleted',
  );
  const author = staff.data?.find((member) => member.id === session.consultantId)?.name ?? 'A former colleague';
  const attendees = session.attendeeContactIds.map((id) => contacts.data?.find((contact) => contact.id === id)?.name ?? 'a contact');
  const when = formatDateTime(session.startedAt);

  return (
    <Paper withBorder p="md" component="article" aria-label={`Session on ${when}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{when}</Text>
            <Text size="sm" c="dimmed">
              {labelOf(MODALITY_LABELS, session.modality)} · {session.durationMinutes} min · logged by {author}
            </Text>
          </Stack>
          {canEditSession(session.consultantId, me) && (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={onEdit}>
                Edit
              </Button>
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title="Delete this session?"
                message={`The session of ${when} will be removed from the case; the timeline keeps a note that it was deleted.`}
                confirmLabel="Delete session"
                loading={remove.isPending}
                onConfirm={(close) => remove.mutate(undefined, { onSuccess: close, onError: notifyFailed })}
              >
                Delete
              </ConfirmButton>
            </Group>
          )}
        </Group>
        {(attendees.length > 0 || session.headcount) && (
          <Text size="sm">
            <Text span fw={500}>
              Attendees:{' '}
            </Text>
            {attendees.join(', ') || 'none named'}
            {session.headcount ? ` (${session.headcount} people in all)` : ''}
          </Text>
        )}
        {session.topics.length > 0 && (
          <Group gap={6}>
            {session.topics.map((code) => (
              <Badge key={code} variant="outline" color="indigo.8" tt="none" size="sm">
                {topicLabel(topics.data, code)}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {session.summary}
        </Text>
        {session.nextSteps && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={500}>
              Next steps:{' '}
            </Text>
            {session.nextSteps}
          </Text>
        )}
        <SessionFiles item={item} session={session} me={me} />
      </Stack>
    </Paper>
  );
}

/** The files kept on this session, each a download, and a way to add more for those who may change the case. */
function SessionFiles({ item, session, me }: { item: Case; session: Consultation; me: Me }) {
  const files = useQuery(attachmentsQuery(item.id));
  const upload = useUpload(item, session.id);
  const mine = (files.data ?? []).filter((file) => file.consultationId === session.id);
  if (mine.length === 0 && !canEditCase(item, me)) return null;
  return (
    <Group gap="xs" aria-label="Session files">
      <Text span size="sm" fw={500}>
        Files:
      </Text>
      {mine.length === 0 && (
        <Text span size="sm" c="dimmed">
          none
        </Text>
      )}
      {mine.map((file) => (
        <FileLink key={file.id} file={file} />
      ))}
      {canEditCase(item, me) && (
        <FileButton
          multiple
          accept={ACCEPTED_FILES}
          onChange={(chosen) => chosen.length && upload.mutate(chosen, { onError: notifyFailed })}
        >
          {(props) => (
            <Button {...props} size="xs" variant="subtle" loading={upload.isPending}>
              Attach files
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}
