import { Alert, Badge, Button, FileButton, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { instrumentsQuery, loadInstrument, type LoadInstrumentResult } from '../../api/assessments';
import { ApiError } from '../../api/client';
import { formatDate } from '../../components/dates';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';

/** Instrument files are small JSON documents; a larger file is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

const OUTCOME_WORDS: Record<LoadInstrumentResult['outcome'], string> = {
  created: 'Loaded as a new version',
  replaced: 'Replaced the same version (no round had used it yet)',
  unchanged: 'Already loaded, identical: nothing changed',
};

interface Problem {
  path: string;
  message: string;
}

/** What went wrong with a file: each JSON path at fault (the API's validation details), or one message. */
function problemsOf(error: Error): Problem[] {
  if (error instanceof ApiError && error.status === 400) {
    const fields = Object.entries(error.fieldErrors());
    if (fields.length) return fields.map(([path, message]) => ({ path: path === 'body' ? '(the whole file)' : path, message }));
  }
  return [{ path: '', message: error.message }];
}

async function readJson(file: File): Promise<unknown> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 1 MB; an instrument file is a small JSON document.`);
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file.name} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * /admin/instruments: the readiness instruments loaded, every version, and a file picker that loads a new one
 * (validated by POST /instruments; a version answered under never changes, see docs/ARCHITECTURE.md).
 */
export function InstrumentsPage() {
  const instruments = useQuery(instrumentsQuery);
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const load = useMutation({
    mutationFn: async (file: File) => loadInstrument(await readJson(file)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['instruments'] });
    },
  });
  const pick = (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    load.mutate(file);
  };

  return (
    <Stack>
      <Title order={2}>Readiness instruments</Title>
      <Text c="dimmed" maw={720}>
        An instrument is a JSON file: sections with their goal area and feedback, statements with anchored levels. Loading checks the file
        and lists every problem with its place in the file. Once a round has been answered with a version, that version cannot change: give
        the edited file the next version number.
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="load-heading">
        <Stack>
          <Title order={3} size="h4" id="load-heading">
            Load an instrument file
          </Title>
          <Group>
            <FileButton onChange={pick} accept="application/json,.json">
              {(props) => (
                <Button {...props} loading={load.isPending}>
                  Choose a JSON file…
                </Button>
              )}
            </FileButton>
            {fileName && (
              <Text size="sm" c="dimmed">
                {fileName}
              </Text>
            )}
          </Group>
          {load.isSuccess && (
            <Alert color="teal" title={OUTCOME_WORDS[load.data.outcome]} role="status">
              {load.data.instrument.title}, version {load.data.instrument.version}: {load.data.instrument.sections} sections,{' '}
              {load.data.instrument.items} statements, rated {load.data.instrument.scaleMin}–{load.data.instrument.scaleMax}.
            </Alert>
          )}
          {load.isError && (
            <Alert color="red" title={`${fileName ?? 'The file'} was not loaded`} role="alert">
              <List size="sm" spacing={4} aria-label="Problems in the file">
                {problemsOf(load.error).map((p) => (
                  <List.Item key={`${p.path}:${p.message}`}>
                    {p.path && <code>{p.path}</code>}
                    {p.path ? ': ' : ''}
                    {p.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="loaded-heading">
        <Title order={3} size="h4" id="loaded-heading" mb="sm">
          Loaded instruments
        </Title>
        {instruments.isPending && <LoadingState label="Loading instruments…" />}
        {instruments.isError && <ErrorState error={instruments.error} onRetry={() => void instruments.refetch()} />}
        {instruments.data?.length === 0 && (
          <EmptyState title="No instrument loaded yet">
            Load a file above (<code>npm run instrument:load -- FILE</code> does the same).
          </EmptyState>
        )}
        {instruments.data && instruments.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder striped aria-labelledby="loaded-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Code</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Sections</Table.Th>
                  <Table.Th>Statements</Table.Th>
                  <Table.Th>Scale</Table.Th>
                  <Table.Th>Loaded</Table.Th>
                  <Table.Th>Can it change?</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {instruments.data.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.title}</Table.Td>
                    <Table.Td>
                      <code>{i.code}</code>
                    </Table.Td>
                    <Table.Td>{i.version}</Table.Td>
                    <Table.Td>{i.sections}</Table.Td>
                    <Table.Td>{i.items}</Table.Td>
                    <Table.Td>
                      {i.scaleMin}–{i.scaleMax}
                    </Table.Td>
                    <Table.Td>{formatDate(i.createdAt)}</Table.Td>
                    <Table.Td>
                      {i.answered ? (
                        <Badge color="gray.7">Answered: fixed</Badge>
                      ) : (
                        <Text size="sm">Not answered yet: can be replaced</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
