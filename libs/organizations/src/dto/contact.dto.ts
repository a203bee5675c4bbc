import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Clearable, Trim } from '@ta/common';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CONTACT_ROLES, type ContactRole } from '../organization-enums.js';
import type { Contact } from '../contact.entity.js';

export class CreateContactDto {
  @ApiProperty({ example: 'Jordan Lee' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'jordan.lee@clinic.example.org' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'Clinical Director', nullable: true })
  @Clearable()
  @Trim()
  @IsString()
  @MaxLength(120)
  title?: string;

  @ApiProperty({ enum: CONTACT_ROLES })
  @IsIn(CONTACT_ROLES)
  role: ContactRole;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: CONTACT_ROLES }) role: ContactRole;
}

export function toContactDto(contact: Contact): ContactDto {
  return {
    id: contact.id,
    organizationId: contact.organizationId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    title: contact.title,
    role: contact.role,
  };
}
