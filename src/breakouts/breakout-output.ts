import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GraphQLJSONObject } from 'graphql-type-json';

/** One member of a group as it was when the group closed. */
@ObjectType()
export class BreakoutOutputMember {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiProperty()
  @Field()
  displayName: string;
}

/** One help request made in a group. */
@ObjectType()
export class BreakoutHelpRequest {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  participantId: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  message: string | null;

  @ApiProperty()
  @Field()
  requestedAt: Date;
}

/** Responses to the group's linked activity from the group's members. */
@ObjectType()
export class BreakoutActivitySummary {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  activityId: string;

  @ApiProperty({ description: 'Responses from the group’s members.' })
  @Field(() => Int, { description: 'Responses from the group’s members.' })
  responseCount: number;

  @ApiProperty({ description: 'Members who responded at least once.' })
  @Field(() => Int, { description: 'Members who responded at least once.' })
  respondentCount: number;

  @ApiProperty({ description: 'Responses marked correct; 0 for a poll.' })
  @Field(() => Int, { description: 'Responses marked correct; 0 for a poll.' })
  correctCount: number;
}

/** The work of a group, stored when it closes and kept with the session. */
@ObjectType()
export class BreakoutGroupOutput {
  @ApiProperty({ type: [BreakoutOutputMember] })
  @Field(() => [BreakoutOutputMember])
  members: BreakoutOutputMember[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The snapshot of the group’s board, when it has one.',
  })
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The snapshot of the group’s board, when it has one.',
  })
  board: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: BreakoutActivitySummary, nullable: true })
  @Field(() => BreakoutActivitySummary, { nullable: true })
  activity: BreakoutActivitySummary | null;

  @ApiProperty({ type: [BreakoutHelpRequest] })
  @Field(() => [BreakoutHelpRequest])
  helpRequests: BreakoutHelpRequest[];
}

/** Restores the dates of a group output read from its jsonb column or from the pub/sub. */
export function reviveOutput(output: BreakoutGroupOutput | null): BreakoutGroupOutput | null {
  if (!output) {
    return null;
  }

  return Object.assign(new BreakoutGroupOutput(), output, {
    helpRequests: (output.helpRequests ?? []).map((request) =>
      Object.assign(new BreakoutHelpRequest(), request, {
        requestedAt: new Date(request.requestedAt),
      }),
    ),
  });
}
