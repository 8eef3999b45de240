import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@ObjectType({ description: 'A plan of learning objectives, ordered and coded.' })
@Entity('curricula')
export class Curriculum {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Mathematics' })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  subject: string | null;

  @ApiProperty({ type: [String], example: ['6', '7', '8'] })
  @Field(() => [String])
  @Column('text', { array: true })
  gradeLevels: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Who publishes the objectives.',
  })
  @Field(() => String, { nullable: true, description: 'Who publishes the objectives.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  source: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'License identifier, e.g. CC-BY-4.0.',
  })
  @Field(() => String, { nullable: true, description: 'License identifier, e.g. CC-BY-4.0.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  license: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Copyright notice to show with the objectives.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Copyright notice to show with the objectives.',
  })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  licenseNotice: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  licenseUrl: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 2000, nullable: true })
  sourceUrl: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
