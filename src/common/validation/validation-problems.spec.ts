import 'reflect-metadata';
import { plainToInstance, Type, type ClassConstructor } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  validateSync,
  ValidateNested,
  type ValidatorOptions,
} from 'class-validator';
import { validationProblems } from './validation-problems.js';
import { IsAfter, IsDateOnly, IsKana } from './validators.js';
import { InvalidInputError } from '../errors/domain-error.js';
import { createValidationPipe } from './validation.pipe.js';

class SlotDto {
  @IsISO8601({ strict: true })
  startsAt: string;

  @IsISO8601({ strict: true })
  @IsAfter('startsAt')
  endsAt: string;
}

class PlaceDto {
  @IsString()
  @MaxLength(5)
  name: string;
}

class CourseDto {
  @IsInt()
  @Min(1)
  need: number;

  @IsIn(['lecture', 'workshop'])
  format: string;

  /** Same property name as PlaceDto's, with a different limit. */
  @IsString()
  @MaxLength(50)
  name: string;

  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots: SlotDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PlaceDto)
  place?: PlaceDto;
}

class ResidentDto {
  @IsKana()
  nameKana: string;

  @IsDateOnly()
  birthday: string;
}

class AvailabilityDto {
  startTime: string;

  @IsAfter('startTime')
  endTime: string;
}

class SessionDto {
  startsAt: string;

  @IsAfter('startsAt')
  endsAt: string;
}

function problemsOf<T extends object>(dto: ClassConstructor<T>, plain: object, options?: ValidatorOptions) {
  return validationProblems(validateSync(plainToInstance(dto, plain), options));
}

const validCourse = {
  need: 2,
  format: 'lecture',
  name: '書道入門',
  slots: [
    { startsAt: '2027-05-10T10:00:00+09:00', endsAt: '2027-05-10T12:00:00+09:00' },
    { startsAt: '2027-05-17T10:00:00+09:00', endsAt: '2027-05-17T12:00:00+09:00' },
  ],
  place: { name: '平公民館' },
};

const validResident = { nameKana: 'すずき はなこ', birthday: '1960-04-01' };

describe('validationProblems', () => {
  it('finds no problem in a valid object', () => {
    expect(problemsOf(CourseDto, validCourse)).toEqual([]);
  });

  it('names a field of a nested array element by its index, e.g. slots[1].endsAt', () => {
    const course = {
      ...validCourse,
      slots: [
        validCourse.slots[0],
        { startsAt: '2027-05-17T12:00:00+09:00', endsAt: '2027-05-17T10:00:00+09:00' },
      ],
    };
    expect(problemsOf(CourseDto, course)).toEqual([
      { field: 'slots[1].endsAt', code: 'validation.endAfterStart', params: { '0': 'startsAt' } },
    ]);
  });

  it('names a field of a nested object with a dot', () => {
    expect(problemsOf(CourseDto, { ...validCourse, place: { name: 'いわき市文化センター' } })).toEqual([
      { field: 'place.name', code: 'validation.maxLength', params: { '0': 5 } },
    ]);
  });

  it('prefixes the constraint name with validation. and turns its arguments into numbered params', () => {
    expect(problemsOf(CourseDto, { ...validCourse, need: 0 })).toEqual([
      { field: 'need', code: 'validation.min', params: { '0': 1 } },
    ]);
  });

  it('gives no params to a constraint that takes no arguments', () => {
    expect(problemsOf(CourseDto, { ...validCourse, need: 1.5 })).toEqual([
      { field: 'need', code: 'validation.isInt', params: {} },
    ]);
  });

  it('lists one problem per failed constraint of a field', () => {
    const codes = problemsOf(CourseDto, { ...validCourse, need: 'two' }).map((problem) => problem.code);
    expect(codes.sort()).toEqual(['validation.isInt', 'validation.min']);
  });

  it('joins a list argument into one readable param', () => {
    expect(problemsOf(CourseDto, { ...validCourse, format: 'party' })).toEqual([
      { field: 'format', code: 'validation.isIn', params: { '0': 'lecture, workshop' } },
    ]);
  });

  it('takes params from the class the field belongs to when names repeat across classes', () => {
    const tooLong = 'あ'.repeat(60);
    const problems = problemsOf(CourseDto, { ...validCourse, name: tooLong, place: { name: tooLong } });
    expect(problems).toEqual([
      { field: 'name', code: 'validation.maxLength', params: { '0': 50 } },
      { field: 'place.name', code: 'validation.maxLength', params: { '0': 5 } },
    ]);
  });

  it('reports an array element that is not an object at its index', () => {
    const problems = problemsOf(CourseDto, { ...validCourse, slots: [validCourse.slots[0], 'tomorrow'] });
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['slots[1]', 'validation.nestedValidation'],
    ]);
  });

  it('reports problems in several elements, each under its own index', () => {
    const course = {
      ...validCourse,
      slots: [
        { startsAt: '2027-05-10T12:00:00+09:00', endsAt: '2027-05-10T10:00:00+09:00' },
        validCourse.slots[1],
        { endsAt: 'later' },
      ],
    };
    const fields = problemsOf(CourseDto, course).map((problem) => `${problem.field} ${problem.code}`);
    expect(fields.sort()).toEqual(
      [
        'slots[0].endsAt validation.endAfterStart',
        'slots[2].startsAt validation.isDefined',
        'slots[2].endsAt validation.isIso8601',
      ].sort(),
    );
  });

  // Nest's ValidationPipe validates with `validationError: { target: false }` unless told otherwise, which
  // would leave the arguments behind: the app's pipe must ask for the target.
  it('reports a missing field once, as required, rather than every rule it fails', () => {
    const { name, ...withoutName } = validCourse;
    expect(problemsOf(CourseDto, withoutName)).toEqual([
      { field: 'name', code: 'validation.isDefined', params: {} },
    ]);
  });

  it('keeps constraint arguments as params for errors from the app-wide ValidationPipe', async () => {
    const pipe = createValidationPipe();
    const refused = await pipe
      .transform({ ...validCourse, need: 0 }, { type: 'body', metatype: CourseDto })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).fields).toEqual([
      { field: 'need', code: 'validation.min', params: { '0': 1 } },
    ]);
  });
});

describe('IsKana', () => {
  const kanaProblems = (nameKana: unknown) => problemsOf(ResidentDto, { ...validResident, nameKana });

  it.each(['すずき はなこ', 'スズキ ハナコ', 'スズキ　ハナコ', 'さいとう ゆーすけ', 'ジョン・スミス'])(
    'accepts the kana reading %s',
    (reading) => {
      expect(kanaProblems(reading)).toEqual([]);
    },
  );

  it.each(['Suzuki', '鈴木', 'すずき花子', 'suzuki はなこ', ''])(
    'rejects %p as a kana reading',
    (reading) => {
      expect(kanaProblems(reading)).toEqual([{ field: 'nameKana', code: 'validation.isKana', params: {} }]);
    },
  );

  it('rejects a value that is not text', () => {
    expect(kanaProblems(42)).toEqual([{ field: 'nameKana', code: 'validation.isKana', params: {} }]);
  });

  it('rejects a reading made only of spaces, half- or full-width', () => {
    const blanks = [' ', '　', ' 　 '];
    expect(blanks.filter((reading) => kanaProblems(reading).length === 0)).toEqual([]);
  });
});

describe('IsDateOnly', () => {
  const dateProblems = (birthday: unknown) => problemsOf(ResidentDto, { ...validResident, birthday });

  it.each(['2026-04-01', '2028-02-29', '1999-12-31'])('accepts the calendar date %s', (date) => {
    expect(dateProblems(date)).toEqual([]);
  });

  it.each([
    ['2026-02-30', 'a day the month does not have'],
    ['2026-02-29', '29 February outside a leap year'],
    ['2026-13-01', 'a thirteenth month'],
    ['2026/04/01', 'slashes instead of dashes'],
    ['2026-4-1', 'unpadded month and day'],
    ['2026-04-01T00:00:00+09:00', 'a date-time'],
  ])('rejects %s (%s)', (date) => {
    expect(dateProblems(date)).toEqual([{ field: 'birthday', code: 'validation.isDateOnly', params: {} }]);
  });
});

describe('IsAfter', () => {
  const endAfterStart = (field: string, start: string) => ({
    field,
    code: 'validation.endAfterStart',
    params: { '0': start },
  });

  it('accepts a later HH:MM time of day', () => {
    expect(problemsOf(AvailabilityDto, { startTime: '09:00', endTime: '10:30' })).toEqual([]);
  });

  it('rejects an HH:MM time of day that is earlier or the same', () => {
    expect(problemsOf(AvailabilityDto, { startTime: '10:30', endTime: '09:00' })).toEqual([
      endAfterStart('endTime', 'startTime'),
    ]);
    expect(problemsOf(AvailabilityDto, { startTime: '09:00', endTime: '09:00' })).toEqual([
      endAfterStart('endTime', 'startTime'),
    ]);
  });

  it('accepts a later ISO date-time', () => {
    expect(
      problemsOf(SessionDto, { startsAt: '2027-05-10T10:00:00+09:00', endsAt: '2027-05-10T12:00:00+09:00' }),
    ).toEqual([]);
  });

  it('rejects an ISO date-time that is earlier or the same instant', () => {
    expect(
      problemsOf(SessionDto, { startsAt: '2027-05-10T12:00:00+09:00', endsAt: '2027-05-10T10:00:00+09:00' }),
    ).toEqual([endAfterStart('endsAt', 'startsAt')]);
    expect(
      problemsOf(SessionDto, { startsAt: '2027-05-10T12:00:00+09:00', endsAt: '2027-05-10T03:00:00Z' }),
    ).toEqual([endAfterStart('endsAt', 'startsAt')]);
  });

  it('compares ISO date-times as instants, not as text, across offsets', () => {
    // 01:00Z is 10:00 in Japan: after 09:00 JST, though it sorts before it as text.
    expect(
      problemsOf(SessionDto, { startsAt: '2027-05-10T09:00:00+09:00', endsAt: '2027-05-10T01:00:00Z' }),
    ).toEqual([]);
    // 10:00 JST is 01:00Z: before 09:00Z, though it sorts after it as text.
    expect(
      problemsOf(SessionDto, { startsAt: '2027-05-10T09:00:00Z', endsAt: '2027-05-10T10:00:00+09:00' }),
    ).toEqual([endAfterStart('endsAt', 'startsAt')]);
  });

  it('leaves a missing start to the rules of the start field', () => {
    expect(problemsOf(SessionDto, { endsAt: '2027-05-10T12:00:00+09:00' })).toEqual([]);
  });
});
