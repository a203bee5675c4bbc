import { ApiPropertyOptional } from '@nestjs/swagger';
import { Optional } from '@ta/common';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { USER_ROLES, type UserRole } from '../user-role.js';
import { trim } from './create-user.dto.js';

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @Optional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ description: 'false deactivates the user and ends their sessions' })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 10, maxLength: 200 })
  @Optional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}
