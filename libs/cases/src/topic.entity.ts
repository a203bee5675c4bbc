import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GoalArea } from './case-enums.js';

/** A TA topic and the funder goal area it counts toward: data (seeded by migration), not code. */
@Entity('topics')
export class Topic {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  label: string;

  @Column({ name: 'goal_area', type: 'varchar', length: 20 })
  goalArea: GoalArea;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;
}
