import { fieldError } from '@ta/common';
import type { OrganizationsService } from '@ta/organizations';
import type { UsersService } from '@ta/users';
import type { EntityManager } from 'typeorm';

/** A 400 naming `field` unless the user is active staff (asked of users, their owner). */
export async function checkActiveStaff(users: UsersService, manager: EntityManager, userId: string, field: string): Promise<void> {
  if (!(await users.findActiveStaff(manager, userId))) throw fieldError(field, 'must be an active staff user');
}

/** A 400 naming `field` unless every contact belongs to the organization (asked of organizations, their owner). */
export async function checkContactsOf(
  organizations: OrganizationsService,
  manager: EntityManager,
  organizationId: string,
  contactIds: string[],
  field: string,
): Promise<void> {
  if (contactIds.length === 0) return;
  const found = await organizations.findContacts(contactIds, organizationId, manager);
  if (found.length !== contactIds.length) throw fieldError(field, 'must be contacts of the case’s organization');
}
