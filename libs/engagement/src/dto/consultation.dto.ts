import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Clearable, IsInstant, Optional, Trim } from '@ta/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MODALITIES, type Modality } from '../engagement-enums.js';
import type { Consultation } from '../consultation.entity.js';
import { CreateActionItemDto } from './action-plan.dto.js';
import { CreateFollowUpDto } from './follow-up.dto.js';

export class CreateConsultationDto {
  @ApiProperty({ description: 'ISO 8601 instant' })
  @IsInstant()
  startedAt: Date;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes: number;

  @ApiProperty({ enum: MODALITIES })
  @IsIn(MODALITIES)
  modality: Modality;

  @ApiProperty({ type: [String], description: 'contacts of the case’s organization' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  attendeeContactIds: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, nullable: true, description: 'null: not counted' })
  @Clearable()
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount?: number;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  topics: string[];

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary: string;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  nextSteps?: string;

  @ApiPropertyOptional({ type: [CreateFollowUpDto], description: 'next steps turned into follow-ups, saved with the session' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CreateFollowUpDto)
  followUps?: CreateFollowUpDto[];

  @ApiPropertyOptional({ type: [CreateActionItemDto], description: 'next steps turned into action items, saved with the session' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CreateActionItemDto)
  actionItems?: CreateActionItemDto[];
}

export class UpdateConsultationDto {
  @ApiPropertyOptional()
  @Optional()
  @IsInstant()
  startedAt?: Date;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: MODALITIES })
  @Optional()
  @IsIn(MODALITIES)
  modality?: Modality;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID(undefined, { each: true })
  attendeeContactIds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10000, nullable: true, description: 'null clears it' })
  @Clearable()
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount?: number;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  topics?: string[];

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary?: string;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  nextSteps?: string;
}

export class ConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ format: 'uuid' }) consultantId: string;
  @ApiProperty() startedAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: MODALITIES }) modality: Modality;
  @ApiProperty({ type: [String] }) attendeeContactIds: string[];
  @ApiProperty({ nullable: true, type: Number }) headcount: number | null;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() summary: string;
  @ApiProperty() nextSteps: string;
  @ApiProperty() createdAt: string;
}

export function toConsultationDto(c: Consultation): ConsultationDto {
  return {
    id: c.id,
    caseId: c.caseId,
    consultantId: c.consultantId,
    startedAt: c.startedAt.toISOString(),
    durationMinutes: c.durationMinutes,
    modality: c.modality,
    attendeeContactIds: c.attendeeContactIds,
    headcount: c.headcount,
    topics: c.topics,
    summary: c.summary,
    nextSteps: c.nextSteps,
    createdAt: c.createdAt.toISOString(),
  };
}
