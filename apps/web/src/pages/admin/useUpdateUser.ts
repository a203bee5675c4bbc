import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type User } from '../../api/client';
import type { components } from '../../api/schema';
import { notifyFailed, notifySaved } from '../../notify';

type UserChange = components['schemas']['UpdateUserDto'];

/** PATCH /users/:id with a toast either way; `saved` words the toast for the change made. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, change }: { user: User; change: UserChange; saved: string }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: change })),
    onSuccess: async (_updated, { saved }) => {
      notifySaved(saved);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: notifyFailed,
  });
}
