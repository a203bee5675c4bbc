import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SURVEY_KIND_LABELS } from '../../api/labels';
import { caseSurveysQuery, type CaseSurvey } from '../../api/surveys';
import { formatDateTime } from '../../components/dates';
import { ErrorState } from '../../components/states';

/** The case's surveys: what was sent, to whom, and the clinic's answers in its own words. */
export function CaseSatisfaction({ caseId }: { caseId: string }) {
  const surveys = useQuery(caseSurveysQuery(caseId));
  if (surveys.isError) return <ErrorState error={surveys.error} onRetry={() => void surveys.refetch()} />;
  if (!surveys.data || (!surveys.data.surveys.length && !surveys.data.optedOut)) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-satisfaction-heading">
      <Stack>
        <Title order={3} size="h4" id="case-satisfaction-heading">
          Satisfaction
        </Title>
        {surveys.data.optedOut && (
          <Text size="sm" c="dimmed">
            The clinic’s contact opted out of surveys.
          </Text>
        )}
        {surveys.data.surveys.map((s) => (
          <SurveyAnswers key={s.id} survey={s} />
        ))}
      </Stack>
    </Paper>
  );
}

function SurveyAnswers({ survey }: { survey: CaseSurvey }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600}>{SURVEY_KIND_LABELS[survey.kind]}</Text>
        {survey.satisfaction !== null && (
          <Badge color={survey.satisfaction <= 2 ? 'red.8' : survey.satisfaction >= 4 ? 'teal.8' : 'gray.7'} variant="filled">
            Overall {survey.satisfaction} of 5
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {survey.status === 'answered' && survey.answeredAt
          ? `Answered by ${survey.recipientName}, ${formatDateTime(survey.answeredAt)}`
          : `Sent to ${survey.recipientName} ${formatDateTime(survey.sentAt)}; not answered yet`}
      </Text>
      {survey.answers.length > 0 && (
        <dl style={{ margin: 0 }}>
          {survey.answers.map((a) => (
            <div key={a.questionCode} style={{ marginBottom: 8 }}>
              <Text component="dt" size="sm" c="dimmed">
                {a.prompt}
              </Text>
              <Text component="dd" size="sm" m={0} style={{ whiteSpace: 'pre-line' }}>
                {a.display}
              </Text>
            </div>
          ))}
        </dl>
      )}
    </Stack>
  );
}
