/**
 * The addresses the API accepts and mail servers deliver: RFC 5321/5322 local parts such as o'brien, first.last or
 * name+tag, and a domain with at least one dot. Mantine's isEmail refuses the apostrophe, so forms use this instead.
 * Plain (no Mantine import): the public pages' small bundle uses it too.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isDeliverableEmail(error: string) {
  return (value: unknown): string | null => (typeof value === 'string' && EMAIL.test(value.trim()) ? null : error);
}
