import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CASE_EVENT_TYPES = ['created', 'field_changed', 'transition', 'assigned'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number] | (string & {});

/** The timeline and audit trail of a case; written in the same transaction as the change it records. */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** The staff user who acted; null when the system did (intake, sweeps). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  type: CaseEventType;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
