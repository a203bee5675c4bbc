import { Button, FileInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { addInformation } from '../../api/intake';
import { Notice } from './Notice';

/** What the picker offers; the center's server checks the bytes themselves. */
const ACCEPTED = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv';
const MAX_TEXT = 10000;

/** The requester adds something to their request: a note, documents (a draft job description, a policy), or both. */
export function AddInformation({ token, consultant }: { token: string; consultant: string | null }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => addInformation(token, text, files),
    onSuccess: () => {
      setText('');
      setFiles([]);
    },
  });
  const submit = () => {
    if (!text.trim() && files.length === 0) return setProblem('Write something or choose a file to send.');
    if (text.length > MAX_TEXT) return setProblem(`Please keep it under ${MAX_TEXT} characters.`);
    setProblem(null);
    send.mutate();
  };
  const failure = send.error instanceof ApiError ? send.error : null;

  return (
    <Stack component="section" aria-labelledby="add-information" gap="sm">
      <Title order={2} size="h4" id="add-information">
        Add information
      </Title>
      <Text size="sm" c="dimmed">
        Anything new for {consultant ?? 'your consultant'}: a question, an update, or documents such as a draft job description. Please do
        not include client health information.
      </Text>
      {send.isSuccess && (
        <Notice tone="success" title="Thank you, we have it" role="status">
          It is now on your request, and {consultant ?? 'the center'} has been told.
        </Notice>
      )}
      <form onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
        <Stack gap="sm">
          <Textarea
            label="Your message"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={4}
            size="md"
            error={problem ?? undefined}
          />
          <FileInput
            label="Files (optional)"
            description="PDF, Word, Excel, PowerPoint, images, text or CSV; up to 10 files"
            placeholder="Choose files"
            // Mantine's pale placeholder fails contrast on the public pages.
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            multiple
            clearable
            accept={ACCEPTED}
            value={files}
            onChange={setFiles}
            size="md"
          />
          {failure && (
            <Notice tone="error" title="Not sent" role="alert">
              {failure.status === 413
                ? 'A file is too large. Please send a smaller one, or fewer at once.'
                : failure.status === 415
                  ? 'One of the files is of a kind we cannot accept. PDF, Office documents, images, text and CSV files are fine.'
                  : failure.status === 429
                    ? failure.message
                    : failure.status === 0
                      ? 'Please check your internet connection and try again.'
                      : 'Something went wrong on our side. Please try again in a few minutes.'}
            </Notice>
          )}
          <Button type="submit" size="md" loading={send.isPending} style={{ alignSelf: 'flex-start' }}>
            Send
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
