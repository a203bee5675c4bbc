import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { CurrentUser, type AuthenticatedUser } from '@ta/users';
import { ActionPlanService } from './action-plan.service.js';
import { ConsultationsService } from './consultations.service.js';
import { ActionItemDto, ActionPlanDto, CreateActionItemDto, PutActionPlanDto, UpdateActionItemDto } from './dto/action-plan.dto.js';
import { ConsultationDto, CreateConsultationDto, UpdateConsultationDto } from './dto/consultation.dto.js';
import { CreateFollowUpDto, FollowUpDto, MyFollowUpsDto, UpdateFollowUpDto } from './dto/follow-up.dto.js';
import { FollowUpsService } from './follow-ups.service.js';

/**
 * Any staff user may read. Logging sessions, planning and scheduling follow the case's rule (assigned consultant,
 * lead, admin); a session's author may edit or delete it; a follow-up's assignee may update it.
 */
@ApiTags('engagement')
@ApiBearerAuth()
@Controller()
export class EngagementController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly plans: ActionPlanService,
    private readonly followUps: FollowUpsService,
  ) {}

  @Get('cases/:id/consultations')
  @ApiOkResponse({ type: [ConsultationDto] })
  listConsultations(@UuidParam('id') caseId: string): Promise<ConsultationDto[]> {
    return this.consultations.list(caseId);
  }

  @Post('cases/:id/consultations')
  @ApiCreatedResponse({ type: ConsultationDto })
  logConsultation(
    @UuidParam('id') caseId: string,
    @Body() dto: CreateConsultationDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConsultationDto> {
    return this.consultations.create(caseId, dto, user);
  }

  @Patch('consultations/:id')
  @ApiOkResponse({ type: ConsultationDto })
  updateConsultation(
    @UuidParam('id') id: string,
    @Body() dto: UpdateConsultationDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ConsultationDto> {
    return this.consultations.update(id, dto, user);
  }

  @Delete('consultations/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteConsultation(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.consultations.remove(id, user);
  }

  @Get('cases/:id/action-plan')
  @ApiOkResponse({ type: ActionPlanDto })
  getPlan(@UuidParam('id') caseId: string): Promise<ActionPlanDto> {
    return this.plans.get(caseId);
  }

  @Put('cases/:id/action-plan')
  @ApiOkResponse({ type: ActionPlanDto })
  putPlan(@UuidParam('id') caseId: string, @Body() dto: PutActionPlanDto, @CurrentUser() user: AuthenticatedUser): Promise<ActionPlanDto> {
    return this.plans.put(caseId, dto, user);
  }

  @Post('cases/:id/action-plan/items')
  @ApiCreatedResponse({ type: ActionItemDto })
  addItem(
    @UuidParam('id') caseId: string,
    @Body() dto: CreateActionItemDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ActionItemDto> {
    return this.plans.addItem(caseId, dto, user);
  }

  @Patch('action-items/:id')
  @ApiOkResponse({ type: ActionItemDto })
  updateItem(
    @UuidParam('id') id: string,
    @Body() dto: UpdateActionItemDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ActionItemDto> {
    return this.plans.updateItem(id, dto, user);
  }

  @Get('cases/:id/follow-ups')
  @ApiOkResponse({ type: [FollowUpDto] })
  listFollowUps(@UuidParam('id') caseId: string): Promise<FollowUpDto[]> {
    return this.followUps.list(caseId);
  }

  @Post('cases/:id/follow-ups')
  @ApiCreatedResponse({ type: FollowUpDto })
  createFollowUp(
    @UuidParam('id') caseId: string,
    @Body() dto: CreateFollowUpDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<FollowUpDto> {
    return this.followUps.create(caseId, dto, user);
  }

  @Patch('follow-ups/:id')
  @ApiOkResponse({ type: FollowUpDto })
  updateFollowUp(
    @UuidParam('id') id: string,
    @Body() dto: UpdateFollowUpDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<FollowUpDto> {
    return this.followUps.update(id, dto, user);
  }

  @Get('follow-ups/mine')
  @ApiOkResponse({ type: MyFollowUpsDto })
  myFollowUps(@CurrentUser() user: AuthenticatedUser): Promise<MyFollowUpsDto> {
    return this.followUps.mine(user);
  }
}
