import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { optOut, optOutQuery } from '../../api/surveys';
import { LoadingState } from '../../components/states';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import classes from './public.module.css';
import { retryUnlessRefused } from './linkPage';

/** One click from any survey email: no more surveys to this address, whichever case they would be about. */
export default function SurveyOptOutPage() {
  const { token = '' } = useParams();
  const client = useQueryClient();
  const query = useQuery({ ...optOutQuery(token), retry: retryUnlessRefused });
  const stop = useMutation({
    mutationFn: () => optOut(token),
    onSuccess: (data) => client.setQueryData(optOutQuery(token).queryKey, data),
  });

  if (query.isPending) return <LoadingState label="Opening…" />;
  if (query.isError)
    return (
      <Stack>
        <PageTitle title="Survey emails" />
        <Notice tone="error" role="alert" title="We could not find this link">
          {query.error instanceof ApiError && query.error.status === 404 ? query.error.message : 'Please try again in a few minutes.'}
        </Notice>
      </Stack>
    );
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title="Survey emails" />
      <Stack gap="md">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          Survey emails
        </Title>
        {query.data.optedOut ? (
          <Notice tone="success" role="status" title="Done: no more surveys">
            We will not send surveys to {query.data.email} again. Your consultant can still write to you about your requests.
          </Notice>
        ) : (
          <>
            <Text>
              We ask clinics a few questions after we close a request, and again a few months later. Stop these surveys for{' '}
              {query.data.email}?
            </Text>
            {stop.isError && (
              <Notice tone="error" role="alert" title="Not done yet">
                Please try again.
              </Notice>
            )}
            <Button size="lg" onClick={() => stop.mutate()} loading={stop.isPending}>
              Stop survey emails
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
