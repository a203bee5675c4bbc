import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional, PG_INT_MAX } from './validation.js';

/** `?page&pageSize` of every list (docs/ARCHITECTURE.md §Contracts): pageSize at most 100. */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  page = 1;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 25;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function toPage<T, R>(rows: { items: T[]; total: number }, query: PageQueryDto, map: (item: T) => R): Page<R> {
  return { items: rows.items.map(map), total: rows.total, page: query.page, pageSize: query.pageSize };
}

/** Escapes LIKE wildcards in user text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
