import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, Optional, Trim } from '@ta/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  INVITATION_STATUSES,
  QUESTION_TYPES,
  SURVEY_KINDS,
  type InvitationStatus,
  type QuestionType,
  type SurveyKind,
} from '../survey-enums.js';
import { NUMBER_LIMIT } from '../survey-file.js';

// ---- the survey, as the file gives it (documentation of POST /surveys, and the pages' types) ----

export class SurveyOptionDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}

export class SurveyQuestionDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() prompt: string;
  @ApiProperty({ description: 'default true' }) required: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'rating: a label for each of 1..5' })
  labels?: Record<string, string>;
  @ApiPropertyOptional({ type: [SurveyOptionDto], description: 'single and multi choice' }) options?: SurveyOptionDto[];
  @ApiPropertyOptional({ description: 'number: lowest accepted (default 0)' }) min?: number;
  @ApiPropertyOptional({ description: 'number: highest accepted' }) max?: number;
}

/** The survey file. POST /surveys checks it by hand (errors name the JSON path), not with decorators. */
export class SurveyFileDto {
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty({ minimum: 1 }) version: number;
  @ApiProperty() title: string;
  @ApiPropertyOptional() intro?: string;
  @ApiPropertyOptional({ description: 'case_closure: the code of the rating question reported as overall satisfaction' })
  satisfactionQuestion?: string;
  @ApiProperty({ type: [SurveyQuestionDto] }) questions: SurveyQuestionDto[];
}

export class SurveySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() questions: number;
  @ApiProperty({ description: 'sent: this version can no longer change' }) sent: boolean;
  @ApiProperty({ description: 'the version the sweep sends now (the highest of its kind)' }) current: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SurveyDto extends SurveySummaryDto {
  @ApiProperty({ type: SurveyFileDto }) definition: SurveyFileDto;
}

export class LoadSurveyResultDto {
  @ApiProperty({ type: SurveySummaryDto }) survey: SurveySummaryDto;
  @ApiProperty({ enum: ['created', 'replaced', 'unchanged'] }) outcome: 'created' | 'replaced' | 'unchanged';
}

// ---- answering ----

export class SurveyAnswerInputDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_]{0,59}$/, { message: 'questionCode must be a question code of the survey' })
  questionCode: string;

  @ApiPropertyOptional({ description: 'rating (1–5) and number questions' })
  @Optional()
  @IsInt()
  @Min(-NUMBER_LIMIT)
  @Max(NUMBER_LIMIT)
  number?: number;

  @ApiPropertyOptional({ type: [String], description: 'single, multi and yes/no (`yes` or `no`) questions: option codes' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  choices?: string[];

  @ApiPropertyOptional({ maxLength: 4000, description: 'text questions' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

export class SurveyAnswersDto {
  @ApiProperty({ type: [SurveyAnswerInputDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerInputDto)
  answers: SurveyAnswerInputDto[];
}

export class PublicSurveyDto {
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() organizationName: string;
  @ApiProperty({ description: 'the first name of the person invited' }) recipientName: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: SurveyFileDto, description: 'the survey as it was sent (the version of the invitation)' }) survey: SurveyFileDto;
}

export class OptOutDto {
  @ApiProperty({ description: 'the address, partly hidden: j•••@clinic.org' }) email: string;
  @ApiProperty() optedOut: boolean;
}

// ---- staff reads ----

export class AnswerDto {
  @ApiProperty() questionCode: string;
  @ApiProperty() prompt: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty({ type: Number, nullable: true }) number: number | null;
  @ApiProperty({ type: [String], nullable: true, description: 'option codes' }) choices: string[] | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ description: 'the answer in words: the rating’s label, the options’ labels, the number or the text' }) display: string;
}

export class CaseSurveyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SURVEY_KINDS }) kind: SurveyKind;
  @ApiProperty() title: string;
  @ApiProperty() surveyVersion: number;
  @ApiProperty() recipientName: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the overall satisfaction rating (closure survey)' }) satisfaction:
    number | null;
  @ApiProperty({ type: [AnswerDto] }) answers: AnswerDto[];
}

export class CaseSurveysDto {
  @ApiProperty({ type: [CaseSurveyDto] }) surveys: CaseSurveyDto[];
  @ApiProperty({ description: 'the case’s survey recipient opted out of surveys' }) optedOut: boolean;
}

export class SurveyResponsesQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'first day answered, inclusive (YYYY-MM-DD, in the center’s time zone)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-04-01', description: 'the day after the last, exclusive; at most 3 years after from' })
  @IsCalendarDate()
  to: string;
}

export class SurveyResponseDto extends CaseSurveyDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseReference: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, nullable: true }) consultantName: string | null;
}
