import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from './user-role.js';
import { UsersService } from './users.service.js';

export class StaffMemberDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES }) role: UserRole;
  @ApiPropertyOptional({ description: 'only when another active staff member has the same name, to tell them apart' })
  email?: string;
}

/** Names compared as people read them: "ana diaz " and "Ana Diaz" are the same name. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Any signed-in staff user: the active colleagues to assign cases, follow-ups and action items to. No emails, except
 * for two people with the same name, whom the pickers must tell apart ("Ana Diaz (ana.diaz@…)").
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: [StaffMemberDto] })
  async list(): Promise<StaffMemberDto[]> {
    const staff = await this.users.activeStaff();
    const counts = new Map<string, number>();
    for (const { name } of staff) counts.set(nameKey(name), (counts.get(nameKey(name)) ?? 0) + 1);
    return staff.map(({ id, name, role, email }) => ({ id, name, role, ...((counts.get(nameKey(name)) ?? 0) > 1 ? { email } : {}) }));
  }
}
