import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_AREAS, type GoalArea } from '@ta/cases';
import { IsCalendarDate, Optional, Trim } from '@ta/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  ASSESSMENT_PURPOSES,
  ASSESSMENT_STATUSES,
  RESPONDENT_SOURCES,
  RESPONDENT_STATUSES,
  type AssessmentPurpose,
  type AssessmentStatus,
  type RespondentSource,
  type RespondentStatus,
} from '../assessment-enums.js';

// ---- the instrument, as the file gives it (documentation of POST /instruments, and the pages' types) ----

export class ScaleDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'a label for every score min..max' })
  labels: Record<string, string>;
}

export class LevelDto {
  @ApiProperty() score: number;
  @ApiProperty() label: string;
  @ApiPropertyOptional() example?: string;
}

export class InstrumentItemDto {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ type: [LevelDto] }) levels: LevelDto[];
}

export class FeedbackBandDto {
  @ApiProperty() minScore: number;
  @ApiProperty() text: string;
}

export class InstrumentSectionDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: GOAL_AREAS }) goalArea: GoalArea;
  @ApiProperty({ type: [FeedbackBandDto] }) feedback: FeedbackBandDto[];
  @ApiProperty({ type: [InstrumentItemDto] }) items: InstrumentItemDto[];
}

/** The instrument file (docs/ARCHITECTURE.md §Domain). POST /instruments checks it by hand (errors name the JSON path), not with decorators. */
export class InstrumentFileDto {
  @ApiProperty({ example: 'peer-readiness-demo' }) code: string;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty() title: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: ScaleDto }) scale: ScaleDto;
  @ApiProperty({ type: [InstrumentSectionDto] }) sections: InstrumentSectionDto[];
}

export class InstrumentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;
  @ApiProperty() sections: number;
  @ApiProperty() items: number;
  @ApiProperty({ description: 'answered under: this version can no longer change' }) answered: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InstrumentDto extends InstrumentSummaryDto {
  @ApiProperty({ type: InstrumentFileDto }) definition: InstrumentFileDto;
}

export class LoadInstrumentResultDto {
  @ApiProperty({ type: InstrumentSummaryDto }) instrument: InstrumentSummaryDto;
  @ApiProperty({ enum: ['created', 'replaced', 'unchanged'] }) outcome: 'created' | 'replaced' | 'unchanged';
}

// ---- rounds ----

export class CreateAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  instrumentId: string;

  @ApiProperty({ enum: ASSESSMENT_PURPOSES })
  @IsIn(ASSESSMENT_PURPOSES)
  purpose: AssessmentPurpose;

  @ApiPropertyOptional({ format: 'uuid', description: 'the case this round belongs to (of the same organization)' })
  @Optional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'date', description: "last day (the center's time zone) invitation links work; default 30 days on" })
  @Optional()
  @IsCalendarDate()
  closesOn?: string;
}

export class InvitationsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactIds: string[];
}

export class AnswerInputDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,59}$/, { message: 'itemCode must be an item code of the instrument' })
  itemCode: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class ResponsesDto {
  @ApiPropertyOptional({ description: 'who answered, when not a contact' })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  respondentName?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  contactId?: string;

  @ApiProperty({ type: [AnswerInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers: AnswerInputDto[];
}

export class DraftDto {
  @ApiProperty({ type: [AnswerInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers: AnswerInputDto[];
}

export class ItemScoreDto {
  @ApiProperty() code: string;
  @ApiProperty() statement: string;
  @ApiProperty({ description: 'submitted respondents who rated it' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'mean over respondents' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'highest − lowest answer' }) spread: number | null;
  @ApiProperty({ description: 'the answers span the whole scale' }) disagreement: boolean;
}

export class SectionScoreDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: GOAL_AREAS }) goalArea: GoalArea;
  @ApiProperty({ type: Number, nullable: true, description: 'mean of its item scores' }) score: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the score as % of the scale’s range' }) percent: number | null;
  @ApiProperty({ type: [ItemScoreDto] }) items: ItemScoreDto[];
}

export class RespondentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RESPONDENT_SOURCES }) source: RespondentSource;
  @ApiProperty({ enum: RESPONDENT_STATUSES }) status: RespondentStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'item code → score, once submitted' })
  answers: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) comments: Record<string, string>;
}

export class SectionChangeDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) baseline: number | null;
  @ApiProperty({ type: Number, nullable: true }) latest: number | null;
  @ApiProperty({ type: Number, nullable: true }) delta: number | null;
}

export class ItemChangeDto extends SectionChangeDto {
  @ApiProperty() sectionCode: string;
}

export class ChangeDto {
  @ApiProperty({ format: 'uuid' }) baselineId: string;
  @ApiProperty({ format: 'uuid' }) latestId: string;
  @ApiProperty({ format: 'date-time' }) baselineAt: string;
  @ApiProperty({ format: 'date-time' }) latestAt: string;
  @ApiProperty({ type: [SectionChangeDto] }) sections: SectionChangeDto[];
  @ApiProperty({ type: [ItemChangeDto], description: 'the items that moved most (up to 5)' }) itemsMovedMost: ItemChangeDto[];
}

export class InstrumentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() scaleMin: number;
  @ApiProperty() scaleMax: number;
}

export class AssessmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: InstrumentRefDto }) instrument: InstrumentRefDto;
  @ApiProperty({ enum: ASSESSMENT_PURPOSES }) purpose: AssessmentPurpose;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseReference: string | null;
  @ApiProperty({ enum: ASSESSMENT_STATUSES }) status: AssessmentStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty() createdByName: string;
  @ApiProperty() respondentCount: number;
  @ApiProperty() submittedCount: number;
}

export class AssessmentDto extends AssessmentSummaryDto {
  @ApiProperty({ type: [SectionScoreDto] }) sections: SectionScoreDto[];
  @ApiProperty({ type: [RespondentDto] }) respondents: RespondentDto[];
  @ApiProperty({ type: ChangeDto, nullable: true, description: 'this round vs the organization’s baseline' }) change: ChangeDto | null;
}

export class OrganizationAssessmentsDto {
  @ApiProperty({ type: [AssessmentSummaryDto], description: 'newest first' }) rounds: AssessmentSummaryDto[];
  @ApiProperty({ type: AssessmentDto, nullable: true, description: 'the latest round with answers, with its scores' })
  latest: AssessmentDto | null;
  @ApiProperty({ type: ChangeDto, nullable: true, description: 'latest closed round vs the baseline' }) change: ChangeDto | null;
}

export class InvitedDto {
  @ApiProperty({ format: 'uuid' }) contactId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) respondentId: string | null;
  @ApiProperty({ enum: ['invited', 'already_invited', 'no_email'] }) outcome: 'invited' | 'already_invited' | 'no_email';
}

export class InvitationsResultDto {
  @ApiProperty({ type: [InvitedDto] }) invitations: InvitedDto[];
}

// ---- the respondent's page ----

export class PublicAnswerDto {
  @ApiProperty() itemCode: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class PublicSectionResultDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() score: number;
  @ApiProperty() percent: number;
  @ApiProperty({ type: String, nullable: true }) feedback: string | null;
}

export class PublicAssessmentDto {
  @ApiProperty() organizationName: string;
  @ApiProperty() respondentName: string;
  @ApiProperty({ enum: RESPONDENT_STATUSES }) status: RespondentStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ description: 'submitted, and a copy of their results was emailed to the address they were invited at' })
  resultsEmailed: boolean;
  @ApiProperty({ type: InstrumentFileDto }) instrument: InstrumentFileDto;
  @ApiProperty({ type: [PublicAnswerDto] }) answers: PublicAnswerDto[];
  @ApiProperty({ type: [PublicSectionResultDto], nullable: true, description: 'their own section scores, once submitted' })
  results: PublicSectionResultDto[] | null;
}

// ---- into the plan ----

export class GoalsFromAssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assessmentId: string;

  @ApiProperty({
    type: [String],
    example: ['culture'],
    description: 'sections whose goal area and lowest item become a goal and its first action item',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,59}$/, { each: true, message: 'sectionCodes must be section codes of the instrument' })
  sectionCodes: string[];
}
