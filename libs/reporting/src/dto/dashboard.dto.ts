import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CaseloadConsultantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['consultant', 'lead'] }) role: string;
}

export class OpenCasesDto {
  @ApiProperty() new: number;
  @ApiProperty() triaged: number;
  @ApiProperty() active: number;
  @ApiProperty() onHold: number;
  @ApiProperty({ description: 'new + triaged + active + on hold' }) total: number;
}

export class CaseloadRowDto {
  @ApiProperty({ type: CaseloadConsultantDto }) consultant: CaseloadConsultantDto;
  @ApiProperty({ type: OpenCasesDto, description: 'open cases assigned to them, by status' }) open: OpenCasesDto;
  @ApiProperty({ description: 'open cases at risk of stalling' }) atRisk: number;
  @ApiProperty({ description: 'open cases escalated to leads' }) escalated: number;
  @ApiProperty({ description: 'their scheduled follow-ups already past due' }) overdueFollowUps: number;
  @ApiProperty({ description: 'sessions they logged that started in the last 30 days' }) sessions30d: number;
  @ApiProperty({ description: 'minutes of those sessions' }) minutes30d: number;
  @ApiProperty({ description: 'the same in hours, two decimals' }) hours30d: number;
}

export class CaseloadDto {
  @ApiProperty({
    enum: ['all', 'own'],
    description: 'leads and admins see every active consultant and lead; a consultant sees only their own row',
  })
  scope: 'all' | 'own';
  @ApiProperty({ type: [CaseloadRowDto] }) items: CaseloadRowDto[];
  @ApiProperty() generatedAt: string;
}

export class BreakdownRowDto {
  @ApiProperty({ description: 'the code (region, goal area, topic…); `unspecified` for sessions without one' }) key: string;
  @ApiPropertyOptional({ description: 'topics only: the topic’s label' }) label?: string;
  @ApiProperty() sessions: number;
  @ApiProperty() minutes: number;
  @ApiProperty({ description: 'minutes / 60, two decimals' }) hours: number;
}

export class DurationStatsDto {
  @ApiProperty({ enum: ['business_days'], description: 'business days of the center (weekends and NY State holidays skipped)' })
  unit: 'business_days';
  @ApiProperty({ description: 'cases measured' }) cases: number;
  @ApiProperty({ nullable: true, type: Number, description: 'median (percentile_cont 0.5); null without cases' })
  median: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '90th percentile (percentile_cont 0.9); null without cases' })
  p90: number | null;
}

export class FirstResponseStatsDto extends DurationStatsDto {
  @ApiProperty({ description: 'cases opened in the period still without a first response' }) pending: number;
}

export class IntakeWeekDto {
  @ApiProperty({
    description: 'Monday of the week (YYYY-MM-DD, the center’s time zone); the first and last week are clipped to the period',
  })
  weekStart: string;
  @ApiProperty({ description: 'web-form requests opened that week' }) requests: number;
  @ApiProperty({ description: 'cases opened that week, any source' }) opened: number;
}

export class SummaryRangeDto {
  @ApiProperty() from: string;
  @ApiProperty({ description: 'exclusive' }) to: string;
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
}

export class SummaryDto {
  @ApiProperty({ type: SummaryRangeDto }) range: SummaryRangeDto;
  @ApiProperty({ description: 'cases opened from the public request form' }) newRequests: number;
  @ApiProperty({ description: 'cases opened, any source' }) casesOpened: number;
  @ApiProperty({ description: 'cases whose resolvedAt is in the period' }) casesResolved: number;
  @ApiProperty({ type: FirstResponseStatsDto, description: 'cases opened in the period: opening → first response' })
  firstResponse: FirstResponseStatsDto;
  @ApiProperty({ type: DurationStatsDto, description: 'cases resolved in the period: opening → resolution' })
  resolution: DurationStatsDto;
  @ApiProperty({ description: 'sessions that started in the period' }) sessions: number;
  @ApiProperty() minutes: number;
  @ApiProperty({ description: 'TA hours, two decimals' }) hours: number;
  @ApiProperty({ description: 'distinct organizations with a session in the period' }) organizationsServed: number;
  @ApiProperty({ type: [BreakdownRowDto], description: 'a session counts once in each goal area its topics touch' })
  byGoalArea: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto] }) byTopic: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'OMH region of the organization' }) byRegion: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'service lines of the case (nycps, ypa, fpa)' }) byServiceLine: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto], description: 'populations the organization serves' }) byPopulation: BreakdownRowDto[];
  @ApiProperty({ type: [BreakdownRowDto] }) byModality: BreakdownRowDto[];
  @ApiProperty({ type: [IntakeWeekDto] }) intakeByWeek: IntakeWeekDto[];
}
