import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { checkedLinkToken, UuidParam } from '@ta/common';
import { ActionPlanDto } from '@ta/engagement';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@ta/users';
import { AssessmentsService } from './assessments.service.js';
import {
  AssessmentDto,
  CreateAssessmentDto,
  DraftDto,
  GoalsFromAssessmentDto,
  InvitationsDto,
  InvitationsResultDto,
  OrganizationAssessmentsDto,
  PublicAssessmentDto,
  ResponsesDto,
} from './dto/assessment.dto.js';
import { ReadinessReportDto, ReadinessReportQueryDto } from './dto/readiness-report.dto.js';
import { PublicAssessmentsService } from './public-assessments.service.js';
import { ReadinessReportService } from './readiness-report.service.js';

/** Rounds are the center's shared work: any staff user (consultants see every round) starts, reads, invites and closes. */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller()
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly reports: ReadinessReportService,
  ) {}

  /** For the funder (leads and admins, like the other reports). */
  @Get('reports/readiness')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: ReadinessReportDto })
  readinessReport(@Query() query: ReadinessReportQueryDto): Promise<ReadinessReportDto> {
    return this.reports.report(query);
  }

  @Get('organizations/:id/assessments')
  @ApiOkResponse({ type: OrganizationAssessmentsDto })
  list(@UuidParam('id') organizationId: string): Promise<OrganizationAssessmentsDto> {
    return this.assessments.listForOrganization(organizationId);
  }

  @Post('organizations/:id/assessments')
  @ApiCreatedResponse({ type: AssessmentDto })
  create(
    @UuidParam('id') organizationId: string,
    @Body() dto: CreateAssessmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AssessmentDto> {
    return this.assessments.create(organizationId, dto, user);
  }

  @Get('assessments/:id')
  @ApiOkResponse({ type: AssessmentDto })
  get(@UuidParam('id') id: string): Promise<AssessmentDto> {
    return this.assessments.get(id);
  }

  @Post('assessments/:id/invitations')
  @ApiCreatedResponse({ type: InvitationsResultDto })
  invite(@UuidParam('id') id: string, @Body() dto: InvitationsDto, @CurrentUser() user: AuthenticatedUser): Promise<InvitationsResultDto> {
    return this.assessments.invite(id, dto, user);
  }

  @Post('assessments/:id/responses')
  @ApiCreatedResponse({ type: AssessmentDto })
  respond(@UuidParam('id') id: string, @Body() dto: ResponsesDto, @CurrentUser() user: AuthenticatedUser): Promise<AssessmentDto> {
    return this.assessments.enterResponses(id, dto, user);
  }

  @Post('assessments/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: AssessmentDto })
  close(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<AssessmentDto> {
    return this.assessments.close(id, user);
  }

  /** As editing the case: its consultant, a lead or an admin. */
  @Post('cases/:id/action-plan/goals/from-assessment')
  @ApiCreatedResponse({ type: ActionPlanDto, description: 'the case’s action plan with the new goals' })
  goalsFromAssessment(
    @UuidParam('id') caseId: string,
    @Body() dto: GoalsFromAssessmentDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ActionPlanDto> {
    return this.assessments.goalsFromAssessment(caseId, dto, user);
  }
}

/** The respondent's link: no account, the token is the key (see PublicAssessmentsService). */
@ApiTags('assessments')
@Public()
@Controller('public/assessments')
export class PublicAssessmentsController {
  constructor(private readonly respondents: PublicAssessmentsService) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicAssessmentDto })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiGoneResponse({ description: 'the round has closed' })
  get(@Param('token') token: string): Promise<PublicAssessmentDto> {
    return this.respondents.get(checked(token));
  }

  @Put(':token')
  @ApiOkResponse({ type: PublicAssessmentDto, description: 'the draft, saved' })
  saveDraft(@Param('token') token: string, @Body() dto: DraftDto): Promise<PublicAssessmentDto> {
    return this.respondents.saveDraft(checked(token), dto);
  }

  @Post(':token/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicAssessmentDto, description: 'submitted, with the respondent’s own section scores' })
  submit(@Param('token') token: string, @Body() dto: DraftDto): Promise<PublicAssessmentDto> {
    return this.respondents.submit(checked(token), dto);
  }
}

const checked = (token: string) => checkedLinkToken(token, 'We could not find this assessment. Check that the link is complete.');
