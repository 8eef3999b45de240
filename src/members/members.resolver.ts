import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateMemberInput, ListMembersArgs, UpdateMemberInput } from './dto/member.input';
import { MemberConnection } from './dto/member-page';
import { Member } from './member.entity';
import { MembersService, memberSortValue } from './members.service';

@Resolver(() => Member)
export class MembersResolver {
  constructor(private readonly members: MembersService) {}

  @RequireScope('read')
  @Query(() => Member)
  member(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.members.get(ctx, id);
  }

  @RequireScope('read')
  @Query(() => MemberConnection, { name: 'members' })
  async listMembers(@Ctx() ctx: RequestContext, @Args() args: ListMembersArgs) {
    const page = await this.members.list(ctx, { role: args.role }, pageFromArgs(args));

    return toConnection(page, memberSortValue);
  }

  @RequireScope('write')
  @Mutation(() => Member)
  createMember(@Ctx() ctx: RequestContext, @Args('input') input: CreateMemberInput) {
    return this.members.create(ctx, input);
  }

  @RequireScope('write')
  @Mutation(() => Member)
  updateMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
    @Args('input') input: UpdateMemberInput,
  ) {
    return this.members.update(ctx, id, input);
  }

  @RequireScope('write')
  @Mutation(() => Member, { description: 'Deactivates a member; the record is kept.' })
  deactivateMember(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, new ParseUuidPipe('id')) id: string,
  ) {
    return this.members.deactivate(ctx, id);
  }
}
