import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

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

  total: number;
  page: number;
  perPage: number;

  static of<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
    return Object.assign(new Page<T>(), { items, total, page: query.page, perPage: query.perPage });
  }
}
