import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate } from '@ta/common';
import { IsString, Matches } from 'class-validator';

export class ReadinessReportQueryDto {
  @ApiProperty({ example: 'peer-readiness-demo', description: 'the instrument (its code: every version counts, sections matched by code)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]{0,59}$/, { message: 'instrument must be an instrument code' })
  instrument: string;

  @ApiProperty({ example: '2026-01-01', description: 'first day, inclusive (YYYY-MM-DD, the center’s time zone)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-04-01', description: 'the day after the last, exclusive (YYYY-MM-DD); at most 3 years after from' })
  @IsCalendarDate()
  to: string;
}

export class SectionMeanChangeDto {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: Number, nullable: true, description: 'mean over organizations of (latest − baseline) section score' })
  meanChange: number | null;
  @ApiProperty({ description: 'organizations with both scores' }) n: number;
}

export class ReadinessGroupDto {
  @ApiProperty({ description: 'an OMH region or a service line code' }) key: string;
  @ApiProperty() organizations: number;
  @ApiProperty({ type: [SectionMeanChangeDto] }) sections: SectionMeanChangeDto[];
}

export class ReadinessRoundsDto {
  @ApiProperty() total: number;
  @ApiProperty() baseline: number;
  @ApiProperty() followUp: number;
}

export class ReadinessReportDto {
  @ApiProperty() instrument: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: ReadinessRoundsDto, description: 'rounds with answers started in the period' }) rounds: ReadinessRoundsDto;
  @ApiProperty({ description: 'organizations whose follow-up round (after a baseline) closed in the period' })
  organizationsAssessedTwice: number;
  @ApiProperty({ type: [SectionMeanChangeDto] }) sections: SectionMeanChangeDto[];
  @ApiProperty({ type: [ReadinessGroupDto] }) byRegion: ReadinessGroupDto[];
  @ApiProperty({ type: [ReadinessGroupDto], description: 'by the peer roles (service lines) the organization employs or plans' })
  byServiceLine: ReadinessGroupDto[];
}
