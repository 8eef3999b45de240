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
import { Page, PageQueryDto } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { RecapPage, RecapVersionPage } from './dto/recap-page';
import { EditRecapInput, RejectRecapInput } from './dto/recap-review.input';
import { SessionRecap } from './dto/session-recap';
import { RecapReviewService } from './recap-review.service';
import { RecapVersion } from './recap-version.entity';
import { Recap } from './recap.entity';
import { RecapsService } from './recaps.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('recaps')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class RecapsController {
  constructor(
    private readonly recaps: RecapsService,
    private readonly review: RecapReviewService,
  ) {}

  @RequireScope('read')
  @Get('sessions/:id/recap')
  @ApiOkResponse({
    type: SessionRecap,
    description: 'The session’s recaps by review state; only `approved` is final.',
  })
  overview(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionRecap> {
    return this.recaps.overviewForSession(ctx, id);
  }

  @RequireScope('read')
  @Get('sessions/:id/recaps')
  @ApiOkResponse({
    type: RecapPage,
    description: 'Every recap of the session, newest first, drafts included.',
  })
  listForSession(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<Recap>> {
    return this.recaps.listForSession(ctx, id, page);
  }

  @RequireScope('recaps:write')
  @Post('sessions/:id/recaps')
  @ApiCreatedResponse({
    type: Recap,
    description: 'The pending recap; poll it until it is a draft or failed.',
  })
  request(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Recap> {
    return this.recaps.request(ctx, id);
  }

  @RequireScope('read')
  @Get('recaps/:id')
  @ApiOkResponse({ type: Recap })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Recap> {
    return this.recaps.get(ctx, id);
  }

  @RequireScope('read')
  @Get('recaps/:id/versions')
  @ApiOkResponse({ type: RecapVersionPage, description: 'Versions of the recap, oldest first.' })
  listVersions(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<RecapVersion>> {
    return this.recaps.listVersions(ctx, id, page);
  }

  @RequireScope('recaps:write')
  @Patch('recaps/:id')
  @ApiOkResponse({
    type: Recap,
    description: 'The recap with the edited content as its new current version.',
  })
  edit(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: EditRecapInput,
  ): Promise<Recap> {
    return this.review.edit(ctx, id, input);
  }

  @RequireScope('recaps:write')
  @Post('recaps/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: Recap, description: 'The approved recap; its session is now documented.' })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Recap> {
    return this.review.approve(ctx, id);
  }

  @RequireScope('recaps:write')
  @Post('recaps/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: Recap })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: RejectRecapInput,
  ): Promise<Recap> {
    return this.review.reject(ctx, id, input);
  }
}
