import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Case } from '../../api/cases';
import { api, unwrap, type Me } from '../../api/client';
import { NEEDS_REASON, REASON_OPTIONS, STATUS_LABELS, type CaseStatus, type ReasonCode } from '../../api/labels';
import { notifyFailed } from '../../notify';
import { canEditCase } from './permissions';
import { useCaseChange } from './useCaseChange';

/** What the button for a move says, given where the case is now. */
function moveLabel(from: CaseStatus, to: CaseStatus): string {
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

/** One button per legal move (CaseDto.allowedMoves); closing and holding ask for a reason code first. */
export function StatusActions({ item, me }: { item: Case; me: Me }) {
  const [asking, setAsking] = useState<CaseStatus | null>(null);
  const move = useCaseChange(
    item.id,
    (body: { to: CaseStatus; reason?: ReasonCode }) =>
      unwrap(api.POST('/api/v1/cases/{id}/transitions', { params: { path: { id: item.id } }, body: { ...body, version: item.version } })),
    ({ to }) => `${item.reference} is now ${STATUS_LABELS[to].toLowerCase()}`,
  );

  if (!canEditCase(item, me))
    return (
      <Text size="sm" c="dimmed">
        Assigned to {item.assignee?.name ?? 'nobody yet'}; only they, leads and admins change this case.
      </Text>
    );
  if (item.allowedMoves.length === 0) return null;

  return (
    <>
      <Group gap="xs" role="group" aria-label="Change status">
        {item.allowedMoves.map((to) => (
          <Button
            key={to}
            size="sm"
            variant={to === 'closed' || to === 'on_hold' ? 'default' : 'filled'}
            loading={move.isPending && move.variables.to === to}
            disabled={move.isPending}
            onClick={() => (NEEDS_REASON.includes(to) ? setAsking(to) : move.mutate({ to }, { onError: notifyFailed }))}
          >
            {moveLabel(item.status, to)}
          </Button>
        ))}
      </Group>
      {asking && (
        <ReasonModal
          to={asking}
          pending={move.isPending}
          error={move.error}
          onClose={() => {
            setAsking(null);
            move.reset();
          }}
          onConfirm={(reason) => move.mutate({ to: asking, reason }, { onSuccess: () => setAsking(null) })}
        />
      )}
    </>
  );
}

function ReasonModal({
  to,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  to: CaseStatus;
  pending: boolean;
  error: Error | null;
  onClose: () => void;
  onConfirm: (reason: ReasonCode) => void;
}) {
  const [reason, setReason] = useState<ReasonCode | null>(null);
  const [missing, setMissing] = useState(false);
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
