import { notifications } from '@mantine/notifications';

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', title: 'Saved', message });
}

export function notifyFailed(error: Error): void {
  notifications.show({ color: 'red', title: 'Not saved', message: error.message });
}
