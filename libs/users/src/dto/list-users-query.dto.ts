import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Optional, PG_INT_MAX } from '@ta/common';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { USER_ROLES, type UserRole } from '../user-role.js';

export class ListUsersQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 50;

  @ApiPropertyOptional({ description: 'matches name or email' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @Optional()
  @IsIn(USER_ROLES)
  role?: UserRole;
}
