import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { checkedLinkToken, UuidParam } from '@ta/common';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@ta/users';
import {
  CaseSurveysDto,
  LoadSurveyResultDto,
  OptOutDto,
  PublicSurveyDto,
  SurveyAnswersDto,
  SurveyDto,
  SurveyFileDto,
  SurveyResponseDto,
  SurveyResponsesQueryDto,
  SurveySummaryDto,
} from './dto/survey.dto.js';
import { PublicSurveysService, UNKNOWN_SURVEY } from './public-surveys.service.js';
import { SurveysService } from './surveys.service.js';

/** Survey definitions (any staff user reads, admins load) and what the clinics answered. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get('surveys')
  @ApiOkResponse({ type: [SurveySummaryDto] })
  list(): Promise<SurveySummaryDto[]> {
    return this.surveys.list();
  }

  /** For reporting: leads and admins, like the reports. Declared before surveys/:id so that "responses" is not taken for an id. */
  @Get('surveys/responses')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: [SurveyResponseDto] })
  responses(@Query() query: SurveyResponsesQueryDto): Promise<SurveyResponseDto[]> {
    return this.surveys.responses(query);
  }

  @Get('surveys/:id')
  @ApiOkResponse({ type: SurveyDto })
  get(@UuidParam('id') id: string): Promise<SurveyDto> {
    return this.surveys.get(id);
  }

  /** The body is checked by the survey file's own validator (errors name the JSON path), so it is typed unknown here. */
  @Post('surveys')
  @Roles('admin')
  @ApiBody({ type: SurveyFileDto })
  @ApiCreatedResponse({ type: LoadSurveyResultDto })
  load(@Body() file: unknown, @CurrentUser() user: AuthenticatedUser): Promise<LoadSurveyResultDto> {
    return this.surveys.load(file, user.id);
  }

  /** The case page's Satisfaction card; like the case itself, any staff user reads it. */
  @Get('cases/:id/surveys')
  @ApiOkResponse({ type: CaseSurveysDto })
  forCase(@UuidParam('id') caseId: string): Promise<CaseSurveysDto> {
    return this.surveys.forCase(caseId);
  }
}

const checked = (token: string) => checkedLinkToken(token, UNKNOWN_SURVEY);

/** The clinic's link: no account, the token is the key (see PublicSurveysService). */
@ApiTags('surveys')
@Public()
@Controller('public/surveys')
export class PublicSurveysController {
  constructor(private readonly surveys: PublicSurveysService) {}

  @Get(':token')
  @ApiOkResponse({ type: PublicSurveyDto })
  @ApiNotFoundResponse({ description: 'unknown link' })
  @ApiGoneResponse({ description: 'the link has expired' })
  get(@Param('token') token: string): Promise<PublicSurveyDto> {
    return this.surveys.get(checked(token));
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicSurveyDto, description: 'answered' })
  @ApiConflictResponse({ description: 'already answered' })
  @ApiGoneResponse({ description: 'the link has expired' })
  answer(@Param('token') token: string, @Body() dto: SurveyAnswersDto): Promise<PublicSurveyDto> {
    return this.surveys.answer(checked(token), dto);
  }

  @Get(':token/opt-out')
  @ApiOkResponse({ type: OptOutDto })
  optOutStatus(@Param('token') token: string): Promise<OptOutDto> {
    return this.surveys.optOutStatus(checked(token));
  }

  @Post(':token/opt-out')
  @HttpCode(200)
  @ApiOkResponse({ type: OptOutDto })
  optOut(@Param('token') token: string): Promise<OptOutDto> {
    return this.surveys.optOut(checked(token));
  }
}
