import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { JoinResult, MediaAccess } from './dto/join-result';
import { AddParticipantInput, JoinSessionDto } from './dto/participant.input';
import { ParticipantSessionView } from './dto/session-page';
import { JoinService } from './join.service';
import { Participant } from './participant.entity';
import { ParticipantsService } from './participants.service';
import { IdempotencyInterceptor } from '../common/idempotency.interceptor';

/** Every participant of a session, in one page because a room holds at most 500 people. */
export class ParticipantList {
  @ApiProperty({ type: [Participant] })
  items: Participant[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the list is complete.' })
  nextCursor: null;
}

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1')
@UseInterceptors(IdempotencyInterceptor)
export class ParticipantsController {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly joins: JoinService,
  ) {}

  @RequireScope('read')
  @Get('sessions/:id/participants')
  @ApiOkResponse({ type: ParticipantList })
  async list(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<ParticipantList> {
    return { items: await this.participants.list(ctx, id), nextCursor: null };
  }

  @RequireScope('sessions:write')
  @Post('sessions/:id/participants')
  @ApiCreatedResponse({ type: Participant })
  add(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() input: AddParticipantInput,
  ): Promise<Participant> {
    return this.participants.addObserver(ctx, id, input);
  }

  @RequireScope('sessions:write')
  @Delete('sessions/:id/participants/:participantId')
  @ApiOkResponse({ type: Participant, description: 'The participant, marked removed.' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Param('participantId', new ParseUuidPipe('participantId')) participantId: string,
  ): Promise<Participant> {
    return this.participants.remove(ctx, id, participantId);
  }

  @RequireScope('sessions:write')
  @Post('sessions/:id/join')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinResult })
  join(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
    @Body() body: JoinSessionDto,
  ): Promise<JoinResult> {
    return this.joins.join(ctx, id, body.participantId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Post('sessions/:id/media-token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Fresh LiveKit access for the calling participant token',
    description:
      'Participant tokens only. Returns the same media object as join, minted anew for the ' +
      'token’s participant, so a client that holds only the participant token can connect ' +
      'video and audio. Removed participants, ended or cancelled sessions and tokens of another ' +
      'session are rejected.',
  })
  @ApiOkResponse({ type: MediaAccess })
  mediaToken(
    @Ctx() ctx: RequestContext,
    @Param('id', new ParseUuidPipe('id')) id: string,
  ): Promise<MediaAccess> {
    return this.joins.participantMedia(ctx, id);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Get('participant/session')
  @ApiOkResponse({ type: ParticipantSessionView })
  participantSession(@Ctx() ctx: RequestContext): Promise<ParticipantSessionView> {
    return this.joins.participantSession(ctx);
  }
}
