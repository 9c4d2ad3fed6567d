import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { District } from '../districts/district.entity.js';

export const ORGANISATION_KINDS = ['school', 'community_group', 'family_support_desk'] as const;
/** A school, a community group or circle, or a family-support desk (PTA class, child-rearing circle, the city's desk). */
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Who asks for people. Requesters act for the organisations they are members of, and see only theirs. */
@Entity('organisations')
@Check('organisations_kind_check', `kind IN ('school', 'community_group', 'family_support_desk')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: OrganisationKind;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  districtCode: string | null;

  @ManyToOne(() => District, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'district_code' })
  district: Relation<District> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
