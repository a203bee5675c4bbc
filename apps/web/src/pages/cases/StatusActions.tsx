import { Alert, Button, Divider, Group, List, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Case } from '../../api/cases';
import { api, ApiError, unwrap, type Me } from '../../api/client';
import {
  FOLLOW_UP_KIND_LABELS,
  labelOf,
  NEEDS_REASON,
  OPEN_WORK_OPTIONS,
  REASON_OPTIONS,
  STATUS_LABELS,
  type CaseStatus,
  type OpenWorkChoice,
  type ReasonCode,
} from '../../api/labels';
import { formatDate, formatDateTime } from '../../components/dates';
import { notifyFailed } from '../../notify';
import { useOpenWork, workWords, type OpenWork } from './openWork';
import { canEditCase } from './permissions';
import { useCaseChange } from '../../api/caseChange';

/** What the button for a move says, given where the case is now. */
export function moveLabel(from: CaseStatus, to: CaseStatus): string {
  switch (to) {
    case 'triaged':
      return 'Mark triaged';
    case 'active':
      return from === 'on_hold' ? 'Resume' : from === 'resolved' ? 'Reopen' : 'Activate';
    case 'on_hold':
      return 'Put on hold';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close case';
    default:
      return `Move to ${STATUS_LABELS[to].toLowerCase()}`;
  }
}

/** Moves that finish a case: kept apart from the next-step button, so a second click on that never lands on them. */
const FINISHING: readonly CaseStatus[] = ['resolved', 'closed'];

export interface MoveBody {
  to: CaseStatus;
  reason?: ReasonCode;
  openWork?: OpenWorkChoice;
}

/** POST /cases/:id/transitions with the case's version (a stale page gets a 409 and reloads). */
export function useMove(item: Case) {
  return useCaseChange(
    item.id,
    (body: MoveBody) =>
      unwrap(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: item.id } }, body: { ...body, version: item.version } })),
    ({ to }) => `${item.reference} is now ${STATUS_LABELS[to].toLowerCase()}`,
  );
}

/**
 * One button per legal move (CaseDto.allowedMoves): the next step on the right, in a slot of its own width, and the
 * finishing moves (resolve, close) to its left past a divider. Resolving asks for the outcome and what happens to
 * open work; closing and holding ask for a reason. A consultant may mark a request nobody has yet as triaged.
 */
export function StatusActions({ item, me }: { item: Case; me: Me }) {
  const [asking, setAsking] = useState<CaseStatus | null>(null);
  const move = useMove(item);
  const queryClient = useQueryClient();

  const editable = canEditCase(item, me);
  const unclaimed = !item.assignee && (item.status === 'new' || item.status === 'triaged');
  const moves = editable ? item.allowedMoves : unclaimed ? item.allowedMoves.filter((to) => to === 'triaged') : [];
  if (!editable && moves.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {item.assignee
          ? `Assigned to ${item.assignee.name}; only they, leads and admins change this case.`
          : 'Nobody has this request yet: assign it to yourself to work on it.'}
      </Text>
    );
  if (moves.length === 0) return null;

  const button = (to: CaseStatus) => (
    <Button
      key={to}
      size="sm"
      miw={FINISHING.includes(to) ? undefined : 130}
      variant={FINISHING.includes(to) || to === 'on_hold' ? 'default' : 'filled'}
      loading={move.isPending && move.variables.to === to}
      disabled={move.isPending}
      onClick={() => (to === 'resolved' || NEEDS_REASON.includes(to) ? setAsking(to) : move.mutate({ to }, { onError: notifyFailed }))}
    >
      {moveLabel(item.status, to)}
    </Button>
  );
  const finishing = moves.filter((to) => FINISHING.includes(to));
  const next = moves.filter((to) => !FINISHING.includes(to));
  const close = () => {
    setAsking(null);
    move.reset();
  };

  return (
    <>
      <Group gap="md" role="group" aria-label="Change status" wrap="nowrap">
        {finishing.length > 0 && <Group gap="xs">{finishing.map(button)}</Group>}
        {finishing.length > 0 && next.length > 0 && <Divider orientation="vertical" />}
        {next.length > 0 && <Group gap="xs">{next.map(button)}</Group>}
      </Group>
      {asking === 'resolved' ? (
        <ResolveModal
          item={item}
          pending={move.isPending}
          error={move.error}
          onClose={close}
          onConfirm={(reason, openWork) =>
            move.mutate(
              { to: 'resolved', reason, openWork },
              {
                onSuccess: () => setAsking(null),
                // Work added since the page loaded: show it, so the choice is made knowing what it is.
                onError: (error) =>
                  error instanceof ApiError &&
                  error.fieldErrors().openWork &&
                  void queryClient.invalidateQueries({ queryKey: ['engagement', item.id] }),
              },
            )
          }
        />
      ) : asking ? (
        <ReasonModal
          item={item}
          to={asking}
          pending={move.isPending}
          error={move.error}
          onClose={close}
          onConfirm={(reason) => move.mutate({ to: asking, reason }, { onSuccess: () => setAsking(null) })}
        />
      ) : null}
    </>
  );
}

function ReasonModal({
  item,
  to,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  item: Case;
  to: CaseStatus;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
  onConfirm: (reason: ReasonCode) => void;
}) {
  const [reason, setReason] = useState<ReasonCode | null>(null);
  const [missing, setMissing] = useState(false);
  const work = useOpenWork(item.id, { enabled: to === 'closed' });
  const open = work.followUps.length + work.actionItems.length;
  const title = to === 'closed' ? 'Close this case' : 'Put this case on hold';
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason) setMissing(true);
          else onConfirm(reason);
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Text size="sm">The reason is kept for reporting to the funder.</Text>
          {to === 'closed' && open > 0 && (
            <Text size="sm">Closing cancels its {workWords(work.followUps.length, work.actionItems.length, 'open')}.</Text>
          )}
          <Select
            label="Reason"
            placeholder="Choose a reason"
            data={REASON_OPTIONS}
            value={reason}
            onChange={(value) => {
              setReason(value as ReasonCode | null);
              setMissing(false);
            }}
            error={missing ? 'Choose a reason' : undefined}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} color={to === 'closed' ? 'red' : undefined}>
              {to === 'closed' ? 'Close case' : 'Put on hold'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The open work resolving asks about, a line each (the first few). */
function OpenWorkList({ work }: { work: OpenWork }) {
  const SHOWN = 5;
  const lines = [
    ...work.followUps.map(
      (f) =>
        `Follow-up: ${labelOf(FOLLOW_UP_KIND_LABELS, f.kind).toLowerCase()} due ${formatDateTime(f.dueAt)}${f.status === 'missed' ? ' (missed)' : ''}${
          f.note ? ` — ${f.note}` : ''
        }`,
    ),
    ...work.actionItems.map((i) => `Action item: ${i.description}${i.dueDate ? ` (due ${formatDate(i.dueDate)})` : ''}`),
  ];
  return (
    <List size="sm" spacing={2}>
      {lines.slice(0, SHOWN).map((line, index) => (
        <List.Item key={index}>{line}</List.Item>
      ))}
      {lines.length > SHOWN && <List.Item>and {lines.length - SHOWN} more</List.Item>}
    </List>
  );
}

/** Resolving: the outcome (a reason code) and, when there is open work, whether to cancel or keep it. */
function ResolveModal({
  item,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  item: Case;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
  onConfirm: (reason: ReasonCode, openWork?: OpenWorkChoice) => void;
}) {
  const [reason, setReason] = useState<ReasonCode | null>(null);
  const [choice, setChoice] = useState<OpenWorkChoice | null>(null);
  const [tried, setTried] = useState(false);
  const work = useOpenWork(item.id);
  const open = work.followUps.length + work.actionItems.length;
  // The API knows best: work added elsewhere since this page loaded comes back as a field error on `openWork`.
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  const askChoice = open > 0 || !!fields.openWork;

  return (
    <Modal opened onClose={onClose} title="Resolve this case">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!reason || !work.known || (askChoice && !choice)) return;
          onConfirm(reason, choice ?? undefined);
        }}
      >
        <Stack>
          {error && !fields.reason && !fields.openWork && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <Select
            label="Outcome"
            description="Kept for reporting to the funder"
            placeholder="Choose the outcome"
            data={REASON_OPTIONS}
            value={reason}
            onChange={(value) => setReason(value as ReasonCode | null)}
            error={fields.reason ?? (tried && !reason ? 'Choose the outcome' : undefined)}
            required
            data-autofocus
          />
          {!work.known ? (
            <Text size="sm" c="dimmed" role="status">
              Checking for open follow-ups and action items…
            </Text>
          ) : open === 0 && !fields.openWork ? (
            <Text size="sm">This case has no open follow-ups or action items.</Text>
          ) : (
            <Stack gap="xs">
              {open > 0 && (
                <>
                  <Text size="sm" fw={500}>
                    This case has {workWords(work.followUps.length, work.actionItems.length, 'open')}:
                  </Text>
                  <OpenWorkList work={work} />
                </>
              )}
              <Radio.Group
                label="What happens to them?"
                required
                value={choice}
                onChange={(value) => setChoice(value as OpenWorkChoice)}
                error={fields.openWork ?? (tried && !choice ? 'Choose whether to cancel or keep them' : undefined)}
              >
                <Stack gap="xs" mt="xs">
                  {OPEN_WORK_OPTIONS.map((option) => (
                    <Radio key={option.value} value={option.value} label={option.label} />
                  ))}
                </Stack>
              </Radio.Group>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Resolve case
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
