import { Stack } from '@mantine/core';
import { ApiError } from '../../api/client';
import { Notice } from './Notice';
import { PageTitle } from './PageTitle';

/**
 * A public page opened by a link (survey, assessment, request status): a link the API says is unknown (404) or closed
 * (410) will not start working on a retry; a server or network failure may.
 */
export const retryUnlessRefused = (failures: number, error: unknown): boolean =>
  failures < 2 && !(error instanceof ApiError && error.status < 500);

/** The page for a link that did not open: unknown, closed (the API's own words), or not loaded (try again later). */
export function LinkNotOpened({ title, thing, error }: { title: string; thing: string; error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  return (
    <Stack>
      <PageTitle title={title} />
      <Notice
        tone={status === 410 ? 'info' : 'error'}
        role="alert"
        title={
          status === 404
            ? `We could not find this ${thing}`
            : status === 410
              ? `This ${thing} has closed`
              : `We could not load the ${thing}`
        }
      >
        {(status === 404 || status === 410) && error instanceof Error
          ? error.message
          : 'Please check your connection and try again in a few minutes.'}
      </Notice>
    </Stack>
  );
}
