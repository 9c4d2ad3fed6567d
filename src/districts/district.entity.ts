import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the city's districts (地区). Seeded by a migration; `code` is stable across environments. */
@Entity('districts')
export class District {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  nameJa: string;

  @Column('text')
  nameKana: string;

  @Column('text')
  nameEn: string;

  /** Centre of the district, for the distance part of a match score. */
  @Column('double precision')
  latitude: number;

  @Column('double precision')
  longitude: number;

  @Column('smallint')
  sortOrder: number;
}
