import { Alert, Button, Group, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { enterResponses, instrumentQuery, type Assessment } from '../../api/assessments';
import { ApiError } from '../../api/client';
import { contactsQuery } from '../../api/organizations';
import { GuardedModal } from '../../components/GuardedModal';
import { notifyFailed, notifySaved } from '../../notify';

type Answers = Record<string, { score?: number; comment?: string }>;

/**
 * "Enter answers for someone met in a session": a consultant takes down one person's answers (a contact of the
 * organization, or a name), each statement with its anchored levels and an optional comment. Statements left blank
 * stay unanswered (the scores count only what was answered), so a partial conversation can still be recorded.
 */
export function EnterAnswers({ assessment }: { assessment: Assessment }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        Enter answers for someone met in a session
      </Button>
      {/* Mounted only while open: each opening starts from an empty form. */}
      {opened && <EnterAnswersModal assessment={assessment} onClose={close} />}
    </>
  );
}

function EnterAnswersModal({ assessment, onClose }: { assessment: Assessment; onClose: () => void }) {
  const instrument = useQuery(instrumentQuery(assessment.instrument.id));
  const contacts = useQuery(contactsQuery(assessment.organizationId));
  const [contactId, setContactId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [answers, setAnswers] = useState<Answers>({});
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const sections = instrument.data?.definition.sections ?? [];
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const given = Object.entries(answers).filter(([, a]) => a.score !== undefined);
  const who = contactId ? (contacts.data?.find((c) => c.id === contactId)?.name ?? '') : name.trim();
  const dirty = Boolean(contactId || name.trim() || Object.keys(answers).length);

  const save = useMutation({
    mutationFn: () =>
      enterResponses(assessment.id, {
        ...(contactId ? { contactId } : { respondentName: name.trim() }),
        answers: given.map(([itemCode, a]) => ({
          itemCode,
          score: a.score as number,
          ...(a.comment?.trim() ? { comment: a.comment.trim() } : {}),
        })),
      }),
    onSuccess: async () => {
      notifySaved(`${who}’s answers recorded`);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
      onClose();
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? Object.values(error.fieldErrors()) : [];
      setProblem(fields.length ? fields.join('; ') : error.message);
      notifyFailed(error);
    },
  });

  const submit = () => {
    setProblem(null);
    if (!who) return setProblem('Choose the contact who answered, or type their name.');
    if (!given.length) return setProblem('Give at least one answer.');
    save.mutate();
  };

  return (
    <GuardedModal opened onClose={onClose} dirty={dirty} size="xl" title="Enter answers for someone met in a session">
      <Stack>
        <Text size="sm" c="dimmed">
          Record one person’s answers as they gave them to you. Their answers count with the team’s once saved; a statement left blank stays
          unanswered.
        </Text>
        <Group align="flex-end" grow>
          <Select
            label="A contact of the organization"
            placeholder="Choose a contact"
            data={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} (${c.title})` : c.name }))}
            value={contactId}
            onChange={setContactId}
            clearable
            searchable
          />
          <TextInput
            label="Or their name"
            description={contactId ? 'A contact is chosen' : 'Someone who is not a contact'}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            disabled={Boolean(contactId)}
            maxLength={200}
          />
        </Group>
        {sections.map((section) => (
          <Stack key={section.code} gap="sm" component="section" aria-label={section.title}>
            <Title order={3} size="h4">
              {section.title}
            </Title>
            {section.items.map((item, index) => (
              <Stack key={item.code} gap={6}>
                <Radio.Group
                  label={`${index + 1}. ${item.statement}`}
                  value={answers[item.code]?.score?.toString() ?? null}
                  onChange={(value) => setAnswers({ ...answers, [item.code]: { ...answers[item.code], score: Number(value) } })}
                >
                  <Stack gap={6} mt={6}>
                    {item.levels.map((level) => (
                      <Radio
                        key={level.score}
                        value={String(level.score)}
                        label={`${level.score} – ${level.label}`}
                        description={level.example}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
                <Textarea
                  label={`Comment on statement ${index + 1} (optional)`}
                  size="xs"
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={answers[item.code]?.comment ?? ''}
                  onChange={(e) => setAnswers({ ...answers, [item.code]: { ...answers[item.code], comment: e.currentTarget.value } })}
                />
              </Stack>
            ))}
          </Stack>
        ))}
        {problem && (
          <Alert color="red" role="alert" title="Not saved">
            {problem}
          </Alert>
        )}
        <Group justify="space-between" pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="xs">
          <Text size="sm" aria-live="polite">
            {given.length} of {total} statements answered
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button loading={save.isPending} onClick={submit}>
              Save these answers
            </Button>
          </Group>
        </Group>
      </Stack>
    </GuardedModal>
  );
}
