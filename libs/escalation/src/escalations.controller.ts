import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { AcknowledgeDto, EscalationDto } from './escalation.dto.js';
import { EscalationsService } from './escalations.service.js';

/** Leads and admins own escalations (reassigning uses POST /cases/:id/assign). */
@ApiTags('escalations')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller()
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get('escalations')
  @ApiOkResponse({ type: [EscalationDto] })
  list(): Promise<EscalationDto[]> {
    return this.escalations.list();
  }

  @Post('cases/:id/acknowledge')
  @HttpCode(204)
  @ApiNoContentResponse()
  acknowledge(@UuidParam('id') caseId: string, @Body() dto: AcknowledgeDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.escalations.acknowledge(caseId, user, dto.note);
  }
}
