import { Anchor, Button, CopyButton, Group, List, Paper, Stack, Text, TextInput, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCenter } from './center';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';
import classes from './public.module.css';
import { loadReceipt, statusPath } from './receipt';

function CheckIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden focusable="false">
      <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** After a request is sent: its reference, the private status link, and what happens next. */
export function RequestThanksPage() {
  const { state } = useLocation();
  const center = useCenter();
  const receipt = loadReceipt(state);

  if (!receipt) {
    return (
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
        <Stack align="flex-start">
          <Title order={1} size="h2">
            No request to show
          </Title>
          <Text>This page confirms a request right after it is sent. To ask {center.shortName} for help, fill in the request form.</Text>
          <Button component={Link} to="/request">
            Go to the request form
          </Button>
        </Stack>
      </Paper>
    );
  }

  const path = statusPath(receipt.statusUrl);
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} className={classes.section}>
      <PageTitle title={`Request ${receipt.reference} received`} />
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="center">
          <ThemeIcon size={52} radius="xl" color="teal.8" aria-hidden>
            <CheckIcon />
          </ThemeIcon>
          <Title order={1} fz={{ base: 26, sm: 32 }} lh={1.2}>
            Thank you, we received your request
          </Title>
        </Group>

        <Stack gap={4}>
          <Text c="dimmed" size="sm" fw={600} tt="uppercase">
            Your reference
          </Text>
          <Group gap="sm">
            <Text fz={{ base: 26, sm: 30 }} fw={700} className={classes.reference} data-testid="request-reference">
              {receipt.reference}
            </Text>
            <CopyButton value={receipt.reference}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                  <VisuallyHidden> reference</VisuallyHidden>
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Please mention it whenever you contact us about this request.
          </Text>
        </Stack>

        <Notice tone="success" title="A confirmation email is on its way" role="status">
          We are sending it to <strong>{receipt.email}</strong>, with your reference and the link below. If it has not arrived in a few
          minutes, please check your spam or junk folder.
        </Notice>

        <Stack gap="xs">
          <Title order={2} size="h4">
            Follow your request
          </Title>
          <Text size="sm">
            This private link shows where your request stands. Anyone who has it can see the status, so share it only with colleagues.
          </Text>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label="Your status link"
              value={receipt.statusUrl}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: 1, minWidth: 0 }}
            />
            <CopyButton value={receipt.statusUrl}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                  <VisuallyHidden> to your status page</VisuallyHidden>
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group mt="xs">
            <Button component={Link} to={path} w={{ base: '100%', sm: 'auto' }}>
              View your request status
            </Button>
          </Group>
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h4">
            What happens next
          </Title>
          <List type="ordered" spacing="xs" size="sm">
            <List.Item>A {center.shortName} consultant reviews your request.</List.Item>
            <List.Item>They contact you the way you asked, to talk through what your program needs.</List.Item>
            <List.Item>Together you plan the training, consultation or resources that fit.</List.Item>
          </List>
        </Stack>

        <Text size="sm">
          Have another question?{' '}
          <Anchor component={Link} to="/request">
            Send another request
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
