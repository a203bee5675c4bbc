import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CasePriority, CaseSource, CaseStatus, Intensity, ReasonCode, ServiceLine, StallLevel } from './case-enums.js';

/** One TA engagement with one organization. */
@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** TA-YYYY-NNNNN, assigned by the database from a sequence (see the migration), so concurrent creates never collide. */
  @Column({ type: 'varchar', length: 20, insert: false, update: false })
  reference: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'primary_contact_id', type: 'uuid', nullable: true })
  primaryContactId: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 20 })
  source: CaseSource;

  @Column({ type: 'varchar', length: 10 })
  priority: CasePriority;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ name: 'service_lines', type: 'text', array: true, default: () => "'{}'" })
  serviceLines: ServiceLine[];

  @Column({ type: 'varchar', length: 12, nullable: true })
  intensity: Intensity | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: CaseStatus;

  @Column({ name: 'status_reason', type: 'varchar', length: 30, nullable: true })
  statusReason: ReasonCode | null;

  @Column({ name: 'stall_level', type: 'varchar', length: 10, default: 'none' })
  stallLevel: StallLevel;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
