import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Clearable } from '@ta/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { logoUrlOf, type CenterSettings } from '../center.js';
import { LOGO_DATA_URL, LOGO_DATA_URL_MAX_LENGTH, LOGO_TYPES, type LogoType } from '../logo.js';

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
/** Trimmed; an empty text clears the field like null does. */
const trimOrClear = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

/** A phone number as people write it: digits, spaces, ( ) . - and an optional extension. */
const PHONE = /^\+?[0-9(][0-9 ().-]{5,30}( *(ext\.?|x) *[0-9]{1,6})?$/i;

/**
 * PUT /settings/center: the names are always sent; any other field left out stays as it is, null (or an empty text)
 * clears it. The logo is a data URL (PNG, JPEG or SVG, at most 200 kB) checked by its content.
 */
export class UpdateCenterSettingsDto {
  @ApiProperty({ maxLength: 40, example: 'PeerTAC' })
  @trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  shortName: string;

  @ApiProperty({ maxLength: 120, example: 'Peer Support Services Technical Assistance Center' })
  @trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40, example: '(212) 555-0142' })
  @trimOrClear()
  @Clearable()
  @IsString()
  @MaxLength(40)
  @Matches(PHONE, { message: 'phone must be a phone number (digits, spaces, ( ) . - and an optional extension)' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 254, example: 'peertac@example.org' })
  @trimOrClear()
  @Clearable()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'replyTo must be an email address' })
  replyTo?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @trimOrClear()
  @Clearable()
  @IsString()
  @MaxLength(1000)
  signature?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 1000 })
  @trimOrClear()
  @Clearable()
  @IsString()
  @MaxLength(1000)
  about?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: LOGO_DATA_URL_MAX_LENGTH,
    description: 'data:image/png|jpeg|svg+xml;base64,… (at most 200 kB of image); null removes the logo, leaving it out keeps it',
  })
  @Clearable()
  @IsString()
  @MaxLength(LOGO_DATA_URL_MAX_LENGTH, { message: 'logo must be at most 200 kB' })
  @Matches(LOGO_DATA_URL, { message: 'logo must be a PNG, JPEG or SVG image as a base64 data URL' })
  logo?: string | null;
}

/** GET /settings/center: what the public pages show. */
export class PublicCenterDto {
  @ApiProperty() shortName: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) about: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The logo image (GET /settings/center/logo), or null' })
  logoUrl: string | null;
  @ApiProperty({ example: 'America/New_York', description: "the center's time zone (CENTER_TIME_ZONE): the public pages show dates in it" })
  timeZone: string;
}

/** GET /settings/center/full (staff) and PUT /settings/center (admins): every field, for the settings page and printable plans. */
export class CenterSettingsDto extends OmitType(PublicCenterDto, ['timeZone'] as const) {
  @ApiProperty({ nullable: true, type: String }) replyTo: string | null;
  @ApiProperty({ nullable: true, type: String }) signature: string | null;
  @ApiProperty({ nullable: true, enum: LOGO_TYPES, type: String }) logoType: LogoType | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export const toCenterSettingsDto = (center: CenterSettings): CenterSettingsDto => ({
  shortName: center.shortName,
  name: center.name,
  phone: center.phone,
  about: center.about,
  logoUrl: logoUrlOf(center),
  replyTo: center.replyTo,
  signature: center.signature,
  logoType: center.logo?.type ?? null,
  updatedAt: center.updatedAt,
});
