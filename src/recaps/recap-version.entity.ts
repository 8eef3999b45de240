import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecapActor } from './recap-actor';
import { RecapContent } from './recap-content';
import { RECAP_VERSION_SOURCES, RecapVersionSource } from './recap-limits';

export const RecapVersionSourceEnum = Object.fromEntries(
  RECAP_VERSION_SOURCES.map((s) => [s, s]),
) as {
  [K in RecapVersionSource]: K;
};

registerEnumType(RecapVersionSourceEnum, {
  name: 'RecapVersionSource',
  description: '`generated` by the AI provider, or `edited` by a person.',
});

/** One state of a recap's content. Versions are never changed or deleted; an edit adds one. */
@ObjectType()
@Entity('recap_versions')
@Index(['recapId', 'number'], { unique: true })
export class RecapVersion {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  recapId: string;

  @ApiProperty({ minimum: 1, description: '1 for the generated draft, then one more per edit.' })
  @Field(() => Int, { description: '1 for the generated draft, then one more per edit.' })
  @Column('integer')
  number: number;

  @ApiProperty({ enum: RECAP_VERSION_SOURCES })
  @Field(() => RecapVersionSourceEnum)
  @Column({ type: 'varchar', length: 16 })
  source: RecapVersionSource;

  @ApiProperty({ type: RecapContent })
  @Field(() => RecapContent)
  @Column('jsonb')
  content: RecapContent;

  @ApiProperty({
    type: RecapActor,
    description: 'Who wrote this version; `system` for a generated one.',
  })
  @Field(() => RecapActor, { description: 'Who wrote this version; `system` for a generated one.' })
  @Column(() => RecapActor, { prefix: 'editor' })
  editor: RecapActor;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
