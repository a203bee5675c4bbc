import { ApiPropertyOptional } from '@nestjs/swagger';
import { ReadinessReportQueryDto } from '@ta/assessments';
import { Optional } from '@ta/common';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** The readiness report's query (instrument code, the center's days) and, as the other CSV exports, an optional BOM. */
export class ReadinessExportQueryDto extends ReadinessReportQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'start with a UTF-8 byte order mark (for Excel)' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  bom = false;
}
