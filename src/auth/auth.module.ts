import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthGuard } from './auth.guard';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { ParticipantTokenService } from './participant-token.service';

@Global()
@Module({
  imports: [OrganizationsModule],
  providers: [ParticipantTokenService, RateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ParticipantTokenService],
})
export class AuthModule {}
