import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldProblem } from '../common/errors/domain-error.js';
import { validationProblems } from '../common/validation/validation-problems.js';
import type { RequestKind } from '../requests/activity-request.entity.js';
import { CreateRequestDto } from '../requests/dto/request.dto.js';
import { scheduleProblems } from '../requests/schedule-rules.js';
import { cellOf, columnName, type ColumnMap, type RequestField } from './columns.js';
import type { CsvRow } from './csv-file.js';
import {
  folded,
  japanDateTime,
  listOf,
  tidied,
  timeRange,
  wholeNumber,
  withLevel,
  yesNo,
} from './normalise.js';
import type { Vocabulary } from './vocabulary.js';

/** A request as a row of the city's list gives it: one session per row. */
export interface RequestRow {
  line: number;
  reference?: string;
  organisationId?: string;
  dto: CreateRequestDto;
  problems: FieldProblem[];
}

const KIND_NAMES: Record<string, RequestKind> = {
  school_visit: 'school_visit',
  学校: 'school_visit',
  学校訪問: 'school_visit',
  学校支援: 'school_visit',
  ゲストティーチャー: 'school_visit',
  family_support: 'family_support',
  家庭教育: 'family_support',
  家庭教育支援: 'family_support',
  子育て支援: 'family_support',
  course_instructor: 'course_instructor',
  講座: 'course_instructor',
  講座講師: 'course_instructor',
  講師: 'course_instructor',
};

const SCHOOL_ROLES: Record<string, string> = {
  ゲストティーチャー: 'guest_teacher',
  学校支援: 'school_support',
  学校支援ボランティア: 'school_support',
};
const SCHOOL_LEVELS: Record<string, string> = {
  小学校: 'elementary',
  中学校: 'junior_high',
  高校: 'high',
  高等学校: 'high',
  特別支援学校: 'special_needs',
};
const SUPPORT_TYPES: Record<string, string> = {
  子育て講話: 'parenting_talk',
  託児: 'childcare',
  家庭学習: 'home_learning',
  外国人保護者支援: 'foreign_parent_support',
};
const ORGANISER_TYPES: Record<string, string> = {
  PTA: 'pta',
  子育てサークル: 'child_rearing_circle',
  家庭教育支援窓口: 'family_support_desk',
};

function named(table: Record<string, string>, cell: string): string {
  const value = folded(cell);
  return table[value] ?? value;
}

/**
 * The city's number, else the organisation, the title and the first session: what makes a row the same
 * request as one already held.
 */
export function requestKey(row: RequestRow): string {
  if (row.reference) return `ref:${row.reference}`;
  return `request:${row.organisationId}|${row.dto.title}|${Date.parse(row.dto.slots[0]?.startsAt ?? '')}`;
}

/** Reads one row into the form a requester fills in (CreateRequestDto), and checks it as that form is. */
export function readRequestRow(
  row: CsvRow,
  map: ColumnMap<RequestField>,
  vocabulary: Vocabulary,
  now: Date,
): RequestRow {
  const cell = (field: RequestField) => cellOf(map, row.cells, field);
  const has = (field: RequestField) => cell(field) !== '';
  const column = (field: RequestField) => columnName('requests', map, field);
  const problems: FieldProblem[] = [];

  const kind = KIND_NAMES[folded(cell('kind'))];
  if (!kind)
    problems.push({ field: column('kind'), code: 'import.unknownKind', params: { value: cell('kind') } });

  let organisationId: string | undefined;
  const organisations = vocabulary.organisations(cell('organisation'));
  if (has('organisation') && organisations.length === 0) {
    problems.push({
      field: column('organisation'),
      code: 'import.unknownOrganisation',
      params: { name: tidied(cell('organisation')) },
    });
  } else if (organisations.length > 1) {
    problems.push({
      field: column('organisation'),
      code: 'import.ambiguousOrganisation',
      params: { name: tidied(cell('organisation')) },
    });
  } else organisationId = organisations[0]?.id;

  // 開始 may hold the whole session (`2027/5/10 10:00-12:00`); else 終了 holds the end, time or date and time.
  const range = timeRange(cell('startsAt'));
  const startsAt = range ? japanDateTime(`${range.date} ${range.start}`) : japanDateTime(cell('startsAt'));
  const endCell = range ? range.end : cell('endsAt');
  const endsAt = /^\d{1,2}:\d{2}$/.test(folded(endCell))
    ? startsAt && japanDateTime(`${startsAt.slice(0, 10)} ${folded(endCell)}`)
    : japanDateTime(endCell);
  if (has('startsAt') && !startsAt)
    problems.push({
      field: column('startsAt'),
      code: 'import.dateTime',
      params: { value: cell('startsAt') },
    });
  if (has('startsAt') && startsAt && !endsAt)
    problems.push({ field: column('endsAt'), code: 'import.dateTime', params: { value: endCell } });
  // A deadline given as a day runs to the end of that day in Japan.
  const deadline = japanDateTime(cell('deadline'), '23:59');
  if (has('deadline') && !deadline)
    problems.push({
      field: column('deadline'),
      code: 'import.dateTime',
      params: { value: cell('deadline') },
    });

  const requiredSkills: { skillCode: string; minLevel: number }[] = [];
  for (const item of listOf(cell('skills'))) {
    const { name, level } = withLevel(item);
    const code = vocabulary.skill(name);
    if (code) requiredSkills.push({ skillCode: code, minLevel: level ?? 1 });
    else
      problems.push({
        field: column('skills'),
        code: vocabulary.isCategory(name) ? 'import.fieldNotSkill' : 'validation.unknownSkill',
        params: { id: name },
      });
  }
  const districtCode = has('district') ? vocabulary.district(cell('district')) : undefined;
  if (has('district') && !districtCode)
    problems.push({
      field: column('district'),
      code: 'validation.unknownDistrict',
      params: { id: cell('district') },
    });
  const online = has('online') ? yesNo(cell('online')) : false;
  if (online === undefined)
    problems.push({ field: column('online'), code: 'import.yesNo', params: { value: cell('online') } });
  const number = (field: RequestField) => (has(field) ? (wholeNumber(cell(field)) ?? Number.NaN) : undefined);

  const plain = {
    kind,
    title: tidied(cell('title')),
    description: cell('description'),
    organisationId,
    districtCode: districtCode ?? null,
    venue: has('venue') ? tidied(cell('venue')) : null,
    online: online ?? false,
    need: number('need'),
    deadline,
    slots: [{ startsAt, endsAt }],
    requiredSkills,
    ...(kind === 'school_visit'
      ? {
          school: {
            role: has('schoolRole') ? named(SCHOOL_ROLES, cell('schoolRole')) : 'guest_teacher',
            schoolLevel: has('schoolLevel') ? named(SCHOOL_LEVELS, cell('schoolLevel')) : undefined,
            grade: number('grade'),
            subject: has('subject') ? tidied(cell('subject')) : undefined,
            topic: has('topic') ? tidied(cell('topic')) : tidied(cell('title')),
            pupils: number('pupils'),
          },
        }
      : {}),
    ...(kind === 'family_support'
      ? {
          family: {
            supportType: has('supportType') ? named(SUPPORT_TYPES, cell('supportType')) : undefined,
            organiserType: has('organiserType') ? named(ORGANISER_TYPES, cell('organiserType')) : undefined,
            childrenAges: listOf(cell('childrenAges')).map((age) => wholeNumber(age) ?? Number.NaN),
            languageNeeds: listOf(cell('languageNeeds')).map((l) => vocabulary.language(l)),
            childcareNeeded: has('childcare') ? yesNo(cell('childcare')) : false,
          },
        }
      : {}),
    ...(kind === 'course_instructor'
      ? {
          course: {
            capacity: number('capacity'),
            participantFeeYen: number('participantFee') ?? 0,
            honorariumYen: number('honorarium') ?? 0,
          },
        }
      : {}),
  };
  const dto = plainToInstance(CreateRequestDto, plain);
  const dtoProblems = validationProblems(validateSync(dto, { forbidUnknownValues: false }));
  if (startsAt && endsAt && deadline && dtoProblems.length === 0) {
    dtoProblems.push(
      ...scheduleProblems(
        { slots: [{ startsAt: new Date(startsAt), endsAt: new Date(endsAt) }], deadline: new Date(deadline) },
        now,
      ),
    );
  }
  if (!plain.online && !plain.districtCode && !has('district')) {
    dtoProblems.push({ field: 'districtCode', code: 'validation.placeRequired' });
  }
  for (const problem of dtoProblems) {
    const field = requestColumnOf(problem.field);
    // Cells already reported as unreadable are not reported again as missing.
    if (field && problems.some((p) => p.field === column(field))) continue;
    if (field === 'organisation' || field === 'kind') continue;
    problems.push({ ...problem, field: field ? column(field) : problem.field });
  }
  const reference = has('reference') ? folded(cell('reference')) : undefined;
  return { line: row.line, reference, organisationId, dto, problems };
}

/** The column a problem with a field of CreateRequestDto (`slots[0].endsAt`, `school.grade`) belongs to. */
export function requestColumnOf(field: string): RequestField | undefined {
  const fields: Record<string, RequestField> = {
    kind: 'kind',
    title: 'title',
    description: 'description',
    organisationId: 'organisation',
    districtCode: 'district',
    venue: 'venue',
    online: 'online',
    need: 'need',
    deadline: 'deadline',
    requiredSkills: 'skills',
    'school.role': 'schoolRole',
    'school.schoolLevel': 'schoolLevel',
    'school.grade': 'grade',
    'school.subject': 'subject',
    'school.topic': 'topic',
    'school.pupils': 'pupils',
    'family.supportType': 'supportType',
    'family.organiserType': 'organiserType',
    'family.childrenAges': 'childrenAges',
    'family.languageNeeds': 'languageNeeds',
    'family.childcareNeeded': 'childcare',
    'course.capacity': 'capacity',
    'course.participantFeeYen': 'participantFee',
    'course.honorariumYen': 'honorarium',
  };
  if (/^slots\[\d+\]\.endsAt$/.test(field)) return 'endsAt';
  if (/^slots/.test(field)) return 'startsAt';
  const base = field.replace(/\[\d+\]$/, '');
  return fields[base] ?? fields[base.split(/[.[]/)[0]];
}
