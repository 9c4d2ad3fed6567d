import { applyDecorators, type Type as Class } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ type: Number, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ type: Number, default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  perPage = 20;

  get skip(): number {
    return (this.page - 1) * this.perPage;
  }
}

export class Page<T> {
  @ApiProperty({ isArray: true })
  items: T[];

  @ApiProperty()
  total: number;
  @ApiProperty()
  page: number;
  @ApiProperty()
  perPage: number;

  static of<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
    return Object.assign(new Page<T>(), { items, total, page: query.page, perPage: query.perPage });
  }
}

/** Documents a `Page<model>` answer, so the generated client knows what the items are. */
export function ApiPageOf(model: Class) {
  return applyDecorators(
    ApiExtraModels(Page, model),
    ApiOkResponse({
      schema: {
        allOf: [
          { $ref: getSchemaPath(Page) },
          { properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } } } },
        ],
      },
    }),
  );
}
