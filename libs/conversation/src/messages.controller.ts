import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CaseDto } from '@ta/cases';
import { PageQueryDto, UuidParam } from '@ta/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { AssignMessageDto, CaseFromMessageDto, MessageDto, MessageListDto, SendMessageDto, ThreadDto } from './dto/message.dto.js';
import { MessagesService } from './messages.service.js';

/**
 * The email conversation on a case. Any staff user reads a thread; writing follows the case's rule (its consultant, a
 * lead, an admin). Mail that matched no case is triaged by leads and admins.
 */
@ApiTags('conversation')
@ApiBearerAuth()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('cases/:id/messages')
  @ApiOkResponse({ type: ThreadDto })
  thread(@UuidParam('id') caseId: string): Promise<ThreadDto> {
    return this.messages.thread(caseId);
  }

  @Post('cases/:id/messages')
  @ApiCreatedResponse({ type: MessageDto })
  send(@UuidParam('id') caseId: string, @Body() dto: SendMessageDto, @CurrentUser() user: AuthenticatedUser): Promise<MessageDto> {
    return this.messages.send(caseId, dto, user);
  }

  /** The case's consultant opened the conversation: its "new reply" mark goes. Anyone else reading leaves it. */
  @Post('cases/:id/messages/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  markRead(@UuidParam('id') caseId: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.messages.markRead(caseId, user);
  }

  @Get('messages/unmatched')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: MessageListDto })
  unmatched(@Query() query: PageQueryDto): Promise<MessageListDto> {
    return this.messages.unmatched(query.page, query.pageSize);
  }

  @Post('messages/:id/assign')
  @Roles('lead', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: MessageDto })
  assign(@UuidParam('id') id: string, @Body() dto: AssignMessageDto, @CurrentUser() user: AuthenticatedUser): Promise<MessageDto> {
    return this.messages.assign(id, dto.caseId, user);
  }

  /** Opens a new case from an unmatched mail (source "email"), the mail its first message. */
  @Post('messages/:id/case')
  @Roles('lead', 'admin')
  @ApiCreatedResponse({ type: CaseDto })
  openCase(@UuidParam('id') id: string, @Body() dto: CaseFromMessageDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.messages.openCase(id, dto, user);
  }

  /** The email as it arrived (message/rfc822), to open in a mail program. */
  @Get('messages/:id/raw')
  @ApiProduces('message/rfc822')
  @ApiOkResponse({ description: 'the original email' })
  async raw(@UuidParam('id') id: string): Promise<StreamableFile> {
    const { raw, fileName } = await this.messages.raw(id);
    return new StreamableFile(raw, { type: 'message/rfc822', disposition: `attachment; filename="${fileName}"` });
  }
}
