import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Clearable, CommaList, IsInstant, Optional, PageQueryDto, PG_INT_MAX, Trim } from '@ta/common';
import { OMH_REGIONS, type OmhRegion } from '@ta/organizations';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  CASE_PRIORITIES,
  CASE_SOURCES,
  CASE_STATUSES,
  GOAL_AREAS,
  INTENSITIES,
  OPEN_WORK_CHOICES,
  REASON_CODES,
  SERVICE_LINES,
  STALL_LEVELS,
  type CasePriority,
  type CaseSource,
  type CaseStatus,
  type GoalArea,
  type Intensity,
  type OpenWorkChoice,
  type ReasonCode,
  type ServiceLine,
  type StallLevel,
} from '../case-enums.js';

export class CreateCaseDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organizationId: string;

  @ApiProperty({ example: 'Job descriptions for two new NYCPS positions' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description: string;

  @ApiProperty({ description: 'topic codes (GET /topics)', example: ['job_descriptions'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  topics: string[];

  @ApiProperty({ enum: SERVICE_LINES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SERVICE_LINES, { each: true })
  serviceLines: ServiceLine[];

  @ApiProperty({ enum: CASE_PRIORITIES })
  @IsIn(CASE_PRIORITIES)
  priority: CasePriority;

  @ApiProperty({ enum: CASE_SOURCES })
  @IsIn(CASE_SOURCES)
  source: CaseSource;

  @ApiPropertyOptional({ enum: INTENSITIES, nullable: true })
  @Clearable()
  @IsIn(INTENSITIES)
  intensity?: Intensity;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'a contact of the organization' })
  @Clearable()
  @IsUUID()
  primaryContactId?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'leads and admins only; a consultant’s new case is theirs' })
  @Clearable()
  @IsUUID()
  assigneeId?: string;
}

export class UpdateCaseDto {
  @ApiProperty({ description: 'the version you read; a stale one is refused with 409' })
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version: number;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  topics?: string[];

  @ApiPropertyOptional({ enum: SERVICE_LINES, isArray: true })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SERVICE_LINES, { each: true })
  serviceLines?: ServiceLine[];

  @ApiPropertyOptional({ enum: CASE_PRIORITIES })
  @Optional()
  @IsIn(CASE_PRIORITIES)
  priority?: CasePriority;

  @ApiPropertyOptional({ enum: INTENSITIES, nullable: true })
  @Clearable()
  @IsIn(INTENSITIES)
  intensity?: Intensity | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @Clearable()
  @IsUUID()
  primaryContactId?: string | null;
}

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  to: CaseStatus;

  @ApiPropertyOptional({ enum: REASON_CODES, description: 'required when resolving (the outcome), closing or putting on hold' })
  @Optional()
  @IsIn(REASON_CODES)
  reason?: ReasonCode;

  @ApiPropertyOptional({
    enum: OPEN_WORK_CHOICES,
    description:
      'when resolving a case with open follow-ups or action items: cancel them, or keep them (and their reminders); closing always cancels them',
  })
  @Optional()
  @IsIn(OPEN_WORK_CHOICES)
  openWork?: OpenWorkChoice;

  @ApiPropertyOptional({ description: 'when given, a stale version is refused with 409' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(PG_INT_MAX)
  version?: number;
}

export class AssignDto {
  @ApiProperty({ format: 'uuid', description: 'an active consultant or lead' })
  @IsUUID()
  consultantId: string;

  @ApiPropertyOptional({
    description:
      "the previous assignee's open follow-ups and action items move to the new one (and so do their reminders) unless false; default true",
  })
  @Optional()
  @IsBoolean()
  moveOpenWork?: boolean;
}

export const CASE_SORTS = ['openedAt', '-openedAt', 'lastActivityAt', '-lastActivityAt', 'priority', '-priority'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CASE_STATUSES, isArray: true, description: 'comma-separated or repeated' })
  @Optional()
  @CommaList()
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ enum: CASE_PRIORITIES, isArray: true })
  @Optional()
  @CommaList()
  @IsIn(CASE_PRIORITIES, { each: true })
  priority?: CasePriority[];

  @ApiPropertyOptional({ description: 'a user id, `me`, or `none` for unassigned' })
  @Optional()
  @ValidateIf((_, value) => value !== 'me' && value !== 'none')
  @IsUUID(undefined, { message: 'assigneeId must be a UUID, me or none' })
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ description: 'topic code' })
  @Optional()
  @IsString()
  @MaxLength(40)
  topic?: string;

  @ApiPropertyOptional({ enum: GOAL_AREAS })
  @Optional()
  @IsIn(GOAL_AREAS)
  goalArea?: GoalArea;

  @ApiPropertyOptional({ enum: OMH_REGIONS, description: "the organization's OMH region" })
  @Optional()
  @IsIn(OMH_REGIONS)
  region?: OmhRegion;

  @ApiPropertyOptional({ enum: STALL_LEVELS, isArray: true })
  @Optional()
  @CommaList()
  @IsIn(STALL_LEVELS, { each: true })
  stallLevel?: StallLevel[];

  @ApiPropertyOptional({ description: 'full text over reference, title, description and organization name' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'opened at or after (ISO 8601)' })
  @Optional()
  @IsInstant()
  openedFrom?: Date;

  @ApiPropertyOptional({ description: 'opened before (ISO 8601, exclusive)' })
  @Optional()
  @IsInstant()
  openedTo?: Date;

  @ApiPropertyOptional({ description: 'with a session held at or after (ISO 8601)' })
  @Optional()
  @IsInstant()
  sessionFrom?: Date;

  @ApiPropertyOptional({ description: 'with a session held before (ISO 8601, exclusive)' })
  @Optional()
  @IsInstant()
  sessionTo?: Date;

  @ApiPropertyOptional({ enum: CASE_SORTS, default: '-lastActivityAt' })
  @Optional()
  @IsIn(CASE_SORTS)
  sort: CaseSort = '-lastActivityAt';
}

/** The list's filters and sort without paging: what an export of every matching case takes. */
export type CaseFilterQuery = Omit<ListCasesQueryDto, 'page' | 'pageSize'>;

export class OrganizationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
  @ApiProperty() county: string;
}

export class UserRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'TA-2026-00042' }) reference: string;
  @ApiProperty({ type: OrganizationRefDto }) organization: OrganizationRefDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) primaryContactId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CASE_SOURCES }) source: CaseSource;
  @ApiProperty({ enum: CASE_PRIORITIES }) priority: CasePriority;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ enum: GOAL_AREAS, isArray: true }) goalAreas: GoalArea[];
  @ApiProperty({ enum: SERVICE_LINES, isArray: true }) serviceLines: ServiceLine[];
  @ApiProperty({ enum: INTENSITIES, nullable: true }) intensity: Intensity | null;
  @ApiProperty({ type: UserRefDto, nullable: true }) assignee: UserRefDto | null;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: REASON_CODES, nullable: true }) statusReason: ReasonCode | null;
  @ApiProperty({ enum: CASE_STATUSES, isArray: true, description: 'legal next statuses' }) allowedMoves: CaseStatus[];
  @ApiProperty({ enum: STALL_LEVELS }) stallLevel: StallLevel;
  @ApiProperty() openedAt: string;
  @ApiProperty({ nullable: true, type: String }) firstResponseDueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) firstResponseAt: string | null;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'a reply from the clinic waits unread in the conversation' }) newReply: boolean;
}

export class CaseListDto {
  @ApiProperty({ type: [CaseDto] }) items: CaseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class TopicDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: GOAL_AREAS }) goalArea: GoalArea;
}
