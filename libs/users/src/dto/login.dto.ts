import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserResponseDto } from './user-response.dto.js';
import { trim } from './create-user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@example.org' })
  @trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'admin-password' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Bearer token; the same value is set as the HttpOnly ta_session cookie' })
  accessToken: string;

  @ApiProperty()
  expiresAt: string;

  @ApiProperty({ type: UserResponseDto })
  user: UserResponseDto;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['admin', 'lead', 'consultant'] })
  role: string;

  @ApiProperty({
    example: 'America/New_York',
    description: "The center's time zone (CENTER_TIME_ZONE): the app shows and filters days in it, wherever the browser is",
  })
  centerTimeZone: string;
}
