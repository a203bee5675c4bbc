import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { CurrentUser, Public, type AuthenticatedUser } from '@ta/users';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AttachmentsService, type AttachmentDownload } from './attachments.service.js';
import { AttachmentDto } from './dto/attachment.dto.js';
import { readMultipartFiles } from './multipart.js';

/**
 * Files on cases. Any staff user lists and downloads; uploading and deleting follow the case's rule (its consultant,
 * leads, admins). The requester's status-page link downloads only the files they sent from that page.
 */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** Permission is checked before a byte is read, so nobody else's upload fills the disk even for a moment. */
  @Post('cases/:id/attachments')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    // The parts readMultipartFiles reads (no DTO: the body is a stream).
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'one or more files' },
        consultationId: { type: 'string', format: 'uuid', description: 'a session of this case the files are from' },
        messageId: { type: 'string', format: 'uuid', description: 'a message of this case the files belong to' },
      },
    },
  })
  @ApiCreatedResponse({ type: [AttachmentDto] })
  @ApiForbiddenResponse({ description: 'a consultant uploading to a case not assigned to them' })
  @ApiPayloadTooLargeResponse({ description: 'a file beyond ATTACHMENT_MAX_MB, or too many files' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'a type not on the allow-list, an extension that disagrees with the bytes, or a body that is not multipart',
  })
  async upload(
    @UuidParam('id') caseId: string,
    @Req() request: FastifyRequest,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AttachmentDto[]> {
    await this.attachments.assertCanUpload(caseId, user);
    return this.attachments.upload(caseId, readMultipartFiles(request, { maxFileBytes: this.attachments.maxBytes }), user);
  }

  @Get('cases/:id/attachments')
  @ApiOkResponse({ type: [AttachmentDto] })
  list(@UuidParam('id') caseId: string): Promise<AttachmentDto[]> {
    return this.attachments.listForCase(caseId);
  }

  @Get('attachments/:id')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the bytes, always as a download' })
  async download(@UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return asDownload(await this.attachments.openForStaff(id), reply);
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'a consultant deleting a file of a case not assigned to them' })
  remove(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.attachments.remove(id, user);
  }

  @Public()
  @Get('intake/status/:token/attachments/:id')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'a file the requester sent from their status page' })
  @ApiNotFoundResponse({ description: 'unknown link, or not a file this link may download' })
  async downloadForRequester(
    @Param('token') token: string,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return asDownload(await this.attachments.openForRequester(token, id), reply);
  }
}

/**
 * Always a download, never rendered: `attachment` disposition and `nosniff`, under the type read from the bytes (no
 * HTML or SVG can be stored at all). The CSP forbids everything in case a browser opens it anyway.
 */
function asDownload(file: AttachmentDownload, reply: FastifyReply): StreamableFile {
  void reply.header('X-Content-Type-Options', 'nosniff').header('Content-Security-Policy', "default-src 'none'; sandbox");
  return new StreamableFile(file.stream, {
    type: file.contentType,
    length: file.sizeBytes,
    disposition: contentDisposition(file.fileName),
  });
}

/** RFC 6266: an ASCII stand-in for old clients, and the real name in UTF-8 (RFC 8187). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
