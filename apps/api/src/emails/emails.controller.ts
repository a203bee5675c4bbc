import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Optional, PageQueryDto, UuidParam } from '@ta/common';
import { EMAIL_STATUSES, OutboxService, type EmailStatus, type OutboundEmail } from '@ta/mail';
import { Roles } from '@ta/users';
import { IsIn } from 'class-validator';

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @Optional()
  @IsIn(EMAIL_STATUSES)
  status?: EmailStatus;
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
}

export class EmailListDto {
  @ApiProperty({ type: [EmailDto] }) items: EmailDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

const toEmailDto = (e: OutboundEmail): EmailDto => ({
  id: e.id,
  recipient: e.recipient,
  template: e.template,
  status: e.status,
  attempts: e.attempts,
  lastError: e.lastError,
  sentAt: e.sentAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
});

/** The outbox, for leads and admins: see what failed and send it again. */
@ApiTags('emails')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('emails')
export class EmailsController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @ApiOkResponse({ type: EmailListDto })
  async list(@Query() query: ListEmailsQueryDto): Promise<EmailListDto> {
    const [items, total] = await this.outbox.list(query.status, query.page, query.pageSize);
    return { items: items.map(toEmailDto), total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: EmailDto })
  async retry(@UuidParam('id') id: string): Promise<EmailDto> {
    return toEmailDto(await this.outbox.retry(id));
  }
}
