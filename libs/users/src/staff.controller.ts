import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from './user-role.js';
import { UsersService } from './users.service.js';

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
}

/** Any signed-in staff user: the active colleagues to assign cases, follow-ups and action items to (no emails). */
@ApiTags('users')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [StaffMemberDto] })
  async list(): Promise<StaffMemberDto[]> {
    return (await this.users.activeStaff()).map(({ id, name, role }) => ({ id, name, role }));
  }
}
