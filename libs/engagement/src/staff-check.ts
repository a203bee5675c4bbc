import { fieldError } from '@ta/common';
import { Contact } from '@ta/organizations';
import { User } from '@ta/users';
import { In, type EntityManager } from 'typeorm';

/** A 400 naming `field` unless the user is active staff. */
export async function checkActiveStaff(manager: EntityManager, userId: string, field: string): Promise<User> {
  const user = await manager.findOneBy(User, { id: userId, active: true });
  if (!user) throw fieldError(field, 'must be an active staff user');
  return user;
}

/** A 400 naming `field` unless every contact belongs to the organization. */
export async function checkContactsOf(manager: EntityManager, organizationId: string, contactIds: string[], field: string): Promise<void> {
  if (contactIds.length === 0) return;
  const found = await manager.countBy(Contact, { id: In(contactIds), organizationId });
  if (found !== contactIds.length) throw fieldError(field, 'must be contacts of the case’s organization');
}
