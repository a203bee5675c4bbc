import { Box, Button, Group, Modal, Stack, Text, type ModalProps } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** Lets a form inside a GuardedModal say whether it holds changes (useReportDirty). */
const DirtyContext = createContext<((dirty: boolean) => void) | null>(null);

/** Tells the enclosing GuardedModal whether the form has changes that closing would lose. */
export function useReportDirty(dirty: boolean): void {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report?.(dirty);
  }, [report, dirty]);
  useEffect(() => () => report?.(false), [report]);
}

type GuardedModalProps = Omit<ModalProps, 'onClose' | 'children'> & {
  onClose: () => void;
  /** The form's changes, for a form that lives outside the dialog; one inside may use useReportDirty instead. */
  dirty?: boolean;
  children: ReactNode;
};

/**
 * A Mantine Modal that asks before Escape, a click outside or the close button throws away what was typed: while the
 * form holds changes it shows "Discard your changes?" in place of the form (kept mounted, so "Keep editing" finds it
 * as it was). Escape on the question keeps editing. A form's own Cancel button is an explicit choice and closes at once.
 */
export function GuardedModal({ opened, onClose, dirty = false, children, ...props }: GuardedModalProps) {
  const [reported, setReported] = useState(false);
  const [asking, setAsking] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const changed = dirty || reported;

  useEffect(() => {
    if (asking) keepButton.current?.focus();
  }, [asking]);

  const requestClose = useCallback(() => {
    if (asking) setAsking(false);
    else if (changed) setAsking(true);
    else onClose();
  }, [asking, changed, onClose]);

  return (
    <Modal opened={opened} onClose={requestClose} {...props}>
      {asking && (
        <Stack gap="sm" role="alertdialog" aria-labelledby="discard-title" aria-describedby="discard-text" py="xs">
          <Text id="discard-title" fw={600} size="lg">
            Discard your changes?
          </Text>
          <Text id="discard-text" size="sm">
            What you typed in this form has not been saved. Closing now throws it away.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button
              variant="outline"
              color="red.8"
              onClick={() => {
                setAsking(false);
                setReported(false);
                onClose();
              }}
            >
              Discard changes
            </Button>
            <Button ref={keepButton} onClick={() => setAsking(false)}>
              Keep editing
            </Button>
          </Group>
        </Stack>
      )}
      <Box hidden={asking}>
        <DirtyContext.Provider value={setReported}>{children}</DirtyContext.Provider>
      </Box>
    </Modal>
  );
}

/** A modal form's footer: Cancel (closes at once, an explicit choice) and the submit button, busy while it saves. */
export function ModalActions({ onCancel, submitLabel, saving }: { onCancel: () => void; submitLabel: string; saving: boolean }) {
  return (
    <Group justify="flex-end" gap="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
