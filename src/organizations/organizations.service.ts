import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { ApiKeysService } from './api-keys.service';
import { CreatedOrganization, CreateOrganizationInput } from './dto/create-organization.input';
import { Organization } from './organization.entity';
import { OrganizationErrors } from './organizations.errors';

@Injectable()
export class OrganizationsService {
  private readonly logger = new Logger(OrganizationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async current(ctx: RequestContext): Promise<Organization> {
    const organization = await this.dataSource
      .getRepository(Organization)
      .findOneBy({ id: ctx.organizationId });
    if (!organization) {
      throw notFound('Organization', ctx.organizationId);
    }

    return organization;
  }

  /** Creates a tenant with its first admin key; only the platform organization may do this. */
  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<CreatedOrganization> {
    const caller = await this.current(ctx);
    if (!caller.isPlatform) {
      throw OrganizationErrors.notPlatform();
    }
    const created = await this.createWithAdminKey(input, false);
    this.logger.log({ organizationId: created.organization.id }, 'Organization created');

    return created;
  }

  /**
   * On an empty database, creates the platform organization and an admin key, and returns them
   * so the caller can print the key once. Returns undefined when any organization exists.
   */
  async bootstrap(): Promise<CreatedOrganization | undefined> {
    const count = await this.dataSource.getRepository(Organization).count();
    if (count > 0) {
      return undefined;
    }

    return this.createWithAdminKey({ name: 'Default organization' }, true);
  }

  private createWithAdminKey(
    input: CreateOrganizationInput,
    isPlatform: boolean,
  ): Promise<CreatedOrganization> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(
        manager.create(Organization, { name: input.name, timeZone: input.timeZone ?? 'UTC', isPlatform }),
      );
      const adminKey = await this.apiKeys.create(
        organization.id,
        { name: 'Admin key', scopes: ['admin'] },
        manager,
      );

      return { organization, adminKey };
    });
  }
}
