import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DRAW_POLICIES, DrawPolicy } from './whiteboard-limits';

export const DrawPolicyEnum = Object.fromEntries(
  DRAW_POLICIES.map((policy) => [policy, policy]),
) as {
  [K in DrawPolicy]: K;
};
registerEnumType(DrawPolicyEnum, {
  name: 'BoardDrawPolicy',
  description:
    'Which students may draw: everyone, instructor_only (no student), or selected (the listed participants). ' +
    'Instructors and API keys always may.',
});

/** PostgreSQL returns bigint as a string; board sequences stay far below 2^53. */
export const bigintToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** A shared whiteboard of a session, or of one breakout group in it. */
@ObjectType()
@Entity('boards')
export class Board {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Exclude()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  sessionId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The breakout group this board belongs to; null for the session’s main board.',
  })
  @Field(() => ID, {
    nullable: true,
    description: 'The breakout group this board belongs to; null for the session’s main board.',
  })
  @Column({ type: 'uuid', nullable: true })
  breakoutGroupId: string | null;

  @ApiProperty({ maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  title: string;

  @ApiProperty({ enum: DRAW_POLICIES })
  @Field(() => DrawPolicyEnum)
  @Column({ type: 'varchar', length: 16, default: 'everyone' })
  drawPolicy: DrawPolicy;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Who may draw under drawPolicy selected.',
  })
  @Field(() => [ID], { description: 'Who may draw under drawPolicy selected.' })
  @Column('uuid', { array: true, default: () => "'{}'" })
  selectedParticipantIds: string[];

  @ApiProperty({ description: 'true freezes the board for students.' })
  @Field({ description: 'true freezes the board for students.' })
  @Column({ default: false })
  locked: boolean;

  @ApiProperty({ description: 'Sequence number of the last operation; 0 before the first.' })
  @Field(() => Int, { description: 'Sequence number of the last operation; 0 before the first.' })
  @Column({ type: 'bigint', default: 0, transformer: bigintToNumber })
  sequence: number;

  @ApiProperty({ description: 'Elements on the board that are not deleted.' })
  @Field(() => Int, { description: 'Elements on the board that are not deleted.' })
  @Column('integer', { default: 0 })
  elementCount: number;

  @ApiProperty({ description: 'Bytes of the properties of those elements, as JSON.' })
  @Field(() => Int, { description: 'Bytes of the properties of those elements, as JSON.' })
  @Column('integer', { default: 0 })
  byteSize: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdByParticipantId: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdByApiKeyId: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
