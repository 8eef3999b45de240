import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RecapActor } from '../recaps/recap-actor';
import { PARENT_UPDATE_VERSION_SOURCES, ParentUpdateVersionSource } from './parent-update-limits';

/** One state of a parent update's subject and body. Versions are never changed; an edit adds one. */
@ObjectType()
@Entity('parent_update_versions')
@Index(['parentUpdateId', 'number'], { unique: true })
export class ParentUpdateVersion {
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
  parentUpdateId: string;

  @ApiProperty({ minimum: 1 })
  @Field(() => Int)
  @Column('integer')
  number: number;

  @ApiProperty({ enum: PARENT_UPDATE_VERSION_SOURCES })
  @Field(() => String, { description: '`generated` by the AI provider, or `edited` by a person.' })
  @Column({ type: 'varchar', length: 16 })
  source: ParentUpdateVersionSource;

  @ApiProperty()
  @Field()
  @Column({ length: 200 })
  subject: string;

  @ApiProperty()
  @Field()
  @Column({ type: 'text' })
  body: string;

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
