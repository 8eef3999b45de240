import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AuthGuard } from './auth.guard';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { GraphQLIdempotencyPlugin } from './graphql-idempotency.plugin';
import { ParticipantTokenService } from './participant-token.service';

@Global()
@Module({
  imports: [OrganizationsModule],
  providers: [
    ParticipantTokenService,
    RateLimiter,
    GraphQLIdempotencyPlugin,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ParticipantTokenService],
})
export class AuthModule {}
