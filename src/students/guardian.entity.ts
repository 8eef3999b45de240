import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@ObjectType({ description: 'An adult who receives updates about one or more students.' })
@Entity('guardians')
export class Guardian {
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

  @ApiProperty({ description: 'Lower-case email address that receives parent updates.' })
  @Field({ description: 'Lower-case email address that receives parent updates.' })
  @Column({ length: 320 })
  email: string;

  @ApiProperty({ example: 'pt-BR', description: 'BCP 47 language tag for parent updates.' })
  @Field({ description: 'BCP 47 language tag for parent updates, e.g. en, es, pt-BR.' })
  @Column({ length: 35 })
  preferredLanguage: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: 'mother' })
  @Field(() => String, {
    nullable: true,
    description: 'Relationship to the students, e.g. mother.',
  })
  @Column({ type: 'varchar', length: 50, nullable: true })
  relationship: string | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
