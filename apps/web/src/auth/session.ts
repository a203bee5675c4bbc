import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useOutletContext } from 'react-router';
import { api, unwrap, type Me } from '../api/client';

/** The signed-in user; AppLayout loads it and passes it down as the outlet context of every staff page. */
export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSuccess: async () => {
      await navigate('/login', { replace: true });
      // After leaving the staff pages, so nothing refetches with the ended session.
      queryClient.clear();
    },
  });
}
