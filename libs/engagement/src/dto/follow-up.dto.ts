import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant, Optional, Trim } from '@ta/common';
import { IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, type FollowUpKind, type FollowUpStatus } from '../engagement-enums.js';

/** A follow-up is scheduled, or logged as already done. */
const NEW_FOLLOW_UP_STATUSES = ['scheduled', 'done'] as const;
type NewFollowUpStatus = (typeof NEW_FOLLOW_UP_STATUSES)[number];
import type { FollowUp } from '../follow-up.entity.js';

export class CreateFollowUpDto {
  @ApiProperty({ description: 'ISO 8601 instant' })
  @IsInstant()
  dueAt: Date;

  @ApiPropertyOptional({ format: 'uuid', description: 'staff user; defaults to you' })
  @Optional()
  @IsUUID()
  assigneeId?: string;

  @ApiProperty({ enum: FOLLOW_UP_KINDS })
  @IsIn(FOLLOW_UP_KINDS)
  kind: FollowUpKind;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    enum: NEW_FOLLOW_UP_STATUSES,
    description:
      'scheduled (the default), or `done` to log a touchpoint that already happened (its due time may be in the past); a scheduled one may not be due more than a day ago',
  })
  @Optional()
  @IsIn(NEW_FOLLOW_UP_STATUSES)
  status?: NewFollowUpStatus;
}

export class UpdateFollowUpDto {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @Optional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional()
  @Optional()
  @IsInstant()
  dueAt?: Date;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS })
  @Optional()
  @IsIn(FOLLOW_UP_KINDS)
  kind?: FollowUpKind;

  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class FollowUpDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() dueAt: string;
  @ApiProperty({ format: 'uuid' }) assigneeId: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty() note: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: FollowUpStatus;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
}

/** A follow-up with the case it belongs to, for the "My follow-ups" page. */
export class MyFollowUpDto extends FollowUpDto {
  @ApiProperty() caseReference: string;
  @ApiProperty() caseTitle: string;
  @ApiProperty() organizationName: string;
}

export class MyFollowUpsDto {
  @ApiProperty({
    type: [MyFollowUpDto],
    description: 'scheduled or missed, due before today (the center’s time zone): listed until done, rescheduled or cancelled',
  })
  overdue: MyFollowUpDto[];
  @ApiProperty({ type: [MyFollowUpDto], description: 'scheduled, due today' }) today: MyFollowUpDto[];
  @ApiProperty({ type: [MyFollowUpDto], description: 'scheduled, due in the 7 days after today' }) thisWeek: MyFollowUpDto[];
}

export function toFollowUpDto(f: FollowUp): FollowUpDto {
  return {
    id: f.id,
    caseId: f.caseId,
    dueAt: f.dueAt.toISOString(),
    assigneeId: f.assigneeId,
    kind: f.kind,
    note: f.note,
    status: f.status,
    completedAt: f.completedAt?.toISOString() ?? null,
  };
}
