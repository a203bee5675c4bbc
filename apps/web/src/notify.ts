import { notifications } from '@mantine/notifications';
import { ApiError } from './api/client';

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', title: 'Saved', message });
}

export function notifyFailed(error: Error): void {
  notifications.show({ color: 'red', title: 'Not saved', message: error.message });
}

/** "Assign to me" lost the race (409): say so plainly; the message names who has it, and the case has reloaded. */
export function notifyClaimFailed(error: Error): void {
  if (error instanceof ApiError && error.status === 409)
    notifications.show({ color: 'orange', title: 'Someone else has this case', message: error.message });
  else notifyFailed(error);
}
