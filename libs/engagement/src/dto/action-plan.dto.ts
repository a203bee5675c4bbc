import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_AREAS, type GoalArea } from '@ta/cases';
import { Trim } from '@ta/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../engagement-enums.js';

export class GoalInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing goal to keep; omit for a new goal' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: GOAL_AREAS })
  @IsIn(GOAL_AREAS)
  goalArea: GoalArea;
}

/** PUT replaces the plan's goals: listed ids are kept and updated, new ones added, missing ones removed with their items. */
export class PutActionPlanDto {
  @ApiProperty({ type: [GoalInputDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GoalInputDto)
  goals: GoalInputDto[];
}

export class CreateActionItemDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the goal; or give goalTitle and goalArea to add a goal with it' })
  @ValidateIf((dto: CreateActionItemDto) => dto.goalTitle === undefined)
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  goalTitle?: string;

  @ApiPropertyOptional({ enum: GOAL_AREAS })
  @ValidateIf((dto: CreateActionItemDto) => dto.goalTitle !== undefined)
  @IsIn(GOAL_AREAS)
  goalArea?: GoalArea;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a staff owner; give this or ownerContactId (default: you)' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a clinic contact as owner' })
  @IsOptional()
  @IsUUID()
  ownerContactId?: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'calendar date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueDate?: string;
}

export class UpdateActionItemDto {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-15', description: 'calendar date; null clears it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true })
  dueDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ownerContactId?: string;
}

export class ProgressDto {
  @ApiProperty() done: number;
  @ApiProperty() total: number;
  @ApiProperty() percent: number;
}

export class OwnerDto {
  @ApiProperty({ enum: ['contact', 'user'] }) type: 'contact' | 'user';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class ActionItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) goalId: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: OwnerDto }) owner: OwnerDto;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES }) status: ActionItemStatus;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

export class GoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: GOAL_AREAS }) goalArea: GoalArea;
  @ApiProperty({ type: [ActionItemDto] }) items: ActionItemDto[];
  @ApiProperty({ type: ProgressDto }) progress: ProgressDto;
}

export class ActionPlanDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ type: [GoalDto] }) goals: GoalDto[];
  @ApiProperty({ type: ProgressDto }) progress: ProgressDto;
}
