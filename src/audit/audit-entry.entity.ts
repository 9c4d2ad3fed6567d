import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Small facts about an audited change: never contact details. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/** Who did what to which record, and when. Written in the same transaction as the change itself. */
@Entity('audit_entries')
@Index('audit_entries_subject_idx', ['subjectType', 'subjectId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('text')
  actorId: string;

  @Column('text')
  actorRole: string;

  /** `subject.verb`, e.g. `proposal.approved`. */
  @Column('text')
  action: string;

  @Column('text')
  subjectType: string;

  @Column('text')
  subjectId: string;

  @Column('jsonb', { default: {} })
  details: AuditDetails;
}
