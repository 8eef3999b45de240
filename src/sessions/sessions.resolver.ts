import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Ctx, RequireScope } from '../auth/auth.decorators';
import { declarePreloadableFields, setPreloadedField } from '../common/graphql-preloaded';
import { selectedFieldNames } from '../common/graphql-selection';
import { pageFromArgs, toConnection } from '../common/pagination';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { RequestContext } from '../common/request-context';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Room } from '../rooms/room.entity';
import { CreateSessionInput } from './dto/create-session.input';
import { SessionsArgs } from './dto/session-filter';
import { SessionConnection } from './dto/session-page';
import { Participant } from './participant.entity';
import { SessionLoaders } from './session-loaders';
import { SessionPhase } from './session-phase.entity';
import { SessionReader } from './session-reader';
import { Session } from './session.entity';
import { SessionErrors } from './sessions.errors';
import { sessionSortValue, SessionsService } from './sessions.service';

const sessionId = () => new ParseUuidPipe('id');

declarePreloadableFields('Session', 'room', 'participants');

@Resolver(() => Session)
export class SessionsResolver {
  constructor(
    private readonly sessionsService: SessionsService,
    private readonly loaders: SessionLoaders,
    private readonly reader: SessionReader,
  ) {}

  /** Reads the room and participants in the session's own statement when the query selects them. */
  @RequireScope('read')
  @Query(() => Session)
  async session(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, sessionId()) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Session> {
    const fields = selectedFieldNames(info);
    const view = await this.reader.read(ctx, id, {
      room: fields.has('room'),
      participants: fields.has('participants'),
    });
    if (!view) {
      throw SessionErrors.notFound(id);
    }
    if (view.room) {
      setPreloadedField(view.session, 'room', view.room);
    }
    if (view.participants) {
      setPreloadedField(view.session, 'participants', view.participants);
    }

    return view.session;
  }

  @RequireScope('read')
  @Query(() => SessionConnection)
  async sessions(
    @Ctx() ctx: RequestContext,
    @Args() args: SessionsArgs,
  ): Promise<SessionConnection> {
    const page = await this.sessionsService.list(ctx, args, pageFromArgs(args));

    return toConnection(page, sessionSortValue);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session)
  createSession(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateSessionInput,
  ): Promise<Session> {
    return this.sessionsService.create(ctx, input);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session)
  startSession(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, sessionId()) id: string,
  ): Promise<Session> {
    return this.sessionsService.start(ctx, id);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session)
  endSession(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, sessionId()) id: string,
  ): Promise<Session> {
    return this.sessionsService.end(ctx, id);
  }

  @RequireScope('sessions:write')
  @Mutation(() => Session)
  cancelSession(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }, sessionId()) id: string,
  ): Promise<Session> {
    return this.sessionsService.cancel(ctx, id);
  }

  @ResolveField(() => Room)
  async room(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<Room> {
    const room = await this.loaders.for(ctx).room.load(session.roomId);
    if (!room) {
      throw SessionErrors.notFound(session.id);
    }

    return room;
  }

  @ResolveField(() => [SessionPhase], { description: 'The lesson plan, in order.' })
  phases(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<SessionPhase[]> {
    return this.loaders.for(ctx).phases.load(session.id);
  }

  @ResolveField(() => [Participant])
  participants(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<Participant[]> {
    return this.loaders.for(ctx).participants.load(session.id);
  }

  @ResolveField(() => [ID], { description: 'Ids of the enrollments this session teaches.' })
  enrollmentIds(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<string[]> {
    return this.loaders.for(ctx).enrollmentIds.load(session.id);
  }

  @ResolveField(() => [Enrollment], { description: 'The enrollments this session teaches.' })
  enrollments(@Ctx() ctx: RequestContext, @Parent() session: Session): Promise<Enrollment[]> {
    return this.loaders.for(ctx).enrollments.load(session.id);
  }
}
