import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { coversDistrict, mayHandleResident } from '../common/actor/access.js';
import type { Actor } from '../common/actor/actor.js';
import type { UpdateVolunteerDto } from '../volunteers/dto/volunteer-profile.dto.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { VolunteersService } from '../volunteers/volunteers.service.js';
import { columnName, type ColumnMap, type ResidentField } from './columns.js';
import { hiraganaOf, phoneDigits } from './normalise.js';
import { asNewResident, type ResidentRow } from './resident-rows.js';
import { done, refusedBy, rejected, type RowResult } from './row-outcome.js';

type Profile = ResidentRow['profile'];

/** Which column each profile field comes from, for the list of what an update changes. */
const COLUMN_OF: Record<keyof Profile, ResidentField> = {
  name: 'name',
  nameKana: 'nameKana',
  phone: 'phone',
  email: 'email',
  homeDistrictCode: 'homeDistrict',
  travelDistrictCodes: 'travelDistricts',
  skills: 'skills',
  languages: 'languages',
  onlineAvailable: 'onlineAvailable',
  listedPublicly: 'listedPublicly',
  monthlyCap: 'monthlyCap',
};

/**
 * Applies (or, in a dry run, only weighs) one row of the resident register. New residents are registered
 * the way a coordinator registers one at the desk (VolunteersService.register): pending review, with no
 * account and no consent, so they are never matched until they agree to the privacy notice and a
 * coordinator activates them.
 */
@Injectable()
export class ResidentImporter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteersService,
  ) {}

  async handle(
    row: ResidentRow,
    map: ColumnMap<ResidentField>,
    actor: Actor,
    dryRun: boolean,
  ): Promise<RowResult> {
    const column = (field: ResidentField) => columnName('residents', map, field);
    const { profile } = row;
    if (!coversDistrict(actor, profile.homeDistrictCode)) {
      return rejected(row.line, [{ field: column('homeDistrict'), code: 'validation.outsideYourDistricts' }]);
    }
    const existing = await this.find(profile);
    const columnOf = (field: string) => column(COLUMN_OF[field.split(/[.[]/)[0] as keyof Profile] ?? 'name');
    if (!existing) {
      if (!profile.email)
        return rejected(row.line, [{ field: column('email'), code: 'import.emailToCreate' }]);
      if (dryRun) return done(row.line, 'created', null);
      try {
        const created = await this.volunteers.register(asNewResident(profile), actor);
        return done(row.line, 'created', created.id);
      } catch (error) {
        return refusedBy(error, row.line, columnOf);
      }
    }
    if (!mayHandleResident(actor, existing)) {
      return rejected(row.line, [{ field: column('homeDistrict'), code: 'import.residentOutsideDistricts' }]);
    }
    const changes = changedFields(existing, profile);
    if (changes.length === 0) return done(row.line, 'unchanged', existing.id);
    const changedColumns = changes.map((field) => column(COLUMN_OF[field]));
    if (dryRun) return done(row.line, 'updated', existing.id, changedColumns);
    const update: UpdateVolunteerDto = Object.fromEntries(changes.map((field) => [field, profile[field]]));
    try {
      await this.volunteers.update(existing.id, update, actor);
      return done(row.line, 'updated', existing.id, changedColumns);
    } catch (error) {
      return refusedBy(error, row.line, columnOf);
    }
  }

  /** By e-mail address when the row has one; else by name, reading and phone number together. */
  private async find(profile: Profile): Promise<Volunteer | null> {
    const repository = this.dataSource.getRepository(Volunteer);
    const relations = { skills: true, travelDistricts: true };
    if (profile.email) {
      const [found] = await repository
        .createQueryBuilder('v')
        .select('v.id')
        .where('lower(v.email) = :email', { email: profile.email })
        .getMany();
      return found ? repository.findOne({ where: { id: found.id }, relations }) : null;
    }
    const sameName = await repository
      .createQueryBuilder('v')
      .select(['v.id', 'v.nameKana'])
      .where('v.name = :name', { name: profile.name })
      .andWhere(`regexp_replace(v.phone, '\\D', '', 'g') = :digits`, { digits: phoneDigits(profile.phone) })
      .andWhere(`v.status <> 'withdrawn'`)
      .getMany();
    const match = sameName.find((v) => hiraganaOf(v.nameKana) === hiraganaOf(profile.nameKana));
    return match ? repository.findOne({ where: { id: match.id }, relations }) : null;
  }
}

/** The fields the row gives that differ from what is held (a field the row leaves out is never a change). */
function changedFields(held: Volunteer, profile: Profile): (keyof Profile)[] {
  const sameSet = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const differs: { [K in keyof Profile]-?: (value: NonNullable<Profile[K]>) => boolean } = {
    name: (v) => v !== held.name,
    nameKana: (v) => v !== held.nameKana,
    phone: (v) => phoneDigits(v) !== phoneDigits(held.phone),
    email: (v) => v !== held.email.toLowerCase(),
    homeDistrictCode: (v) => v !== held.homeDistrictCode,
    travelDistrictCodes: (v) =>
      !sameSet(
        v,
        held.travelDistricts.map((d) => d.code),
      ),
    skills: (v) =>
      !sameSet(
        v.map((s) => `${s.skillCode}:${s.level}`),
        held.skills.map((s) => `${s.skillCode}:${s.level}`),
      ),
    languages: (v) => !sameSet(v, held.languages),
    onlineAvailable: (v) => v !== held.onlineAvailable,
    listedPublicly: (v) => v !== held.listedPublicly,
    monthlyCap: (v) => v !== held.monthlyCap,
  };
  return (Object.keys(differs) as (keyof Profile)[]).filter(
    (field) =>
      profile[field] !== undefined && (differs[field] as (value: unknown) => boolean)(profile[field]),
  );
}
