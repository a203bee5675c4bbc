import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@ta/common';
import { Roles } from './auth.decorators.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQueryDto } from './dto/list-users-query.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { toUserResponse, UserListDto, UserResponseDto } from './dto/user-response.dto.js';
import { UsersService } from './users.service.js';

/** Staff user management: admins only. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserListDto })
  async list(@Query() query: ListUsersQueryDto): Promise<UserListDto> {
    const { items, total } = await this.users.list(query);
    return { items: items.map(toUserResponse), total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserResponseDto })
  async get(@UuidParam('id') id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.users.get(id));
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponseDto })
  async create(@Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.create(dto));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponseDto })
  async update(@UuidParam('id') id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return toUserResponse(await this.users.update(id, dto));
  }
}
