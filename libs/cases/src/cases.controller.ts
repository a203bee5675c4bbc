import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, UuidParam } from '@ta/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import {
  AssignDto,
  CaseDto,
  CaseEventListDto,
  CaseListDto,
  CreateCaseDto,
  ListCasesQueryDto,
  TopicDto,
  TransitionDto,
  UpdateCaseDto,
} from './dto/case.dto.js';

/**
 * Any staff user may read every case and open one. Changing a case (PATCH, transitions) is for its assigned
 * consultant, leads and admins; assigning is for leads and admins.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  @Get('topics')
  @ApiOkResponse({ type: [TopicDto] })
  async topics(): Promise<TopicDto[]> {
    return (await this.cases.topics()).map(({ code, label, goalArea }) => ({ code, label, goalArea }));
  }

  @Get('cases')
  @ApiOkResponse({ type: CaseListDto })
  async list(@Query() query: ListCasesQueryDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseListDto> {
    const { items, total } = await this.cases.list(query, user);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  @Post('cases')
  @ApiCreatedResponse({ type: CaseDto })
  create(@Body() dto: CreateCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.cases.create(dto, user);
  }

  @Get('cases/:id')
  @ApiOkResponse({ type: CaseDto })
  get(@UuidParam('id') id: string): Promise<CaseDto> {
    return this.cases.get(id);
  }

  @Patch('cases/:id')
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'stale version' })
  @ApiForbiddenResponse({ description: 'a consultant editing a case not assigned to them' })
  update(@UuidParam('id') id: string, @Body() dto: UpdateCaseDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.cases.update(id, dto, user);
  }

  @Post('cases/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'illegal move; details.allowed lists the legal ones' })
  transition(@UuidParam('id') id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.cases.transition(id, dto, user);
  }

  @Roles('lead', 'admin')
  @Post('cases/:id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDto })
  assign(@UuidParam('id') id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.cases.assign(id, dto, user);
  }

  @Get('cases/:id/timeline')
  @ApiOkResponse({ type: CaseEventListDto })
  async timeline(@UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<CaseEventListDto> {
    await this.cases.get(id);
    const { items, total } = await this.events.page(id, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
