import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { notFound } from '../common/app-error';
import { Page, PageRequest, paginate } from '../common/pagination';
import { RequestContext } from '../common/request-context';
import { CreateMemberInput, UpdateMemberInput } from './dto/member.input';
import { Member, MemberRole } from './member.entity';
import { MemberErrors } from './members.errors';

export interface MemberFilter {
  role?: MemberRole;
}

/** The keyset sort value of a member row: its creation time as an ISO string. */
export const memberSortValue = (member: Member): string => member.createdAt.toISOString();

@Injectable()
export class MembersService {
  private readonly logger = new Logger(MembersService.name);

  constructor(@InjectRepository(Member) private readonly members: Repository<Member>) {}

  async create(ctx: RequestContext, input: CreateMemberInput): Promise<Member> {
    const email = input.email.toLowerCase();
    await this.assertUnique(ctx, { email, externalId: input.externalId ?? null });
    const member = await this.members.save(
      this.members.create({
        organizationId: ctx.organizationId,
        role: input.role,
        name: input.name,
        email,
        timeZone: input.timeZone ?? null,
        externalId: input.externalId ?? null,
        deactivatedAt: null,
      }),
    );
    this.logger.log({ organizationId: ctx.organizationId, memberId: member.id }, 'Member created');

    return member;
  }

  async get(ctx: RequestContext, id: string): Promise<Member> {
    const member = await this.members.findOneBy({ id, organizationId: ctx.organizationId });
    if (!member) {
      throw notFound('Member', id);
    }

    return member;
  }

  /**
   * Loads a member who must be active and have the given role, for references such as an
   * enrollment's instructor. `field` names the input field in errors.
   */
  async getActiveWithRole(
    ctx: RequestContext,
    id: string,
    role: MemberRole,
    field: string,
  ): Promise<Member> {
    const member = await this.members.findOneBy({ id, organizationId: ctx.organizationId });
    if (!member) {
      throw notFound('Member', id, field);
    }
    if (member.role !== role) {
      throw MemberErrors.wrongRole(field, id, role, member.role);
    }
    if (member.deactivatedAt) {
      throw MemberErrors.deactivated(field, id);
    }

    return member;
  }

  list(ctx: RequestContext, filter: MemberFilter, page: PageRequest): Promise<Page<Member>> {
    const query = this.members
      .createQueryBuilder('member')
      .where('member.organizationId = :organizationId', { organizationId: ctx.organizationId });
    if (filter.role) {
      query.andWhere('member.role = :role', { role: filter.role });
    }

    return paginate(query, page, {
      sortColumn: 'member.createdAt',
      sortValue: memberSortValue,
      idColumn: 'member.id',
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateMemberInput): Promise<Member> {
    const member = await this.get(ctx, id);
    const email = input.email?.toLowerCase();
    await this.assertUnique(ctx, { email, externalId: input.externalId }, id);
    const changes: Partial<Member> = {
      role: input.role,
      name: input.name,
      email,
      timeZone: input.timeZone,
      externalId: input.externalId,
    };
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    await this.members.update({ id, organizationId: ctx.organizationId }, defined);
    this.logger.log({ organizationId: ctx.organizationId, memberId: id }, 'Member updated');

    return this.get(ctx, member.id);
  }

  /** Deactivates a member; the row stays so past sessions and enrollments keep their instructor. */
  async deactivate(ctx: RequestContext, id: string): Promise<Member> {
    const member = await this.get(ctx, id);
    if (member.deactivatedAt) {
      throw MemberErrors.alreadyDeactivated(id);
    }
    await this.members.update(
      { id, organizationId: ctx.organizationId },
      { deactivatedAt: new Date() },
    );
    this.logger.log({ organizationId: ctx.organizationId, memberId: id }, 'Member deactivated');

    return this.get(ctx, id);
  }

  /** Rejects an email or externalId that another member of the organization already has. */
  private async assertUnique(
    ctx: RequestContext,
    values: { email?: string; externalId?: string | null },
    exceptId?: string,
  ): Promise<void> {
    if (values.email) {
      const existing = await this.members
        .createQueryBuilder('member')
        .where('member.organizationId = :organizationId', { organizationId: ctx.organizationId })
        .andWhere('lower(member.email) = :email', { email: values.email })
        .getOne();
      if (existing && existing.id !== exceptId) {
        throw MemberErrors.emailTaken(values.email);
      }
    }
    if (values.externalId) {
      const existing = await this.members.findOneBy({
        organizationId: ctx.organizationId,
        externalId: values.externalId,
      });
      if (existing && existing.id !== exceptId) {
        throw MemberErrors.externalIdTaken(values.externalId);
      }
    }
  }
}
