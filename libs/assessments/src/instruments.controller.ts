import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@ta/users';
import { InstrumentDto, InstrumentFileDto, InstrumentSummaryDto, LoadInstrumentResultDto } from './dto/assessment.dto.js';
import { InstrumentsService } from './instruments.service.js';

/** Readiness instruments: any staff user reads them; only admins load a file (a JSON body, the file's content). */
@ApiTags('assessments')
@ApiBearerAuth()
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Get()
  @ApiOkResponse({ type: [InstrumentSummaryDto] })
  list(): Promise<InstrumentSummaryDto[]> {
    return this.instruments.list();
  }

  @Get(':id')
  @ApiOkResponse({ type: InstrumentDto })
  get(@UuidParam('id') id: string): Promise<InstrumentDto> {
    return this.instruments.get(id);
  }

  /** The body is checked by the instrument file's own validator (errors name the JSON path), so it is typed unknown here. */
  @Post()
  @Roles('admin')
  @ApiBody({ type: InstrumentFileDto })
  @ApiCreatedResponse({ type: LoadInstrumentResultDto })
  load(@Body() file: unknown, @CurrentUser() user: AuthenticatedUser): Promise<LoadInstrumentResultDto> {
    return this.instruments.load(file, user.id);
  }
}
