import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ImplementationStage, OmhRegion, OrganizationKind, PeerRole, Population } from './organization-enums.js';

@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** normalizeOrganizationName(name): finds duplicates and matches intake requests. */
  @Column({ name: 'normalized_name', type: 'varchar', length: 200 })
  normalizedName: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  @Column({ type: 'varchar', length: 20 })
  region: OmhRegion;

  @Column({ type: 'varchar', length: 60 })
  county: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  populations: Population[];

  @Column({ type: 'varchar', length: 20 })
  stage: ImplementationStage;

  /** Peer roles the program employs or plans (the request form asks), beside the head counts below. */
  @Column({ name: 'peer_roles', type: 'text', array: true, default: () => "'{}'" })
  peerRoles: PeerRole[];

  @Column({ name: 'peer_nycps', type: 'int', default: 0 })
  peerNycps: number;

  @Column({ name: 'peer_ypa', type: 'int', default: 0 })
  peerYpa: number;

  @Column({ name: 'peer_fpa', type: 'int', default: 0 })
  peerFpa: number;

  @Column({ type: 'text', default: '' })
  notes: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
