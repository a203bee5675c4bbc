import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQueryDto, UuidParam } from '@ta/common';
import { CurrentUser, type AuthenticatedUser } from '@ta/users';
import { CaseEventsService } from './case-events.service.js';
import { CasesService } from './cases.service.js';
import { CaseEventListDto } from './dto/case-event.dto.js';
import { CaseDto, CaseListDto, CreateCaseDto, ListCasesQueryDto, TopicDto, UpdateCaseDto } from './dto/case.dto.js';

/**
 * Any staff user may read every case and open one. Editing a case (PATCH) is for its assigned consultant, leads and
 * admins. Claiming, assigning and status moves carry the case's open work with them: engagement's casework controller.
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

  @Get('cases/:id/timeline')
  @ApiOkResponse({ type: CaseEventListDto })
  async timeline(@UuidParam('id') id: string, @Query() query: PageQueryDto): Promise<CaseEventListDto> {
    const { items, total } = await this.events.page(id, query.page, query.pageSize);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}
