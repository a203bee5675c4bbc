export { CurrentUser, Public, Roles } from './auth.decorators.js';
export { requestCredentials, type Credentials } from './credentials.js';
export { SESSION_COOKIE } from './session-cookie.js';
export { AuthService, type AuthenticatedUser } from './auth.service.js';
export { hashPassword } from './password.js';
export { USER_ROLES, type UserRole } from './user-role.js';
export { StaffDirectoryModule } from './staff-directory.module.js';
export { UsersModule } from './users.module.js';
export { UsersService, type StaffRef } from './users.service.js';
