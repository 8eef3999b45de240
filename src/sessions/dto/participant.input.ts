import { Field, ID, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

/** An observer to add to a session. Enrolled people are added when the session is created. */
@InputType()
export class AddParticipantInput {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  displayName: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The observing member. The identity becomes `member:<id>`.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The observing member. The identity becomes `member:<id>`.',
  })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'A custom identity when no memberId is given: letters, digits and `:._@-`.',
  })
  @Field({ nullable: true, description: 'A custom identity, when no memberId is given.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9:._@-]+$/, {
    message: 'identity may contain only letters, digits and :._@-',
  })
  identity?: string;
}

export class JoinSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  participantId: string;
}
