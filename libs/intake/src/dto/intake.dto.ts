import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Clearable, Optional, Trim } from '@ta/common';
import {
  CONTACT_ROLES,
  IMPLEMENTATION_STAGES,
  OMH_REGIONS,
  PEER_ROLES,
  POPULATIONS,
  type ContactRole,
  type ImplementationStage,
  type OmhRegion,
  type PeerRole,
  type Population,
} from '@ta/organizations';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';

export const CONTACT_METHODS = ['email', 'phone', 'video'] as const;
export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  email: 'Email',
  phone: 'Phone',
  video: 'Video call',
};

export class IntakeDto {
  @ApiProperty({ example: 'Riverside Family Counseling Center' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'please tell us your organization’s name' })
  @MaxLength(200)
  organizationName: string;

  @ApiProperty({ enum: OMH_REGIONS })
  @IsIn(OMH_REGIONS, { message: 'please choose your OMH region' })
  region: OmhRegion;

  @ApiProperty({ example: 'Onondaga' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'please tell us your county' })
  @MaxLength(60)
  county: string;

  @ApiProperty({ example: 'Jordan Lee' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'please tell us your name' })
  @MaxLength(120)
  contactName: string;

  @ApiProperty({ example: 'jordan.lee@riverside.example.org' })
  @Trim()
  @IsEmail({}, { message: 'please give an email address we can reply to' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES, { message: 'please choose your role' })
  role: ContactRole;

  @ApiProperty({ enum: POPULATIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(POPULATIONS, { each: true })
  populations: Population[];

  @ApiProperty({ enum: PEER_ROLES, isArray: true, description: 'peer roles employed or planned: NYCPS, YPA-C, FPA-C' })
  @IsArray()
  @ArrayUnique()
  @IsIn(PEER_ROLES, { each: true })
  peerRoles: PeerRole[];

  @ApiProperty({ enum: IMPLEMENTATION_STAGES })
  @IsIn(IMPLEMENTATION_STAGES, { message: 'please choose where you are with peer services' })
  stage: ImplementationStage;

  @ApiProperty({ type: [String], description: 'topic codes (GET /intake/topics)' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(15)
  @IsString({ each: true })
  topics: string[];

  @ApiProperty({ minLength: 20, maxLength: 5000 })
  @IsString()
  @Length(20, 5000, { message: 'please describe what you need in 20 to 5,000 characters' })
  question: string;

  @ApiPropertyOptional({ enum: CONTACT_METHODS })
  @Optional()
  @IsIn(CONTACT_METHODS)
  preferredContact?: (typeof CONTACT_METHODS)[number];

  /** Honeypot: hidden from people; a bot that fills it is thanked and ignored. */
  @ApiPropertyOptional({ description: 'leave empty' })
  @Optional()
  @IsString()
  @MaxLength(500)
  website?: string;
}

export class IntakeResultDto {
  @ApiProperty({ example: 'TA-2026-00042' }) reference: string;
  @ApiProperty({ description: 'the requester’s private status page' }) statusUrl: string;
}

export class IntakeTopicDto {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
  @ApiProperty() goalArea: string;
}

export class RequestStatusDto {
  @ApiProperty() reference: string;
  @ApiProperty() organizationName: string;
  @ApiProperty({ enum: ['received', 'in_review', 'in_progress', 'paused', 'completed', 'closed'] }) status: string;
  @ApiProperty({ description: 'the status in plain words' }) statusText: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'first name of the assigned consultant' }) consultantFirstName: string | null;
  @ApiProperty({ type: [String], description: 'dates (YYYY-MM-DD, the center’s time zone) of sessions held' }) sessionDates: string[];
  @ApiProperty({ nullable: true, type: String, description: 'date of the next scheduled follow-up (YYYY-MM-DD, the center’s time zone)' })
  nextFollowUpDate: string | null;
}
