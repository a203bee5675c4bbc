import { Button, Group, Paper, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  publicAssessmentQuery,
  saveAssessmentDraft,
  submitAssessment,
  type AnswerInput,
  type PublicAssessment,
} from '../../api/assessments';
import { ApiError } from '../../api/client';
import { LoadingState } from '../../components/states';
import { LinkNotOpened, retryUnlessRefused } from './linkPage';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import classes from './public.module.css';

type Answers = Record<string, { score?: number; comment?: string }>;

const fromServer = (data: PublicAssessment): Answers =>
  Object.fromEntries(data.answers.map((a) => [a.itemCode, { score: a.score, comment: a.comment ?? undefined }]));

const toBody = (answers: Answers): AnswerInput[] =>
  Object.entries(answers)
    .filter(([, a]) => a.score !== undefined)
    .map(([itemCode, a]) => ({ itemCode, score: a.score as number, ...(a.comment ? { comment: a.comment } : {}) }));

/**
 * The respondent's page (a link from their invitation, no account): one section at a time with the anchored levels as
 * choices, each answer saved as a draft when given, a review step, submit once, then their own section scores.
 */
export default function AssessmentPage() {
  const { token = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ ...publicAssessmentQuery(token), retry: retryUnlessRefused });
  const [answers, setAnswers] = useState<Answers | null>(null);
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [submitError, setSubmitError] = useState<string | null>(null);

  if (query.isPending) return <LoadingState label="Opening your assessment…" />;
  if (query.isError) return <LinkNotOpened title="Readiness self-assessment" thing="assessment" error={query.error} />;

  const data = query.data;
  const sections = data.instrument.sections;
  const current = answers ?? fromServer(data);
  const totalItems = sections.reduce((n, s) => n + s.items.length, 0);
  const answered = sections.flatMap((s) => s.items).filter((i) => current[i.code]?.score !== undefined).length;

  if (data.status === 'submitted' && data.results) return <Results data={data} />;

  const save = async (next: Answers, itemCode: string) => {
    setAnswers(next);
    const one = toBody({ [itemCode]: next[itemCode] ?? {} });
    if (!one.length) return;
    setSaving('saving');
    try {
      await saveAssessmentDraft(token, one);
      setSaving('saved');
    } catch {
      setSaving('failed');
    }
  };

  const submit = async () => {
    setSubmitError(null);
    try {
      const result = await submitAssessment(token, toBody(current));
      client.setQueryData(publicAssessmentQuery(token).queryKey, result);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) void query.refetch();
      setSubmitError(error instanceof Error ? error.message : 'Could not submit; please try again.');
    }
  };

  const reviewing = step >= sections.length;
  const section = sections[Math.min(step, sections.length - 1)];
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title={data.instrument.title} />
      <Stack gap="lg">
        <Stack gap={4}>
          <Text c="dimmed" size="sm" fw={600}>
            {data.organizationName}
          </Text>
          <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.2}>
            {data.instrument.title}
          </Title>
          <Progress value={(answered * 100) / totalItems} aria-label={`${answered} of ${totalItems} statements answered`} />
          <Text size="sm" c="dark.6" aria-live="polite">
            {answered} of {totalItems} answered
            {saving === 'saving'
              ? ' · saving…'
              : saving === 'saved'
                ? ' · draft saved'
                : saving === 'failed'
                  ? ' · not saved, check your connection'
                  : ''}
          </Text>
        </Stack>

        {!reviewing && section && (
          <Stack gap="lg">
            <Title order={2} size="h3">
              Part {step + 1} of {sections.length}: {section.title}
            </Title>
            {section.items.map((item, index) => (
              <Stack key={item.code} gap="xs">
                <Radio.Group
                  label={`${index + 1}. ${item.statement}`}
                  value={current[item.code]?.score?.toString() ?? null}
                  onChange={(value) => void save({ ...current, [item.code]: { ...current[item.code], score: Number(value) } }, item.code)}
                >
                  <Stack gap="xs" mt="xs">
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
                  label="Comment (optional)"
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={current[item.code]?.comment ?? ''}
                  onChange={(event) =>
                    setAnswers({ ...current, [item.code]: { ...current[item.code], comment: event.currentTarget.value } })
                  }
                  onBlur={() => void save(current, item.code)}
                />
              </Stack>
            ))}
          </Stack>
        )}

        {reviewing && (
          <Stack gap="md">
            <Title order={2} size="h3">
              Review your answers
            </Title>
            {sections.map((s, index) => (
              <Stack key={s.code} gap={4}>
                <Group justify="space-between">
                  <Text fw={700}>{s.title}</Text>
                  <Button variant="subtle" size="compact-sm" onClick={() => setStep(index)}>
                    Change answers in {s.title}
                  </Button>
                </Group>
                {s.items.map((item) => {
                  const score = current[item.code]?.score;
                  const level = item.levels.find((l) => l.score === score);
                  return (
                    <Text key={item.code} size="sm">
                      {item.statement} — <strong>{level ? `${level.score} – ${level.label}` : 'not answered'}</strong>
                    </Text>
                  );
                })}
              </Stack>
            ))}
            {answered < totalItems && (
              <Notice tone="caution" role="status" title={`${totalItems - answered} statement(s) not answered yet`}>
                Every statement needs an answer before you submit.
              </Notice>
            )}
            {submitError && (
              <Notice tone="error" role="alert" title="Not submitted">
                {submitError}
              </Notice>
            )}
            <Button size="md" disabled={answered < totalItems} onClick={() => void submit()}>
              Submit my answers
            </Button>
            <Text size="sm" c="dark.6">
              You can submit once; after that your answers cannot change.
            </Text>
          </Stack>
        )}

        <Group justify="space-between">
          <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
            Back
          </Button>
          {!reviewing && <Button onClick={() => setStep(step + 1)}>{step === sections.length - 1 ? 'Review' : 'Next part'}</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}

function Results({ data }: { data: PublicAssessment }) {
  const { min, max } = data.instrument.scale;
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title="Your results" />
      <Stack gap="lg">
        <Notice tone="success" role="status" title="Thank you — your answers are in">
          Your consultant will go over the team’s answers with you. Below are your own scores, by part.
          {data.resultsEmailed ? ' We have also emailed you a copy, with this link to see or print them again.' : ''}
        </Notice>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Your results: {data.instrument.title}
        </Title>
        {(data.results ?? []).map((r) => (
          <Stack key={r.code} gap={4}>
            <Title order={2} size="h4">
              {r.title}
            </Title>
            <Text>
              Your score: <strong>{r.score}</strong> on a scale of {min} to {max} ({r.percent}%)
            </Text>
            <Progress value={r.percent} aria-label={`${r.title}: ${r.percent}%`} />
            {r.feedback && <Text size="sm">{r.feedback}</Text>}
          </Stack>
        ))}
        <Button variant="default" onClick={() => window.print()}>
          Print my results
        </Button>
      </Stack>
    </Paper>
  );
}
