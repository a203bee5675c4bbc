import type { UserRole } from '../api/client';

export const ROLE_OPTIONS: { value: UserRole; label: string }[] = [
  { value: 'consultant', label: 'Consultant' },
  { value: 'lead', label: 'Program lead' },
  { value: 'admin', label: 'Admin' },
];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}
