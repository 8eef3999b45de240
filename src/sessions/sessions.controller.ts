import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { CreateSessionInput } from './dto/create-session.input';
import { SessionsQueryDto } from './dto/session-filter';
import { SessionDetails, SessionPage } from './dto/session-page';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @RequireScope('sessions:write')
  @Post('sessions')
  @ApiCreatedResponse({ type: SessionDetails })
  async create(
    @Ctx() ctx: RequestContext,
    @Body() input: CreateSessionInput,
  ): Promise<SessionDetails> {
    const session = await this.sessions.create(ctx, input);

    return this.details(ctx, session.id);
  }

  @RequireScope('read')
  @Get('sessions')
  @ApiOkResponse({ type: SessionPage })
  list(@Ctx() ctx: RequestContext, @Query() query: SessionsQueryDto): Promise<SessionPage> {
    return this.sessions.list(ctx, query, query);
  }

  @RequireScope('read')
  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionDetails })
  get(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<SessionDetails> {
    return this.details(ctx, id);
  }

  @RequireScope('sessions:write')
  @Post('sessions/:id/start')
  @HttpCode(200)
  @ApiOkResponse({ type: Session })
  start(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Session> {
    return this.sessions.start(ctx, id);
  }

  @RequireScope('sessions:write')
  @Post('sessions/:id/end')
  @HttpCode(200)
  @ApiOkResponse({ type: Session })
  end(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Session> {
    return this.sessions.end(ctx, id);
  }

  @RequireScope('sessions:write')
  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: Session })
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<Session> {
    return this.sessions.cancel(ctx, id);
  }

  private async details(ctx: RequestContext, id: string): Promise<SessionDetails> {
    const { session, phases, enrollmentIds } = await this.sessions.getWithRelations(ctx, id);

    return Object.assign(new SessionDetails(), session, { phases, enrollmentIds });
  }
}
