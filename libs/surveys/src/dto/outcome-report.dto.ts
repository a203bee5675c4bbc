import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsCalendarDate, Optional } from '@ta/common';
import { IsBoolean, IsIn } from 'class-validator';

export const OUTCOME_FORMATS = ['json', 'csv'] as const;

export class OutcomeReportQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'first day, inclusive (YYYY-MM-DD, in the center’s time zone)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-04-01', description: 'the day after the last, exclusive (YYYY-MM-DD); at most 3 years after from' })
  @IsCalendarDate()
  to: string;

  @ApiPropertyOptional({ enum: OUTCOME_FORMATS, default: 'json', description: 'csv: an attachment, one figure a row, labels not codes' })
  @Optional()
  @IsIn(OUTCOME_FORMATS)
  format: (typeof OUTCOME_FORMATS)[number] = 'json';

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'CSV only: start with a UTF-8 byte order mark (for Excel)' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  bom = false;
}

export class CountDto {
  @ApiProperty({ type: String, nullable: true, description: 'the code; null: not set' }) key: string | null;
  @ApiProperty() label: string;
  @ApiProperty() cases: number;
}

export class SatisfactionGroupDto {
  @ApiProperty({ type: String, nullable: true, description: 'the code or name grouped by; null: none (no plan goals, unassigned…)' })
  key: string | null;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'closure surveys sent in the period' }) sent: number;
  @ApiProperty({ description: 'of those, answered (so far)' }) answered: number;
  @ApiProperty({ type: Number, nullable: true, description: 'answered ÷ sent, as a percentage (1 place)' }) responseRate: number | null;
  @ApiProperty({ description: 'overall satisfaction ratings given' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'mean overall satisfaction (1–5, 2 places)' }) mean: number | null;
  @ApiProperty({ type: [Number], description: 'how many rated 1, 2, 3, 4 and 5' }) distribution: number[];
}

export class SatisfactionDto {
  @ApiProperty({ type: SatisfactionGroupDto }) overall: SatisfactionGroupDto;
  @ApiProperty({ type: [SatisfactionGroupDto] }) byConsultant: SatisfactionGroupDto[];
  @ApiProperty({ type: [SatisfactionGroupDto] }) byGoalArea: SatisfactionGroupDto[];
  @ApiProperty({ type: [SatisfactionGroupDto] }) byRegion: SatisfactionGroupDto[];
  @ApiProperty({ type: [SatisfactionGroupDto] }) byServiceLine: SatisfactionGroupDto[];
}

export class ChoiceCountDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class OutcomeQuestionDto {
  @ApiProperty() code: string;
  @ApiProperty() prompt: string;
  @ApiProperty() type: string;
  @ApiProperty({ description: 'answers given' }) n: number;
  @ApiProperty({ type: Number, nullable: true, description: 'number questions: the sum (e.g. peer staff hired in all)' }) total:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: [ChoiceCountDto], description: 'choice and yes/no questions, every option (0 included)' }) choices: ChoiceCountDto[];
}

export class OutcomeTextDto {
  @ApiProperty() questionCode: string;
  @ApiProperty() prompt: string;
  @ApiProperty() text: string;
  @ApiProperty() caseReference: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
}

export class OutcomeChecksDto {
  @ApiProperty({ description: 'outcome checks sent in the period' }) sent: number;
  @ApiProperty({ description: 'of those, answered' }) answered: number;
  @ApiProperty({ type: Number, nullable: true }) responseRate: number | null;
  @ApiProperty({ type: [OutcomeQuestionDto], description: 'of the checks answered in the period' }) questions: OutcomeQuestionDto[];
  @ApiProperty({ type: [OutcomeTextDto] }) texts: OutcomeTextDto[];
}

export class DoseSectionChangeDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
}

export class DoseChangeRowDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() instrumentCode: string;
  @ApiProperty({ format: 'date-time', description: 'the baseline round started' }) baselineAt: string;
  @ApiProperty({ format: 'date-time', description: 'the later round started' }) followUpAt: string;
  @ApiProperty({ description: 'TA sessions held between the two rounds' }) sessions: number;
  @ApiProperty({ description: 'their hours (1 place)' }) hours: number;
  @ApiProperty({ type: Number, nullable: true, description: 'mean section change (later − baseline)' }) meanChange: number | null;
  @ApiProperty({ type: [DoseSectionChangeDto] }) sections: DoseSectionChangeDto[];
}

export class DoseVsChangeDto {
  @ApiProperty({ description: 'organizations whose later closed round closed in the period' }) n: number;
  @ApiProperty() note: string;
  @ApiProperty({ type: [DoseChangeRowDto] }) rows: DoseChangeRowDto[];
}

export class OutcomeReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [CountDto], description: 'cases resolved in the period, by intensity tier (every tier, 0 included)' })
  resolvedByTier: CountDto[];
  @ApiProperty({ type: [CountDto], description: 'cases resolved or closed in the period, by reason' }) byCloseReason: CountDto[];
  @ApiProperty({ type: SatisfactionDto }) satisfaction: SatisfactionDto;
  @ApiProperty({ type: OutcomeChecksDto }) outcomeChecks: OutcomeChecksDto;
  @ApiProperty({ type: DoseVsChangeDto }) doseVsChange: DoseVsChangeDto;
}
