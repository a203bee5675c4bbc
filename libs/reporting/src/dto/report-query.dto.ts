import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Optional } from '@ta/common';
import { IsBoolean, IsIn, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { dayNumber } from '../date-range.js';

@ValidatorConstraint({ name: 'calendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && dayNumber(value) !== undefined;
  }
  defaultMessage(): string {
    return 'must be a date (YYYY-MM-DD)';
  }
}

/** A period of calendar days in the center’s time zone (CENTER_TIME_ZONE): `from` inclusive, `to` exclusive; at most three years. */
export class DateRangeQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'first day, inclusive (YYYY-MM-DD, a calendar date in the center’s time zone)' })
  @Validate(CalendarDate)
  from: string;

  @ApiProperty({ example: '2026-04-01', description: 'the day after the last, exclusive (YYYY-MM-DD); at most 3 years after from' })
  @Validate(CalendarDate)
  to: string;
}

export const REPORT_FORMATS = ['csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'csv' })
  @Optional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'csv';

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'CSV only: start with a UTF-8 byte order mark (for Excel)' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  bom = false;
}
