import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public request exactly as received, what it matched or created, and the requester's status token (hashed). */
@Entity('intake_submissions')
export class IntakeSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'organization_created', type: 'boolean' })
  organizationCreated: boolean;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId: string;

  @Column({ name: 'contact_created', type: 'boolean' })
  contactCreated: boolean;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  /** SHA-256 of the status-page token (hex); the token is only ever in the requester's link. */
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
