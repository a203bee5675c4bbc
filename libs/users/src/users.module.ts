import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@ta/mail';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';
import { StaffController } from './staff.controller.js';
import { StaffDirectoryModule } from './staff-directory.module.js';
import { UsersController } from './users.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session]), StaffDirectoryModule, MailModule],
  controllers: [AuthController, UsersController, StaffController],
  providers: [AuthService, LoginThrottle, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [StaffDirectoryModule, AuthService],
})
export class UsersModule {}
