import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { AssignDto, CaseDto, TransitionDto } from '@ta/cases';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { CaseworkService } from './casework.service.js';

/**
 * Claiming (consultants and leads), assigning (leads and admins) and status moves (the assigned consultant, leads and
 * admins; any consultant may triage an unassigned case): the moves that carry a case's open work with them.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseworkController {
  constructor(private readonly casework: CaseworkService) {}

  @Roles('consultant', 'lead')
  @Post('claim')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'someone has the case already (the message names them), or it is past triage' })
  claim(@UuidParam('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.casework.claim(id, user);
  }

  @Roles('lead', 'admin')
  @Post('assign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDto })
  assign(@UuidParam('id') id: string, @Body() dto: AssignDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.casework.assign(id, dto, user);
  }

  @Post('transitions')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseDto })
  @ApiConflictResponse({ description: 'illegal move; details.allowed lists the legal ones' })
  transition(@UuidParam('id') id: string, @Body() dto: TransitionDto, @CurrentUser() user: AuthenticatedUser): Promise<CaseDto> {
    return this.casework.transition(id, dto, user);
  }
}
