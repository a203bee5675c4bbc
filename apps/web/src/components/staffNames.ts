import type { StaffMember } from '../api/cases';

/**
 * How a colleague is named in pickers and lists: "Ana Diaz", or "Ana Diaz (ana.diaz@…)" when two active staff share
 * the name (GET /staff gives the email only then).
 */
export function staffLabel(member: Pick<StaffMember, 'name' | 'email'>): string {
  return member.email ? `${member.name} (${member.email})` : member.name;
}

/** A colleague's label by id, or `fallback` (a name the API gave elsewhere) for someone no longer on the staff list. */
export function staffLabelById(staff: StaffMember[] | undefined, id: string | null | undefined, fallback: string): string {
  const member = id ? staff?.find((candidate) => candidate.id === id) : undefined;
  return member ? staffLabel(member) : fallback;
}

/** Staff as select options. */
export function staffOptions(staff: StaffMember[] | undefined, value: (member: StaffMember) => string = (member) => member.id) {
  return (staff ?? []).map((member) => ({ value: value(member), label: staffLabel(member) }));
}
