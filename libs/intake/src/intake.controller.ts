import { Body, Controller, Get, NotFoundException, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { CasesService } from '@ta/cases';
import { Public } from '@ta/users';
import { IntakeDto, IntakeResultDto, IntakeTopicDto, RequestStatusDto } from './dto/intake.dto.js';
import { IntakeService, STATUS_TOKEN_SHAPE } from './intake.service.js';

/** Public: the request form clinics fill in, and the status page their link opens. */
@ApiTags('intake')
@Public()
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly cases: CasesService,
  ) {}

  /** Rate-limited per client IP (INTAKE_RATE_LIMIT_PER_HOUR) with counters in Redis. */
  @Post()
  @UseGuards(ThrottlerGuard)
  @ApiCreatedResponse({ type: IntakeResultDto })
  @ApiTooManyRequestsResponse({ description: 'too many requests from this address' })
  submit(@Body() dto: IntakeDto): Promise<IntakeResultDto> {
    return this.intake.submit(dto);
  }

  @Get('topics')
  @ApiOkResponse({ type: [IntakeTopicDto] })
  async topics(): Promise<IntakeTopicDto[]> {
    return (await this.cases.topics()).map(({ code, label, goalArea }) => ({ code, label, goalArea }));
  }

  @Get('status/:token')
  @ApiOkResponse({ type: RequestStatusDto })
  @ApiNotFoundResponse({ description: 'unknown link' })
  status(@Param('token') token: string): Promise<RequestStatusDto> {
    if (!STATUS_TOKEN_SHAPE.test(token)) throw new NotFoundException('No request found for this link');
    return this.intake.status(token);
  }
}
