import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Recap } from '../recap.entity';

/**
 * The recaps of one session by review state, in separate fields so that a client cannot show
 * a draft as the final record: only `approved` contains a final recap.
 */
@ObjectType()
export class SessionRecap {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiPropertyOptional({
    type: Recap,
    nullable: true,
    description: 'The latest approved recap: the final record.',
  })
  @Field(() => Recap, {
    nullable: true,
    description: 'The latest approved recap: the final record.',
  })
  approved: Recap | null;

  @ApiPropertyOptional({
    type: Recap,
    nullable: true,
    description: 'The latest draft awaiting review; not final.',
  })
  @Field(() => Recap, {
    nullable: true,
    description: 'The latest draft awaiting review; not final.',
  })
  draft: Recap | null;

  @ApiPropertyOptional({
    type: Recap,
    nullable: true,
    description: 'The recap being generated now, if any.',
  })
  @Field(() => Recap, { nullable: true, description: 'The recap being generated now, if any.' })
  inProgress: Recap | null;

  @ApiPropertyOptional({
    type: Recap,
    nullable: true,
    description:
      'The newest recap when its generation failed (see failureReason); null once a newer one exists.',
  })
  @Field(() => Recap, {
    nullable: true,
    description:
      'The newest recap when its generation failed (see failureReason); null once a newer one exists.',
  })
  failed: Recap | null;
}
