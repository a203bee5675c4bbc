import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/**
 * UsersService without the sign-in machinery (guard, throttle, controllers): what other libs import to ask about staff
 * (is this an active consultant, whose name is this, who are the leads), in the API and in the worker alike.
 */
@Module({
  imports: [TypeOrmModule.forFeature([User, Session])],
  providers: [UsersService],
  exports: [UsersService],
})
export class StaffDirectoryModule {}
