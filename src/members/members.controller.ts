import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { Page } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateMemberInput, ListMembersQuery, UpdateMemberInput } from './dto/member.input';
import { MemberPage } from './dto/member-page';
import { Member } from './member.entity';
import { MembersService } from './members.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('members')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @RequireScope('write')
  @Post('members')
  @ApiCreatedResponse({ type: Member })
  create(@Ctx() ctx: RequestContext, @Body() input: CreateMemberInput): Promise<Member> {
    return this.members.create(ctx, input);
  }

  @RequireScope('read')
  @Get('members')
  @ApiOkResponse({ type: MemberPage })
  list(@Ctx() ctx: RequestContext, @Query() query: ListMembersQuery): Promise<Page<Member>> {
    return this.members.list(ctx, { role: query.role }, query);
  }

  @RequireScope('read')
  @Get('members/:id')
  @ApiOkResponse({ type: Member })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Member> {
    return this.members.get(ctx, id);
  }

  @RequireScope('write')
  @Patch('members/:id')
  @ApiOkResponse({ type: Member })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: UpdateMemberInput,
  ): Promise<Member> {
    return this.members.update(ctx, id, input);
  }

  @RequireScope('write')
  @Post('members/:id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: Member })
  deactivate(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Member> {
    return this.members.deactivate(ctx, id);
  }
}
