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
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Job } from '../jobs/job.entity';
import { BriefsService } from './briefs.service';
import { SessionBriefVersionPage } from './dto/brief-page';
import { EditSessionBriefInput, RejectSessionBriefInput } from './dto/brief.input';
import { SessionBrief, SessionBriefVersion } from './session-brief.entity';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class BriefsController {
  constructor(private readonly briefs: BriefsService) {}

  @RequireScope('read')
  @Get('sessions/:id/brief')
  @ApiOkResponse({ type: SessionBrief, description: 'The session’s newest brief; 404 when none exists yet.' })
  latest(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionBrief> {
    return this.briefs.requireLatestForSession(ctx, id);
  }

  @RequireScope('recaps:write')
  @Post('sessions/:id/brief')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: Job,
    description:
      'The job that drafts the brief now; poll GET /v1/jobs/{id}, then read GET /v1/sessions/{id}/brief. ' +
      'While one is queued or running, the same job is returned.',
  })
  request(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Job> {
    return this.briefs.request(ctx, id);
  }

  @RequireScope('read')
  @Get('briefs/:id')
  @ApiOkResponse({ type: SessionBrief })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionBrief> {
    return this.briefs.get(ctx, id);
  }

  @RequireScope('read')
  @Get('briefs/:id/versions')
  @ApiOkResponse({ type: SessionBriefVersionPage, description: 'Versions, oldest first.' })
  listVersions(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<SessionBriefVersion>> {
    return this.briefs.listVersions(ctx, id, page);
  }

  @RequireScope('recaps:write')
  @Patch('briefs/:id')
  @ApiOkResponse({ type: SessionBrief, description: 'The draft with the edit as its new version.' })
  edit(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: EditSessionBriefInput,
  ): Promise<SessionBrief> {
    return this.briefs.edit(ctx, id, input);
  }

  @RequireScope('recaps:write')
  @Post('briefs/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionBrief })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionBrief> {
    return this.briefs.approve(ctx, id);
  }

  @RequireScope('recaps:write')
  @Post('briefs/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionBrief })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: RejectSessionBriefInput,
  ): Promise<SessionBrief> {
    return this.briefs.reject(ctx, id, input);
  }
}
