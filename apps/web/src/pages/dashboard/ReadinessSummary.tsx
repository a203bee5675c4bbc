import { Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { instrumentsQuery, readinessReportQuery, type ReadinessReport } from '../../api/assessments';
import { labelOf, REGION_LABELS, SERVICE_LINE_LABELS } from '../../api/labels';
import { ErrorState, LoadingState } from '../../components/states';
import { download } from './ExportButtons';
import type { Period } from './period';

const signed = (n: number | null) => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

/** Readiness for the funder: rounds taken in the period, organizations assessed twice, mean change per section (with n). */
export function ReadinessSummary({ period }: { period: Period }) {
  const instruments = useQuery(instrumentsQuery);
  const codes = [...new Map((instruments.data ?? []).map((i) => [i.code, i.title])).entries()].map(([value, label]) => ({ value, label }));
  const [chosen, setChosen] = useState<string | null>(null);
  // An instrument nobody answered has no figures: open on the first one in use.
  const inUse = instruments.data?.find((i) => i.answered)?.code;
  const instrument = chosen ?? inUse ?? codes[0]?.value ?? '';
  const report = useQuery({ ...readinessReportQuery({ instrument, ...period }), enabled: Boolean(instrument) });
  const [exporting, setExporting] = useState(false);
  if (!codes.length) return null;
  const exportCsv = async () => {
    setExporting(true);
    try {
      await download('readiness-summary', { instrument, from: period.from, to: period.to });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: (error as Error).message });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="readiness-report-heading">
      <Stack>
        <Title order={3} size="h4" id="readiness-report-heading">
          Readiness assessments
        </Title>
        <Group align="flex-end" justify="space-between">
          <Select label="Instrument" data={codes} value={instrument} onChange={setChosen} allowDeselect={false} w={420} maw="100%" />
          <Button variant="default" size="xs" loading={exporting} onClick={() => void exportCsv()}>
            Export readiness (CSV)
          </Button>
        </Group>
        {report.isPending && <LoadingState label="Loading readiness figures…" />}
        {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
        {report.data && <Figures report={report.data} />}
      </Stack>
    </Paper>
  );
}

function Figures({ report }: { report: ReadinessReport }) {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Text>
          Rounds taken: <strong>{report.rounds.total}</strong> ({report.rounds.baseline} baseline, {report.rounds.followUp} follow-up)
        </Text>
        <Text>
          Organizations assessed twice: <strong>{report.organizationsAssessedTwice}</strong>
        </Text>
      </SimpleGrid>
      {report.sections.length === 0 && (
        <Text size="sm" c="dimmed">
          No organization closed a follow-up round after its baseline in this period, so there is no change to show yet.
        </Text>
      )}
      {report.sections.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mean change since the baseline</Table.Th>
                {report.sections.map((s) => (
                  <Table.Th key={s.code}>{s.title}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[
                { key: 'all', label: 'All organizations', sections: report.sections },
                ...report.byRegion.map((g) => ({
                  key: `r-${g.key}`,
                  label: `${labelOf(REGION_LABELS, g.key)} region`,
                  sections: g.sections,
                })),
                ...report.byServiceLine.map((g) => ({
                  key: `s-${g.key}`,
                  label: labelOf(SERVICE_LINE_LABELS, g.key),
                  sections: g.sections,
                })),
              ].map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row">{row.label}</Table.Th>
                  {report.sections.map((s) => {
                    const cell = row.sections.find((c) => c.code === s.code);
                    return (
                      <Table.Td key={s.code}>
                        {signed(cell?.meanChange ?? null)} (n={cell?.n ?? 0})
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
