import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Optional, PageQueryDto, Trim } from '@ta/common';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  IMPLEMENTATION_STAGES,
  OMH_REGIONS,
  ORGANIZATION_KINDS,
  PEER_ROLES,
  POPULATIONS,
  type ImplementationStage,
  type OmhRegion,
  type OrganizationKind,
  type PeerRole,
  type Population,
} from '../organization-enums.js';
import type { Organization } from '../organization.entity.js';

export class PeerWorkforceDto {
  @ApiProperty({ description: 'Certified Peer Specialists (NYCPS) employed' })
  @IsInt()
  @Min(0)
  @Max(10000)
  nycps: number;

  @ApiProperty({ description: 'Youth Peer Advocates (YPA-C) employed' })
  @IsInt()
  @Min(0)
  @Max(10000)
  ypa: number;

  @ApiProperty({ description: 'Family Peer Advocates (FPA-C) employed' })
  @IsInt()
  @Min(0)
  @Max(10000)
  fpa: number;
}

export class CreateOrganizationDto {
  @ApiProperty({ example: 'Hudson Valley Family Clinic' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiProperty({ enum: OMH_REGIONS })
  @IsIn(OMH_REGIONS)
  region: OmhRegion;

  @ApiProperty({ example: 'Dutchess' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  county: string;

  @ApiProperty({ enum: POPULATIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(POPULATIONS, { each: true })
  populations: Population[];

  @ApiProperty({ enum: IMPLEMENTATION_STAGES })
  @IsIn(IMPLEMENTATION_STAGES)
  stage: ImplementationStage;

  @ApiPropertyOptional({ enum: PEER_ROLES, isArray: true, description: 'peer roles the program employs or plans' })
  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PEER_ROLES, { each: true })
  peerRoles?: PeerRole[];

  @ApiPropertyOptional({ type: PeerWorkforceDto })
  @Optional()
  @ValidateNested()
  @Type(() => PeerWorkforceDto)
  peerWorkforce?: PeerWorkforceDto;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ description: 'Create even though an organization with the same normalized name exists' })
  @Optional()
  @IsBoolean()
  allowDuplicate?: boolean;
}

/** Every field optional; null is refused like in CreateOrganizationDto (PartialType's default would let it through). */
export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto, { skipNullProperties: false }) {}

export class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'name contains / is similar to (trigram)' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: OMH_REGIONS })
  @Optional()
  @IsIn(OMH_REGIONS)
  region?: OmhRegion;

  @ApiPropertyOptional({ enum: IMPLEMENTATION_STAGES })
  @Optional()
  @IsIn(IMPLEMENTATION_STAGES)
  stage?: ImplementationStage;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @Optional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}

export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ enum: OMH_REGIONS }) region: OmhRegion;
  @ApiProperty() county: string;
  @ApiProperty({ enum: POPULATIONS, isArray: true }) populations: Population[];
  @ApiProperty({ enum: IMPLEMENTATION_STAGES }) stage: ImplementationStage;
  @ApiProperty({ enum: PEER_ROLES, isArray: true, description: 'peer roles the program employs or plans' }) peerRoles: PeerRole[];
  @ApiProperty({ type: PeerWorkforceDto }) peerWorkforce: PeerWorkforceDto;
  @ApiProperty() notes: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class OrganizationListDto {
  @ApiProperty({ type: [OrganizationDto] }) items: OrganizationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toOrganizationDto(org: Organization): OrganizationDto {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    region: org.region,
    county: org.county,
    populations: org.populations,
    stage: org.stage,
    peerRoles: org.peerRoles,
    peerWorkforce: { nycps: org.peerNycps, ypa: org.peerYpa, fpa: org.peerFpa },
    notes: org.notes,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}
