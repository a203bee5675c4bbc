import { Button, Checkbox, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { answerSurvey, publicSurveyQuery, type SurveyAnswerInput, type SurveyQuestion } from '../../api/surveys';
import { LoadingState } from '../../components/states';
import { LinkNotOpened, retryUnlessRefused } from './linkPage';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import classes from './public.module.css';

type Value = string | string[];

/** Inputs are 16 px (phones do not zoom into them) with labels the size of the choice questions' labels. */
const LABEL_LIKE_GROUPS = { label: { fontSize: 'var(--mantine-font-size-sm)' } };

/** The form's values as the API takes them: absent when left blank. */
function toAnswers(questions: SurveyQuestion[], values: Record<string, Value>): SurveyAnswerInput[] {
  return questions.flatMap((q): SurveyAnswerInput[] => {
    const value = values[q.code];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
    if (q.type === 'rating' || q.type === 'number') return [{ questionCode: q.code, number: Number(value) }];
    if (q.type === 'text') return [{ questionCode: q.code, text: String(value) }];
    return [{ questionCode: q.code, choices: Array.isArray(value) ? value : [value] }];
  });
}

/**
 * The clinic's survey (a link from the email, no account): a short form, one question per block, big touch targets,
 * answered once. Used, expired and unknown links each get a page that says so in plain words.
 */
export default function SurveyPage() {
  const { token = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ ...publicSurveyQuery(token), retry: retryUnlessRefused });
  const [values, setValues] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (query.isPending) return <LoadingState label="Opening the survey…" />;
  if (query.isError) return <LinkNotOpened title="Survey" thing="survey" error={query.error} />;
  const data = query.data;
  if (data.status === 'answered')
    return (
      <Stack>
        <PageTitle title="Thank you" />
        <Notice tone="success" role="status" title="Thank you, your answers are in">
          This survey has been answered; each link takes one set of answers. We read every one.
        </Notice>
      </Stack>
    );

  const questions = data.survey.questions;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(
      questions.filter((q) => q.required && toAnswers([q], values).length === 0).map((q) => [q.code, 'Please answer this question']),
    );
    setErrors(missing);
    if (Object.keys(missing).length) {
      setFormError(`${Object.keys(missing).length} question${Object.keys(missing).length === 1 ? ' needs' : 's need'} an answer.`);
      return;
    }
    setFormError(null);
    setSending(true);
    try {
      client.setQueryData(publicSurveyQuery(token).queryKey, await answerSurvey(token, toAnswers(questions, values)));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 410)) void query.refetch();
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(
        Object.fromEntries(
          Object.entries(fields).flatMap(([field, message]) => {
            const index = /^answers\[(\d+)\]/.exec(field)?.[1];
            const code = index === undefined ? undefined : toAnswers(questions, values)[Number(index)]?.questionCode;
            return code ? [[code, message]] : [];
          }),
        ),
      );
      setFormError(error instanceof Error ? error.message : 'Could not send your answers; please try again.');
    } finally {
      setSending(false);
    }
  };
  const set = (code: string, value: Value) => setValues((v) => ({ ...v, [code]: value }));

  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title={data.survey.title} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="xl">
          <Stack gap={4}>
            <Text c="dimmed" size="sm" fw={600}>
              {data.organizationName}
            </Text>
            <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.2}>
              {data.survey.title}
            </Title>
            <Text>
              Hello {data.recipientName}. {data.survey.intro}
            </Text>
          </Stack>
          {questions.map((q, index) => (
            <Question
              key={q.code}
              number={index + 1}
              question={q}
              value={values[q.code]}
              error={errors[q.code]}
              onChange={(v) => set(q.code, v)}
            />
          ))}
          {formError && (
            <Notice tone="error" role="alert" title="Not sent yet">
              {formError}
            </Notice>
          )}
          <Button type="submit" size="lg" loading={sending} fullWidth>
            Send my answers
          </Button>
          <Text size="sm" c="dark.6">
            Rather not receive our surveys? <Link to={`/request/survey/${token}/opt-out`}>Stop survey emails</Link>.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}

function Question({
  number,
  question: q,
  value,
  error,
  onChange,
}: {
  number: number;
  question: SurveyQuestion;
  value: Value | undefined;
  error?: string;
  onChange: (value: Value) => void;
}) {
  const label = `${number}. ${q.prompt}${q.required ? '' : ' (optional)'}`;
  const choices =
    q.type === 'rating'
      ? ['1', '2', '3', '4', '5'].map((p) => ({ value: p, label: `${p} – ${q.labels?.[p] ?? ''}` }))
      : q.type === 'yes_no'
        ? [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]
        : (q.options ?? []).map((o) => ({ value: o.code, label: o.label }));
  switch (q.type) {
    case 'rating':
    case 'single':
    case 'yes_no':
      return (
        <Radio.Group label={label} required={q.required} error={error} value={typeof value === 'string' ? value : null} onChange={onChange}>
          <Stack gap="sm" mt="xs">
            {choices.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group label={label} required={q.required} error={error} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap="sm" mt="xs">
            {choices.map((c) => (
              <Checkbox key={c.value} value={c.value} label={c.label} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'number':
      return (
        <TextInput
          label={label}
          required={q.required}
          error={error}
          type="number"
          inputMode="numeric"
          min={q.min}
          max={q.max}
          maw={200}
          size="md"
          styles={LABEL_LIKE_GROUPS}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'text':
      return (
        <Textarea
          label={label}
          required={q.required}
          error={error}
          autosize
          minRows={3}
          maxLength={4000}
          size="md"
          styles={LABEL_LIKE_GROUPS}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
