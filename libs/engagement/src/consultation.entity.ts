import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Modality } from './engagement-enums.js';

/** A logged consultation session on a case. */
@Entity('consultations')
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'consultant_id', type: 'uuid' })
  consultantId: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ type: 'varchar', length: 12 })
  modality: Modality;

  /** Contacts of the case's organization who attended. */
  @Column({ name: 'attendee_contact_ids', type: 'uuid', array: true, default: () => "'{}'" })
  attendeeContactIds: string[];

  /** Everyone in the room, named or not (a webinar may have 40). */
  @Column({ type: 'int', nullable: true })
  headcount: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'next_steps', type: 'text', default: '' })
  nextSteps: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
