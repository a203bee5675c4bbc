import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_AREAS, type GoalArea } from '@ta/cases';
import { Clearable, IsCalendarDate, Optional, Trim } from '@ta/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../engagement-enums.js';

export class GoalInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing goal to keep; omit for a new goal' })
  @Optional()
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
  @ApiPropertyOptional({ format: 'uuid', description: 'the goal; or give goalTitle and goalArea (not both) to add a goal with it' })
  // Required without goalTitle, and checked whenever given: an unchecked value would be ignored silently.
  @ValidateIf((dto: CreateActionItemDto) => dto.goalTitle === undefined || dto.goalId !== undefined)
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  goalTitle?: string;

  @ApiPropertyOptional({ enum: GOAL_AREAS })
  @ValidateIf((dto: CreateActionItemDto) => dto.goalTitle !== undefined || dto.goalArea !== undefined)
  @IsIn(GOAL_AREAS)
  goalArea?: GoalArea;

  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a staff owner; give this or ownerContactId (default: you)' })
  @Optional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a clinic contact as owner' })
  @Optional()
  @IsUUID()
  ownerContactId?: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'calendar date' })
  @Optional()
  @IsCalendarDate()
  dueDate?: string;
}

export class UpdateActionItemDto {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @Optional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-15', description: 'calendar date; null clears it' })
  @Clearable()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
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
