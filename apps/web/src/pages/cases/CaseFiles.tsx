import { Anchor, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { attachmentsQuery, attachmentUrl, deleteAttachment, uploadAttachments, type Attachment } from '../../api/attachments';
import type { Case } from '../../api/cases';
import type { Me } from '../../api/client';
import { ATTACHMENT_ORIGIN_LABELS, FILE_TYPE_LABELS, labelOf } from '../../api/labels';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime, RelativeTime } from '../../components/dates';
import { formatFileSize } from '../../components/fileSize';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { notifyFailed } from '../../notify';
import { plural } from '../../components/plural';
import { canEditCase } from './permissions';
import { useCaseChange } from '../../api/caseChange';

/** What the file picker offers; the API decides from the bytes (README "Attachments"). */
export const ACCEPTED_FILES = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv';

/** Uploads files to the case, or to one of its sessions; refreshes the case page when saved. */
export function useUpload(item: Case, consultationId?: string) {
  return useCaseChange(
    item.id,
    (files: File[]) => uploadAttachments(item.id, files, consultationId),
    (files) => `${plural(files.length, 'file')} added`,
  );
}

/** The case's files (GET /cases/:id/attachments): name, type, size, where from, who and when; upload and delete for editors. */
export function CaseFiles({ item, me }: { item: Case; me: Me }) {
  const files = useQuery(attachmentsQuery(item.id));
  const upload = useUpload(item);
  const editable = canEditCase(item, me);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          Files
        </Title>
        {editable && (
          <FileButton
            multiple
            accept={ACCEPTED_FILES}
            onChange={(chosen) => chosen.length && upload.mutate(chosen, { onError: notifyFailed })}
          >
            {(props) => (
              <Button {...props} loading={upload.isPending}>
                Upload files
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        PDF, Word, Excel, PowerPoint, images, text and CSV files. Files download to your computer; they never open in TA Desk.
      </Text>
      {files.isPending ? (
        <LoadingState label="Loading files…" />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => void files.refetch()} />
      ) : files.data.length === 0 ? (
        <EmptyState title="No files yet">Job descriptions, policies and toolkits shared with the clinic are kept here.</EmptyState>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" aria-label="Files">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Added</Table.Th>
                  {editable && <Table.Th aria-label="Actions" />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {files.data.map((file) => (
                  <FileRow key={file.id} item={item} file={file} editable={editable} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}

function FileRow({ item, file, editable }: { item: Case; file: Attachment; editable: boolean }) {
  const remove = useCaseChange(
    item.id,
    () => deleteAttachment(file.id),
    () => `${file.fileName} deleted`,
  );
  return (
    <Table.Tr>
      <Table.Td>
        <FileLink file={file} />
      </Table.Td>
      <Table.Td>{labelOf(FILE_TYPE_LABELS, file.contentType)}</Table.Td>
      <Table.Td>{formatFileSize(file.sizeBytes)}</Table.Td>
      <Table.Td>
        <Text size="sm">{whereFrom(file)}</Text>
        <Text size="xs" c="dimmed">
          {labelOf(ATTACHMENT_ORIGIN_LABELS, file.origin)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{file.uploadedBy?.name ?? 'The clinic'}</Text>
        <RelativeTime iso={file.createdAt} size="xs" />
      </Table.Td>
      {editable && (
        <Table.Td>
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="red"
            title="Delete this file?"
            message={`${file.fileName} will be removed from the case. The timeline keeps a note of its name and who deleted it.`}
            confirmLabel="Delete file"
            loading={remove.isPending}
            onConfirm={(close) => remove.mutate(undefined, { onSuccess: close, onError: notifyFailed })}
            aria-label={`Delete ${file.fileName}`}
          >
            Delete
          </ConfirmButton>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** A link that downloads the file (the API always answers it as an attachment). */
export function FileLink({ file }: { file: Attachment }) {
  return (
    <Anchor href={attachmentUrl(file.id)} download={file.fileName} size="sm">
      {file.fileName}
    </Anchor>
  );
}

function whereFrom(file: Attachment): string {
  if (file.attachedTo === 'message') return 'A message';
  if (file.attachedTo === 'session' && file.consultationStartedAt) return `Session of ${formatDateTime(file.consultationStartedAt)}`;
  return 'The case';
}
