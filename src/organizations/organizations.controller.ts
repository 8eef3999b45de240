import { Body, Controller, Get, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyInput, CreatedApiKey } from './dto/create-api-key.input';
import { CreatedOrganization, CreateOrganizationInput } from './dto/create-organization.input';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  @RequireScope('read')
  @Get('organization')
  @ApiOkResponse({ type: Organization })
  current(@Ctx() ctx: RequestContext): Promise<Organization> {
    return this.organizations.current(ctx);
  }

  @Post('organizations')
  @ApiCreatedResponse({ type: CreatedOrganization })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateOrganizationInput): Promise<CreatedOrganization> {
    return this.organizations.create(ctx, input);
  }

  @Get('api-keys')
  @ApiOkResponse({ type: [ApiKey] })
  listKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return this.apiKeys.list(ctx);
  }

  @Post('api-keys')
  @ApiCreatedResponse({ type: CreatedApiKey })
  createKey(@Ctx() ctx: RequestContext, @Body() input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return this.apiKeys.create(ctx.organizationId, input);
  }

  @Post('api-keys/:id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKey })
  revokeKey(@Ctx() ctx: RequestContext, @Param('id', new ParseUuidPipe('id')) id: string): Promise<ApiKey> {
    return this.apiKeys.revoke(ctx, id);
  }
}
