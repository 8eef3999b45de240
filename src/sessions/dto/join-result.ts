import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Participant } from '../participant.entity';

/** Connection details for the session's audio and video, or the reason they are unavailable. */
@ObjectType()
export class MediaAccess {
  @ApiProperty()
  @Field()
  available: boolean;

  @ApiPropertyOptional({ description: 'Why media is unavailable.' })
  @Field(() => String, { nullable: true, description: 'Why media is unavailable.' })
  reason?: string;

  @ApiPropertyOptional({ description: 'LiveKit server URL to connect to.' })
  @Field(() => String, { nullable: true, description: 'LiveKit server URL to connect to.' })
  url?: string;

  @ApiPropertyOptional({ description: 'LiveKit access token (JWT).' })
  @Field(() => String, { nullable: true, description: 'LiveKit access token (JWT).' })
  token?: string;

  @ApiPropertyOptional()
  @Field(() => String, { nullable: true })
  roomName?: string;
}

@ObjectType()
export class JoinResult {
  @ApiProperty({ type: Participant })
  @Field(() => Participant)
  participant: Participant;

  @ApiProperty({ description: 'HiLink participant token (hlp_...) for this session and identity.' })
  @Field({ description: 'HiLink participant token (hlp_...) for this session and identity.' })
  participantToken: string;

  @ApiProperty({ description: 'Seconds both tokens stay valid.' })
  @Field(() => Int, { description: 'Seconds both tokens stay valid.' })
  expiresInSeconds: number;

  @ApiProperty()
  @Field()
  expiresAt: Date;

  @ApiProperty({ type: MediaAccess })
  @Field(() => MediaAccess)
  media: MediaAccess;
}
