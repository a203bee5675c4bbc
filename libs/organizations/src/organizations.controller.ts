import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { toPage, UuidParam } from '@ta/common';
import { ContactDto, CreateContactDto, toContactDto } from './dto/contact.dto.js';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationDto,
  OrganizationListDto,
  toOrganizationDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';
import { OrganizationsService } from './organizations.service.js';

/** Any signed-in staff user (admin, lead, consultant). */
@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOkResponse({ type: OrganizationListDto })
  async list(@Query() query: ListOrganizationsQueryDto): Promise<OrganizationListDto> {
    return toPage(await this.organizations.list(query), query, toOrganizationDto);
  }

  @Post()
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiConflictResponse({ description: 'An organization with the same normalized name exists (details.duplicates)' })
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.create(dto));
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationDto })
  async get(@UuidParam('id') id: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganizationDto })
  async update(@UuidParam('id') id: string, @Body() dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.update(id, dto));
  }

  @Get(':id/contacts')
  @ApiOkResponse({ type: [ContactDto] })
  async contacts(@UuidParam('id') id: string): Promise<ContactDto[]> {
    return (await this.organizations.listContacts(id)).map(toContactDto);
  }

  @Post(':id/contacts')
  @ApiCreatedResponse({ type: ContactDto })
  async createContact(@UuidParam('id') id: string, @Body() dto: CreateContactDto): Promise<ContactDto> {
    return toContactDto(await this.organizations.createContact(id, dto));
  }
}
