import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowParticipant, Ctx, RequireScope } from '../auth/auth.decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { JoinResult, MediaAccess } from './dto/join-result';
import { AddParticipantInput } from './dto/participant.input';
import { ParticipantSessionView } from './dto/session-page';
import { JoinService } from './join.service';
import { Participant } from './participant.entity';
import { ParticipantsService } from './participants.service';

@Resolver(() => Participant)
export class ParticipantsResolver {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly joins: JoinService,
  ) {}

  @RequireScope('sessions:write')
  @Mutation(() => Participant, { description: 'Adds an observer to a scheduled or live session.' })
  addParticipant(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
    @Args('input') input: AddParticipantInput,
  ): Promise<Participant> {
    return this.participants.addObserver(ctx, sessionId, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Participant, {
    description: 'Marks a participant removed, so they get no new join tokens.',
  })
  removeParticipant(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
    @Args('participantId', { type: () => ID }, new ParseUuidPipe('participantId'))
    participantId: string,
  ): Promise<Participant> {
    return this.participants.remove(ctx, sessionId, participantId);
  }

  @RequireScope('sessions:write')
  @Mutation(() => JoinResult, { description: 'Issues join tokens for one participant.' })
  joinSession(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
    @Args('participantId', { type: () => ID }, new ParseUuidPipe('participantId'))
    participantId: string,
  ): Promise<JoinResult> {
    return this.joins.join(ctx, sessionId, participantId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Mutation(() => MediaAccess, {
    description:
      'Mints fresh LiveKit access for the participant of the calling participant token, as ' +
      'joinSession does. Participant tokens only.',
  })
  issueMediaToken(
    @Ctx() ctx: RequestContext,
    @Args('sessionId', { type: () => ID }, new ParseUuidPipe('sessionId')) sessionId: string,
  ): Promise<MediaAccess> {
    return this.joins.participantMedia(ctx, sessionId);
  }

  @AllowParticipant()
  @RequireScope('read')
  @Query(() => ParticipantSessionView, {
    description: 'The session of the calling participant token.',
  })
  participantSession(@Ctx() ctx: RequestContext): Promise<ParticipantSessionView> {
    return this.joins.participantSession(ctx);
  }
}
