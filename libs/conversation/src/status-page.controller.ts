import { Controller, Param, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AttachmentsService, readMultipartFiles } from '@ta/attachments';
import { IntakeService } from '@ta/intake';
import { Public } from '@ta/users';
import type { FastifyRequest } from 'fastify';
import { AddedInformationDto } from './dto/message.dto.js';
import { InboundMailService } from './inbound-mail.service.js';

/** The longest text the status page's "Add information" takes, in bytes. */
const MAX_TEXT_BYTES = 20_000;

/** Public: the requester's status page adds information (text and files) to their request. */
@ApiTags('intake')
@Public()
@Controller('intake/status')
export class StatusPageController {
  constructor(
    private readonly intake: IntakeService,
    private readonly inbound: InboundMailService,
    private readonly attachments: AttachmentsService,
  ) {}

  /** Rate-limited per client IP like the request form. The link is checked before a byte of the body is read. */
  @Post(':token/messages')
  @UseGuards(ThrottlerGuard)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string', description: 'what the requester wants to add (send it before the files)' },
        file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'files to add' },
      },
    },
  })
  @ApiCreatedResponse({ type: AddedInformationDto })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiPayloadTooLargeResponse({ description: 'a file beyond ATTACHMENT_MAX_MB, or too many files' })
  @ApiUnsupportedMediaTypeResponse({ description: 'a file type not on the allow-list, or a body that is not multipart' })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this address' })
  async add(@Param('token') token: string, @Req() request: FastifyRequest): Promise<AddedInformationDto> {
    const caseId = await this.intake.caseIdForStatusToken(token);
    return this.inbound.addFromStatusPage(
      caseId,
      readMultipartFiles(request, { maxFileBytes: this.attachments.maxBytes, maxFieldBytes: MAX_TEXT_BYTES, maxFiles: 10 }),
    );
  }
}
