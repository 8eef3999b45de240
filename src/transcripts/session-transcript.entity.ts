import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The transcript state of one session: a version that increases with every accepted change. */
@ObjectType()
@Entity('session_transcripts')
export class SessionTranscript {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryColumn('uuid')
  sessionId: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({
    minimum: 0,
    description: 'Increases by one with each request that changes the transcript; 0 when empty.',
  })
  @Field(() => Int, {
    description: 'Increases by one with each request that changes the transcript; 0 when empty.',
  })
  @Column('integer', { default: 0 })
  version: number;

  @ApiProperty({ minimum: 0 })
  @Field(() => Int, { description: 'Number of final segments.' })
  @Column('integer', { default: 0 })
  finalSegmentCount: number;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
