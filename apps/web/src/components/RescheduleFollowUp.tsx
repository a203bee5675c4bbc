import { Button, Stack, TextInput } from '@mantine/core';
import { DueAtInput } from './DueAtInput';
import { GuardedModal, ModalActions } from './GuardedModal';
import { isNotEmpty, useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { api, unwrap } from '../api/client';
import type { FollowUp } from '../api/engagement';
import { FOLLOW_UP_KIND_LABELS, labelOf } from '../api/labels';
import { formatDateTime, fromLocalInput, toLocalInput } from './dates';
import { showApiError } from './forms';
import { useCaseChange } from '../api/caseChange';

type Rescheduled = Pick<FollowUp, 'id' | 'caseId' | 'dueAt' | 'kind' | 'note' | 'status'>;

/**
 * "Reschedule": a new due time and note for a scheduled or missed follow-up (a missed one is scheduled again).
 * Its reminders follow the new due day; the case timeline records the change.
 */
export function RescheduleFollowUp({ followUp, label }: { followUp: Rescheduled; label: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm({
    initialValues: { dueAt: toLocalInput(new Date(followUp.dueAt)), note: followUp.note },
    validate: { dueAt: isNotEmpty('Pick the new due date and time') },
  });
  const reschedule = useCaseChange(
    followUp.caseId,
    (values: { dueAt: string; note: string }) =>
      unwrap(
        api.PATCH('/api/v1/follow-ups/{id}', {
          params: { path: { id: followUp.id } },
          body: {
            dueAt: fromLocalInput(values.dueAt),
            note: values.note.trim(),
            ...(followUp.status === 'missed' ? { status: 'scheduled' } : {}),
          },
        }),
      ),
    (values) => `Follow-up moved to ${formatDateTime(fromLocalInput(values.dueAt))}`,
  );
  const kind = labelOf(FOLLOW_UP_KIND_LABELS, followUp.kind);

  function openForm() {
    const values = { dueAt: toLocalInput(new Date(followUp.dueAt)), note: followUp.note };
    form.setValues(values);
    form.resetDirty(values);
    open();
  }

  return (
    <>
      <Button size="xs" variant="default" onClick={openForm} aria-label={label}>
        Reschedule
      </Button>
      <GuardedModal opened={opened} onClose={close} dirty={form.isDirty()} title={`Reschedule ${kind.toLowerCase()}`}>
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            reschedule.mutate(values, { onSuccess: close, onError: (error) => showApiError(form, error) }),
          )}
        >
          <Stack gap="sm">
            <DueAtInput
              label="New due date and time"
              required
              data-autofocus
              pastWarning="This is in the past: pick a time still to come, or mark the follow-up done."
              {...form.getInputProps('dueAt')}
            />
            <TextInput label="Note" {...form.getInputProps('note')} />
            <ModalActions onCancel={close} submitLabel="Save" saving={reschedule.isPending} />
          </Stack>
        </form>
      </GuardedModal>
    </>
  );
}
