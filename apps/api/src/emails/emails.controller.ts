import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Optional, PageQueryDto, Trim, UuidParam } from '@ta/common';
import {
  EMAIL_STATUSES,
  OutboxService,
  renderStoredEmail,
  type EmailCenter,
  type EmailListRow,
  type EmailStatus,
  type EmailRecord,
} from '@ta/mail';
import { SettingsService } from '@ta/settings';
import { Roles } from '@ta/users';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @Optional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;

  @ApiPropertyOptional({ description: 'matches the recipient, the subject or the case reference' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class EmailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() recipient: string;
  @ApiProperty() template: string;
  @ApiProperty({ enum: EMAIL_STATUSES }) status: EmailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'as the recipient sees it; null when the template is unknown' })
  subject: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the plain-text body, rendered from the data' }) text: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the case or request the email is about' }) reference: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'the case it is about, when it links to one' })
  caseId: string | null;
}

export class EmailListDto {
  @ApiProperty({ type: [EmailDto] }) items: EmailDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

const CASE_URL = /\/cases\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[/?#]|$)/i;

/** Subject and text as rendered for sending, the reference and the case the data points at (its caseUrl). */
function contentOf(
  template: string,
  data: Record<string, unknown>,
  center: EmailCenter,
): Pick<EmailDto, 'subject' | 'text' | 'reference' | 'caseId'> {
  let rendered: { subject: string; text: string } | null = null;
  try {
    rendered = renderStoredEmail({ template, data }, center);
  } catch {
    // A template since retired: the row still lists, without a preview.
  }
  const caseId =
    typeof data.caseId === 'string' ? data.caseId : typeof data.caseUrl === 'string' ? (CASE_URL.exec(data.caseUrl)?.[1] ?? null) : null;
  return {
    subject: rendered?.subject ?? null,
    text: rendered?.text ?? null,
    reference: typeof data.reference === 'string' ? data.reference : null,
    caseId,
  };
}

const toEmailDto = (e: EmailRecord, center: EmailCenter): EmailDto => ({
  id: e.id,
  recipient: e.recipient,
  template: e.template,
  status: e.status,
  attempts: e.attempts,
  lastError: e.lastError,
  sentAt: e.sentAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  ...contentOf(e.template, e.data, center),
});

const rowToEmailDto = (row: EmailListRow, center: EmailCenter): EmailDto => ({
  id: row.id,
  recipient: row.recipient,
  template: row.template,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  sentAt: row.sent_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  ...contentOf(row.template, row.data, center),
});

/** The outbox, for leads and admins: see what was sent or failed, read it, and send a failed one again. */
@ApiTags('emails')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('emails')
export class EmailsController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly settings: SettingsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: EmailListDto })
  async list(@Query() query: ListEmailsQueryDto): Promise<EmailListDto> {
    // The preview as the worker would send it now: with the center's current name and signature.
    const [[rows, total], center] = await Promise.all([this.outbox.search(query), this.settings.center()]);
    return { items: rows.map((row) => rowToEmailDto(row, center)), total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: EmailDto })
  async retry(@UuidParam('id') id: string): Promise<EmailDto> {
    const [email, center] = await Promise.all([this.outbox.retry(id), this.settings.center()]);
    return toEmailDto(email, center);
  }
}
