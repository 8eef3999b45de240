import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CreateGuardianInput, UpdateGuardianInput } from './dto/guardian.input';
import { canonicalLanguageTag } from './dto/language-tag';
import { Guardian } from './guardian.entity';

export const guardianSortValue = (guardian: Guardian): string => guardian.createdAt.toISOString();

const DEFAULT_LANGUAGE = 'en';

@Injectable()
export class GuardiansService {
  private readonly logger = new Logger(GuardiansService.name);

  constructor(@InjectRepository(Guardian) private readonly guardians: Repository<Guardian>) {}

  async create(ctx: RequestContext, input: CreateGuardianInput): Promise<Guardian> {
    const guardian = await this.guardians.save(
      this.guardians.create({
        organizationId: ctx.organizationId,
        name: input.name,
        email: input.email.toLowerCase(),
        preferredLanguage: canonicalLanguageTag(input.preferredLanguage) ?? DEFAULT_LANGUAGE,
        relationship: input.relationship ?? null,
      }),
    );
    this.logger.log(
      { organizationId: ctx.organizationId, guardianId: guardian.id },
      'Guardian created',
    );

    return guardian;
  }

  async get(ctx: RequestContext, id: string, field = 'id'): Promise<Guardian> {
    const guardian = await this.guardians.findOneBy({ id, organizationId: ctx.organizationId });
    if (!guardian) {
      throw notFound('Guardian', id, field);
    }

    return guardian;
  }

  list(ctx: RequestContext, page: PageRequest): Promise<Page<Guardian>> {
    const query = this.guardians
      .createQueryBuilder('guardian')
      .where('guardian.organizationId = :organizationId', { organizationId: ctx.organizationId });

    return paginate(query, page, {
      sortColumn: 'guardian.createdAt',
      sortValue: guardianSortValue,
      idColumn: 'guardian.id',
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateGuardianInput): Promise<Guardian> {
    await this.get(ctx, id);
    const changes: Partial<Guardian> = {
      name: input.name,
      email: input.email?.toLowerCase(),
      preferredLanguage: canonicalLanguageTag(input.preferredLanguage),
      relationship: input.relationship,
    };
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    await this.guardians.update({ id, organizationId: ctx.organizationId }, defined);
    this.logger.log({ organizationId: ctx.organizationId, guardianId: id }, 'Guardian updated');

    return this.get(ctx, id);
  }
}
