import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldProblem } from '../common/errors/domain-error.js';
import { validationProblems } from '../common/validation/validation-problems.js';
import { CreateVolunteerDto } from '../volunteers/dto/volunteer-profile.dto.js';
import { cellOf, columnName, type ColumnMap, type ResidentField } from './columns.js';
import type { CsvRow } from './csv-file.js';
import {
  emailAddress,
  hiraganaOf,
  kanaReading,
  listOf,
  phoneDigits,
  phoneNumber,
  tidied,
  wholeNumber,
  withLevel,
  yesNo,
} from './normalise.js';
import type { Vocabulary } from './vocabulary.js';

/** A resident as a row of the register gives them: the profile a coordinator would type at the desk. */
export interface ResidentRow {
  line: number;
  /** `undefined` when the file has no such column or the cell is blank: the held value stays. */
  profile: {
    name: string;
    nameKana: string;
    phone: string;
    email?: string;
    homeDistrictCode: string;
    travelDistrictCodes?: string[];
    skills?: { skillCode: string; level: number }[];
    languages?: string[];
    onlineAvailable?: boolean;
    listedPublicly?: boolean;
    monthlyCap?: number;
  };
  problems: FieldProblem[];
}

/** Level given to a skill listed without one: "can do it", neither beginner nor teacher of teachers. */
export const DEFAULT_SKILL_LEVEL = 3;
/** A resident from a paper register who gave no monthly limit: two activities a month. */
export const DEFAULT_MONTHLY_CAP = 2;

/** The natural key of a resident: their e-mail address, else name, reading and phone together. */
export function residentKey(profile: ResidentRow['profile']): string {
  if (profile.email) return `email:${profile.email}`;
  return `person:${profile.name}|${hiraganaOf(profile.nameKana)}|${phoneDigits(profile.phone)}`;
}

/** Reads one row: folds the cells, turns names into codes, and checks it as the desk's form would. */
export function readResidentRow(
  row: CsvRow,
  map: ColumnMap<ResidentField>,
  vocabulary: Vocabulary,
): ResidentRow {
  const cell = (field: ResidentField) => cellOf(map, row.cells, field);
  const has = (field: ResidentField) => map.index[field] !== undefined && cell(field) !== '';
  const column = (field: ResidentField) => columnName('residents', map, field);
  const problems: FieldProblem[] = [];

  const homeDistrictCode = vocabulary.district(cell('homeDistrict'));
  if (has('homeDistrict') && !homeDistrictCode) {
    problems.push({
      field: column('homeDistrict'),
      code: 'validation.unknownDistrict',
      params: { id: cell('homeDistrict') },
    });
  }
  let travelDistrictCodes: string[] | undefined;
  if (has('travelDistricts')) {
    travelDistrictCodes = [];
    for (const name of listOf(cell('travelDistricts'))) {
      const code = vocabulary.district(name);
      if (code) travelDistrictCodes.push(code);
      else
        problems.push({
          field: column('travelDistricts'),
          code: 'validation.unknownDistrict',
          params: { id: name },
        });
    }
    travelDistrictCodes = [...new Set(travelDistrictCodes)];
  }
  let skills: { skillCode: string; level: number }[] | undefined;
  if (has('skills')) {
    const byCode = new Map<string, number>();
    for (const item of listOf(cell('skills'))) {
      const { name, level } = withLevel(item);
      const code = vocabulary.skill(name);
      if (code) byCode.set(code, level ?? DEFAULT_SKILL_LEVEL);
      else
        problems.push({
          field: column('skills'),
          code: vocabulary.isCategory(name) ? 'import.fieldNotSkill' : 'validation.unknownSkill',
          params: { id: name },
        });
    }
    skills = [...byCode].map(([skillCode, level]) => ({ skillCode, level }));
  }
  const flag = (field: 'onlineAvailable' | 'listedPublicly') => {
    if (!has(field)) return undefined;
    const value = yesNo(cell(field));
    if (value === undefined)
      problems.push({ field: column(field), code: 'import.yesNo', params: { value: cell(field) } });
    return value;
  };
  let monthlyCap: number | undefined;
  if (has('monthlyCap')) {
    monthlyCap = wholeNumber(cell('monthlyCap'));
    if (monthlyCap === undefined) problems.push({ field: column('monthlyCap'), code: 'validation.isInt' });
  }
  const profile: ResidentRow['profile'] = {
    name: tidied(cell('name')),
    nameKana: kanaReading(cell('nameKana')),
    phone: phoneNumber(cell('phone')),
    ...(has('email') ? { email: emailAddress(cell('email')) } : {}),
    homeDistrictCode: homeDistrictCode ?? '',
    ...(travelDistrictCodes ? { travelDistrictCodes } : {}),
    ...(skills ? { skills } : {}),
    ...(has('languages')
      ? { languages: [...new Set(listOf(cell('languages')).map((l) => vocabulary.language(l)))] }
      : {}),
    onlineAvailable: flag('onlineAvailable'),
    listedPublicly: flag('listedPublicly'),
    ...(monthlyCap !== undefined ? { monthlyCap } : {}),
  };
  if (profile.onlineAvailable === undefined) delete profile.onlineAvailable;
  if (profile.listedPublicly === undefined) delete profile.listedPublicly;

  // The rules of the desk's own form (CreateVolunteerDto), reported against the file's columns.
  const dto = plainToInstance(CreateVolunteerDto, {
    ...asNewResident(profile),
    // A blank e-mail is checked when the row would create someone (see the importer), not here.
    email: profile.email ?? 'placeholder@example.jp',
    homeDistrictCode: profile.homeDistrictCode || 'placeholder',
  });
  const checked: Partial<Record<string, ResidentField>> = {
    name: 'name',
    nameKana: 'nameKana',
    email: 'email',
    phone: 'phone',
    languages: 'languages',
    monthlyCap: 'monthlyCap',
    skills: 'skills',
  };
  for (const problem of validationProblems(validateSync(dto))) {
    const field = checked[problem.field.split(/[.[]/)[0]];
    if (!field) continue;
    if (field === 'monthlyCap' && problems.some((p) => p.field === column('monthlyCap'))) continue;
    if (problem.code === 'validation.isDefined' && !has(field)) {
      problems.push({ field: column(field), code: 'validation.isDefined' });
    } else {
      problems.push({ ...problem, field: column(field) });
    }
  }
  if (!has('homeDistrict')) problems.push({ field: column('homeDistrict'), code: 'validation.isDefined' });
  return { line: row.line, profile, problems: dedupe(problems) };
}

/** The full profile of a resident created from a row: what the row leaves out takes the form's defaults. */
export function asNewResident(profile: ResidentRow['profile']) {
  return {
    name: profile.name,
    nameKana: profile.nameKana,
    email: profile.email ?? '',
    phone: profile.phone,
    homeDistrictCode: profile.homeDistrictCode,
    travelDistrictCodes: profile.travelDistrictCodes ?? [],
    onlineAvailable: profile.onlineAvailable ?? false,
    listedPublicly: profile.listedPublicly ?? false,
    languages: profile.languages ?? ['ja'],
    monthlyCap: profile.monthlyCap ?? DEFAULT_MONTHLY_CAP,
    skills: profile.skills ?? [],
    learningOutcomes: [],
    availability: [],
    unavailableDates: [],
  };
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.code}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
