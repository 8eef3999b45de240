import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { RequestContext } from '../common/request-context';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyInput, CreatedApiKey } from './dto/create-api-key.input';
import { CreatedOrganization, CreateOrganizationInput } from './dto/create-organization.input';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  @RequireScope('read')
  @Query(() => Organization, { description: "The caller's organization." })
  organization(@Ctx() ctx: RequestContext): Promise<Organization> {
    return this.organizations.current(ctx);
  }

  @Mutation(() => CreatedOrganization)
  createOrganization(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<CreatedOrganization> {
    return this.organizations.create(ctx, input);
  }

  @Query(() => [ApiKey], { name: 'apiKeys' })
  listApiKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return this.apiKeys.list(ctx);
  }

  @Mutation(() => CreatedApiKey)
  async createApiKey(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return this.apiKeys.create(ctx.organizationId, input);
  }

  @Mutation(() => ApiKey)
  revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ): Promise<ApiKey> {
    return this.apiKeys.revoke(ctx, id);
  }
}
