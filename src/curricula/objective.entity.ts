import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A coded learning objective (a standard) of a curriculum.' })
@Entity('objectives')
export class Objective {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @Column('uuid')
  curriculumId: string;

  @ApiProperty({ example: '6.RP.A.1', description: 'Unique within the curriculum.' })
  @Field({ description: 'Unique within the curriculum, e.g. 6.RP.A.1.' })
  @Column({ length: 50 })
  code: string;

  @ApiProperty({ maxLength: 300 })
  @Field()
  @Column({ length: 300 })
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '6' })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  grade: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Ratios and Proportional Relationships',
  })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  domain: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '6.RP' })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  domainCode: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  cluster: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '6.RP.A' })
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  clusterCode: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'major' })
  @Field(() => String, {
    nullable: true,
    description: 'Emphasis of the cluster, e.g. major, supporting, additional.',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  clusterEmphasis: string | null;

  @ApiProperty({ description: 'Zero-based order within the curriculum.' })
  @Field(() => Int, { description: 'Zero-based order within the curriculum.' })
  @Column('int')
  position: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Code of the parent objective in this curriculum.',
  })
  @Field(() => String, {
    nullable: true,
    description: 'Code of the parent objective in this curriculum.',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  parentCode: string | null;

  @ApiProperty({
    type: [String],
    description:
      'Codes of objectives that lead into this one; they may be outside this curriculum.',
  })
  @Field(() => [String], {
    description:
      'Codes of objectives that lead into this one; they may be outside this curriculum.',
  })
  @Column('text', { array: true })
  prerequisiteCodes: string[];

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
