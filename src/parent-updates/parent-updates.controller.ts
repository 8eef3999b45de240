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
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { ParentUpdatePage, ParentUpdateVersionPage } from './dto/parent-update-page';
import {
  EditParentUpdateInput,
  ParentUpdateListQuery,
  RejectParentUpdateInput,
} from './dto/parent-update.input';
import { ParentUpdateVersion } from './parent-update-version.entity';
import { ParentUpdate } from './parent-update.entity';
import { ParentUpdatesService } from './parent-updates.service';

@ApiTags('parent-updates')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class ParentUpdatesController {
  constructor(private readonly updates: ParentUpdatesService) {}

  @AllowParticipant()
  @RequireScope('read')
  @Get('parent-updates')
  @ApiOkResponse({ type: ParentUpdatePage, description: 'Parent updates, newest first.' })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ParentUpdateListQuery,
  ): Promise<Page<ParentUpdate>> {
    return this.updates.list(
      ctx,
      { sessionId: query.sessionId, status: query.status },
      { limit: query.limit, cursor: query.cursor },
    );
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('parent-updates/:id')
  @ApiOkResponse({ type: ParentUpdate })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ParentUpdate> {
    return this.updates.get(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('parent-updates/:id/versions')
  @ApiOkResponse({ type: ParentUpdateVersionPage, description: 'Versions, oldest first.' })
  listVersions(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<ParentUpdateVersion>> {
    return this.updates.listVersions(ctx, id, page);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Patch('parent-updates/:id')
  @ApiOkResponse({ type: ParentUpdate, description: 'The draft with the edit as its new version.' })
  edit(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: EditParentUpdateInput,
  ): Promise<ParentUpdate> {
    return this.updates.edit(ctx, id, input);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Post('parent-updates/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({
    type: ParentUpdate,
    description: 'The approved update with its pending delivery.',
  })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ParentUpdate> {
    return this.updates.approve(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('recaps:write')
  @Post('parent-updates/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: ParentUpdate })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: RejectParentUpdateInput,
  ): Promise<ParentUpdate> {
    return this.updates.reject(ctx, id, input);
  }
}
