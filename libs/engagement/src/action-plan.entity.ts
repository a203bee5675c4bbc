import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GoalArea } from '@ta/cases';
import type { ActionItemStatus } from './engagement-enums.js';

/** A goal of a case's action plan (one plan per case: the goals of the case are the plan). */
@Entity('action_plan_goals')
export class ActionPlanGoal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ name: 'goal_area', type: 'varchar', length: 20 })
  goalArea: GoalArea;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('action_items')
export class ActionItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  /** Exactly one owner: a clinic contact or a staff user (a CHECK constraint holds it). */
  @Column({ name: 'owner_contact_id', type: 'uuid', nullable: true })
  ownerContactId: string | null;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  /** A calendar date in the center's time zone (YYYY-MM-DD). */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 12, default: 'todo' })
  status: ActionItemStatus;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
