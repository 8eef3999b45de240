import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column } from 'typeorm';
import { RequestContext } from '../common/request-context';
import { ACTOR_KINDS, ActorKind } from './recap-limits';

/** The author of a change: an API key, a member, a participant, or HiLink itself (`system`). */
@ObjectType('RecapActor')
export class RecapActor {
  @ApiProperty({ enum: ACTOR_KINDS })
  @Field(() => String, { description: `One of: ${ACTOR_KINDS.join(', ')}.` })
  @Column({ type: 'varchar', length: 16, nullable: true })
  kind: ActorKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Id of the API key, member or participant.',
  })
  @Field(() => String, { nullable: true, description: 'Id of the API key, member or participant.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  id: string | null;
}

/** Returns the actor of a request, for the audit fields of a recap. */
export function actorOf(ctx: RequestContext): RecapActor {
  switch (ctx.actor.kind) {
    case 'api_key':
      return { kind: 'api_key', id: ctx.actor.apiKeyId };
    case 'participant':
      return { kind: 'participant', id: ctx.actor.participantId };
    default:
      return { kind: 'system', id: null };
  }
}
