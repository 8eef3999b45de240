import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@ObjectType({ description: 'A learner.' })
@Entity('students')
export class Student {
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

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Lower-case email address.' })
  @Field(() => String, { nullable: true, description: 'Lower-case email address.' })
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20, example: '7' })
  @Field(() => String, {
    nullable: true,
    description: 'Grade level as the organization writes it, e.g. "7" or "K".',
  })
  @Column({ type: 'varchar', length: 20, nullable: true })
  gradeLevel: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/New_York' })
  @Field(() => String, { nullable: true, description: 'IANA time zone.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The partner's own id." })
  @Field(() => String, {
    nullable: true,
    description: "The partner's own id, unique within the organization.",
  })
  @Column({ type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
