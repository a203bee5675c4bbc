import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { FollowUpKind, FollowUpStatus } from './engagement-enums.js';

/** A scheduled touchpoint on a case. */
@Entity('follow_ups')
export class FollowUp {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: FollowUpKind;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: FollowUpStatus;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
