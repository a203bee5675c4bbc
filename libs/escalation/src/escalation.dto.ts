import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Optional, Trim } from '@ta/common';
import { IsString, MaxLength } from 'class-validator';

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class EscalationDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['at_risk', 'escalated'] }) stallLevel: 'at_risk' | 'escalated';
  @ApiProperty({ description: 'why, in words' }) reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'when it reached this level' }) since: string | null;
  @ApiProperty() lastActivityAt: string;
  @ApiProperty({ type: RefDto }) organization: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) assignee: RefDto | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
}

export class AcknowledgeDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
