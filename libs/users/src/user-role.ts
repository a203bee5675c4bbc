export const USER_ROLES = ['admin', 'lead', 'consultant'] as const;
export type UserRole = (typeof USER_ROLES)[number];
