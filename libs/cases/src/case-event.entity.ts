import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseEventPayloads, CaseEventType } from './case-events.js';

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
  data: CaseEventPayloads[CaseEventType];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
