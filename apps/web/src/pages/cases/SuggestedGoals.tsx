import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { goalsFromAssessment, organizationAssessmentsQuery } from '../../api/assessments';
import type { Case } from '../../api/cases';
import { GOAL_AREA_LABELS, labelOf } from '../../api/labels';
import { formatDate } from '../../components/dates';
import { notifyFailed } from '../../notify';
import { useCaseChange } from '../../api/caseChange';

/** The title the API gives a goal taken from a section (AssessmentsService.goalsFromAssessment). */
const goalTitleOf = (sectionTitle: string) => `Strengthen ${sectionTitle.toLowerCase()}`;

/**
 * The lowest sections of the organization's latest round, each one click from a goal with its weakest statement. A
 * section whose goal is already in the plan says so instead of offering to add it twice.
 */
export function SuggestedGoals({ item, editable, goalTitles }: { item: Case; editable: boolean; goalTitles: string[] }) {
  const rounds = useQuery(organizationAssessmentsQuery(item.organization.id));
  const add = useCaseChange(
    item.id,
    (vars: { assessmentId: string; sectionCode: string; title: string }) =>
      goalsFromAssessment(item.id, vars.assessmentId, [vars.sectionCode]),
    (vars) => `Goal added from ${vars.title}`,
  );
  const latest = rounds.data?.latest;
  if (!latest) return null;
  const lowest = latest.sections
    .filter((s) => s.score !== null)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .slice(0, 2);
  if (!lowest.length) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="suggested-goals-heading">
      <Stack gap="xs">
        <Title order={4} size="h5" id="suggested-goals-heading">
          Suggested goals
        </Title>
        <Text size="sm" c="dimmed">
          The lowest sections of {latest.organizationName}’s latest readiness round ({latest.instrument.title},{' '}
          {formatDate(latest.createdAt)}
          ): each becomes a goal in its goal area, with the section’s weakest statement as the first action item.
        </Text>
        {lowest.map((section) => {
          const weakest = [...section.items].filter((i) => i.score !== null).sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
          return (
            <Group key={section.code} justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0}>
                <Text fw={600} size="sm">
                  {section.title}: {section.score} ({section.percent}%) · {labelOf(GOAL_AREA_LABELS, section.goalArea)}
                </Text>
                {weakest && (
                  <Text size="sm">
                    Weakest: {weakest.statement} ({weakest.score})
                  </Text>
                )}
              </Stack>
              {goalTitles.includes(goalTitleOf(section.title)) ? (
                <Badge color="teal.9" variant="outline" style={{ flexShrink: 0 }}>
                  In the plan
                </Badge>
              ) : (
                editable && (
                  <Button
                    aria-label={`Add as a goal: ${section.title}`}
                    size="xs"
                    variant="default"
                    loading={add.isPending && add.variables.sectionCode === section.code}
                    onClick={() =>
                      add.mutate(
                        { assessmentId: latest.id, sectionCode: section.code, title: section.title },
                        { onError: (error) => notifyFailed(error) },
                      )
                    }
                  >
                    Add as a goal
                  </Button>
                )
              )}
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
