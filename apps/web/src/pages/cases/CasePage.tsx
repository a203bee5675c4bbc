import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { caseQuery } from '../../api/cases';
import { useCurrentUser } from '../../auth/session';
import { PriorityBadge, StallBadge, StatusBadge } from '../../components/badges';
import { ErrorState, isNotFound, LoadingState, NotFoundState } from '../../components/states';
import { isUuid } from '../../components/urlFilters';
import { ActionPlanTab } from './ActionPlanTab';
import { AssignControl } from './AssignControl';
import { CaseDetails } from './CaseDetails';
import { CaseFiles } from './CaseFiles';
import { CaseFollowUpsTab } from './CaseFollowUpsTab';
import { CaseSatisfaction } from './CaseSatisfaction';
import { CaseTimeline } from './CaseTimeline';
import { ConversationTab } from './ConversationTab';
import { SessionsTab } from './SessionsTab';
import { StatusActions } from './StatusActions';

const TABS = ['overview', 'conversation', 'sessions', 'plan', 'follow-ups', 'files'] as const;
type Tab = (typeof TABS)[number];

export function CasePage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'overview';
  const valid = isUuid(id);
  const found = useQuery({ ...caseQuery(id), enabled: valid });

  // A malformed id (a mistyped or cut-off link) or one nobody knows: "not found", with the way back to the list.
  if (!valid || (found.isError && isNotFound(found.error))) return <CaseNotFound />;
  if (found.isPending) return <LoadingState label="Loading case…" />;
  if (found.isError) return <ErrorState error={found.error} onRetry={() => void found.refetch()} />;
  const item = found.data;

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/cases">
          Cases
        </Anchor>
        <Text size="sm">{item.reference}</Text>
      </Breadcrumbs>
      <Paper withBorder p="md" component="header">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" ff="monospace" c="dimmed">
                {item.reference}
              </Text>
              <Title order={2}>{item.title}</Title>
              <Anchor component={Link} to={`/organizations/${item.organization.id}`}>
                {item.organization.name}
              </Anchor>
            </Stack>
            <AssignControl item={item} me={me} />
          </Group>
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs" aria-label="Case state">
              <StatusBadge status={item.status} />
              <PriorityBadge priority={item.priority} />
              <StallBadge level={item.stallLevel} />
            </Group>
            <StatusActions item={item} me={me} />
          </Group>
        </Stack>
      </Paper>

      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'overview' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab
            value="conversation"
            rightSection={
              item.newReply ? (
                <Badge size="xs" color="grape" variant="filled">
                  New reply
                </Badge>
              ) : undefined
            }
          >
            Conversation
          </Tabs.Tab>
          <Tabs.Tab value="sessions">Sessions</Tabs.Tab>
          <Tabs.Tab value="plan">Action plan</Tabs.Tab>
          <Tabs.Tab value="follow-ups">Follow-ups</Tabs.Tab>
          <Tabs.Tab value="files">Files</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <CaseDetails item={item} me={me} />
                <CaseSatisfaction caseId={item.id} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <CaseTimeline item={item} me={me} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="conversation" pt="md">
          <ConversationTab item={item} me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsTab item={item} me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <ActionPlanTab item={item} me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="follow-ups" pt="md">
          <CaseFollowUpsTab item={item} me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="files" pt="md">
          <CaseFiles item={item} me={me} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function CaseNotFound() {
  return (
    <NotFoundState title="Case not found" back={{ to: '/cases', label: 'Back to cases' }}>
      There is no case at this address. The link may be incomplete, or the case may have been removed.
    </NotFoundState>
  );
}
