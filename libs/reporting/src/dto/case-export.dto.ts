import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Optional } from '@ta/common';
import { ListCasesQueryDto } from '@ta/cases';
import { IsBoolean } from 'class-validator';

/** The case list's filters and sort (GET /cases), without paging: the export holds every matching case. */
export class CaseExportQueryDto extends OmitType(ListCasesQueryDto, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'start with a UTF-8 byte order mark (for Excel)' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  bom = false;
}
