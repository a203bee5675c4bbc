import { Badge, Button, Divider, Group, List, Paper, SimpleGrid, Stack, Text, Timeline, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { requestStatusQuery, type RequestStatus } from '../../api/intake';
import { LoadingState } from '../../components/states';
import { AddInformation } from './AddInformation';
import { useCenter } from './center';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import { timeZoneName } from '../../components/centerTime';
import { formatCalendarDate, formatCenterDate } from './centerDates';
import classes from './public.module.css';
import { retryUnlessRefused } from './linkPage';

type Status = RequestStatus['status'];

const STATUS_LABELS: Record<Status, string> = {
  received: 'Received',
  in_review: 'In review',
  in_progress: 'In progress',
  paused: 'Paused',
  completed: 'Completed',
  closed: 'Closed',
};

/** Dark fills: white text on them passes contrast. */
const STATUS_COLORS: Record<Status, string> = {
  received: 'indigo.7',
  in_review: 'violet.8',
  in_progress: 'teal.9',
  paused: 'orange.9',
  completed: 'green.9',
  closed: 'gray.7',
};

/** The path every request takes, as the requester sees it; paused sits on "in progress", closed on the last step. */
const STEPS: { title: string; text: string }[] = [
  { title: 'Received', text: 'Your request reached the center' },
  { title: 'In review', text: 'A consultant reviews it and gets in touch with you.' },
  { title: 'In progress', text: 'You and your consultant work on it together.' },
  { title: 'Completed', text: 'The work on this request is done.' },
];
const STEP_OF: Record<Status, number> = { received: 0, in_review: 1, in_progress: 2, paused: 2, completed: 3, closed: 3 };

/** The requester's private page: what the center is doing with their request, without anything internal. */
export function RequestStatusPage() {
  const center = useCenter();
  const { token = '' } = useParams();
  const status = useQuery({
    ...requestStatusQuery(token),
    retry: retryUnlessRefused,
  });

  if (status.isPending) return <LoadingState label="Looking up your request…" />;
  if (status.isError) {
    if (status.error instanceof ApiError && status.error.status === 404) return <NotFound />;
    return (
      <Stack>
        <PageTitle title="Request status" />
        <Notice tone="error" title="We could not load your request right now" role="alert">
          <Stack gap="xs" align="flex-start">
            <span>
              {status.error instanceof ApiError && status.error.status === 0
                ? 'Please check your internet connection and try again.'
                : 'Something went wrong on our side. Please try again in a few minutes.'}
            </span>
            <Button size="xs" variant="default" onClick={() => void status.refetch()}>
              Try again
            </Button>
          </Stack>
        </Notice>
      </Stack>
    );
  }

  const request = status.data;
  const step = STEP_OF[request.status];
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title={`Request ${request.reference}`} />
      <Stack gap="lg">
        <Stack gap={6}>
          <Text c="dimmed" size="sm" fw={600} tt="uppercase">
            Request status
          </Text>
          <Title order={1} fz={{ base: 26, sm: 32 }} lh={1.2} className={classes.reference}>
            {request.reference}
          </Title>
          <Text size="lg" c="dark.6">
            {request.organizationName}
          </Text>
        </Stack>

        <Paper radius="md" p="md" bg="gray.0">
          <Stack gap="xs">
            <Group gap="sm">
              <Badge size="lg" color={STATUS_COLORS[request.status]}>
                {STATUS_LABELS[request.status]}
              </Badge>
            </Group>
            <Text size="lg" fw={500} data-testid="status-text">
              {request.statusText}
            </Text>
          </Stack>
        </Paper>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" verticalSpacing="lg">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Progress
            </Title>
            <Timeline active={step} bulletSize={20} lineWidth={3} color="indigo">
              {STEPS.map((item, index) => {
                const title =
                  index === step && request.status === 'paused'
                    ? 'Paused'
                    : index === step && request.status === 'closed'
                      ? 'Closed'
                      : item.title;
                return (
                  <Timeline.Item
                    key={item.title}
                    title={
                      <Text fw={index === step ? 700 : 500} c={index <= step ? 'dark.8' : 'dimmed'}>
                        {title}
                        {index === step && <VisuallyHidden> (current step)</VisuallyHidden>}
                      </Text>
                    }
                  >
                    <Text size="sm" c="dimmed">
                      {index === 0
                        ? `Your request reached ${center.shortName} on ${formatCenterDate(request.submittedAt, center.timeZone)}.`
                        : item.text}
                    </Text>
                  </Timeline.Item>
                );
              })}
            </Timeline>
          </Stack>

          <Stack gap="md" component="dl" m={0}>
            <Detail term="Submitted">{formatCenterDate(request.submittedAt, center.timeZone)}</Detail>
            <Detail term="Your consultant">
              {request.consultantFirstName ?? <Text c="dimmed">Not assigned yet; we will let you know who it is.</Text>}
            </Detail>
            <Detail term="Sessions held">
              {request.sessionDates.length ? (
                <List spacing={2} size="sm">
                  {request.sessionDates.map((day) => (
                    <List.Item key={day}>{formatCalendarDate(day)}</List.Item>
                  ))}
                </List>
              ) : (
                <Text c="dimmed">None yet</Text>
              )}
            </Detail>
            <Detail term="Next follow-up">
              {request.nextFollowUpDate ? formatCalendarDate(request.nextFollowUpDate) : <Text c="dimmed">None scheduled</Text>}
            </Detail>
          </Stack>
        </SimpleGrid>

        <Divider />
        <AddInformation token={token} consultant={request.consultantFirstName} />

        <Divider />
        <Text size="sm" c="dimmed">
          Dates are in {timeZoneName(center.timeZone)}. Please mention your reference, {request.reference}, whenever you contact{' '}
          {center.shortName} about this request.
        </Text>
      </Stack>
    </Paper>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700} c="dark.7">
        {term}
      </Text>
      <Text component="dd" m={0} mt={2} size="md">
        {children}
      </Text>
    </div>
  );
}

function NotFound() {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title="Request not found" />
      <Stack align="flex-start" gap="md">
        <Title order={1} size="h2">
          We could not find this request
        </Title>
        <Text>
          The link may be incomplete. Please open it again from your confirmation email, or copy the whole link, including the long code at
          the end.
        </Text>
        <Text>If you still cannot find it, send us a new request and mention your reference; we will take it from there.</Text>
        <Button component={Link} to="/request">
          Go to the request form
        </Button>
      </Stack>
    </Paper>
  );
}
