import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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
    return this.dataSource.transaction(async (manager) => {
      // Replicas that start together on an empty database take turns, so only one creates it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('hilink:bootstrap'))`);
      if ((await manager.count(Organization)) > 0) {
        return undefined;
      }

      return this.createWithAdminKey({ name: 'Default organization' }, true, manager);
    });
  }

  private createWithAdminKey(
    input: CreateOrganizationInput,
    isPlatform: boolean,
    outer?: EntityManager,
  ): Promise<CreatedOrganization> {
    const run = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
      outer ? work(outer) : this.dataSource.transaction(work);

    return run(async (manager) => {
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
