import { ApiProperty } from '@nestjs/swagger';
import { INTENSITIES, type Intensity } from '@ta/cases';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class IntensityDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() reference: string;
  @ApiProperty() title: string;
  @ApiProperty() status: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ type: String, nullable: true }) consultantName: string | null;
  @ApiProperty({ enum: INTENSITIES, nullable: true, description: 'the tier a consultant set (or a lead confirmed)' })
  intensity: Intensity | null;
  @ApiProperty({ enum: INTENSITIES, description: 'the tier the TA delivered suggests' }) suggested: Intensity;
  @ApiProperty({ example: '4 sessions, 6.5 h' }) reason: string;
  @ApiProperty({ description: 'sessions held' }) sessions: number;
  @ApiProperty({ description: 'hours of sessions held' }) hours: number;
  @ApiProperty({ description: 'goals in the action plan' }) goals: number;
}

export class ConfirmIntensityDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'cases whose suggested tier becomes their tier' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds: string[];
}

export class ConfirmIntensityResultDto {
  @ApiProperty({ description: 'cases whose tier was set (a case that had one meanwhile is left as it is)' }) confirmed: number;
  @ApiProperty({ type: [IntensityDto] }) cases: IntensityDto[];
}
