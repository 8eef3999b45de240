import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Exclude } from 'class-transformer';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { API_SCOPES, ApiScope } from '../common/request-context';

@ObjectType()
@Entity('api_keys')
export class ApiKey {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @ApiProperty()
  @Field()
  @Column({ length: 100 })
  name: string;

  @ApiProperty({ description: 'The public start of the key, safe to show: `hlk_<prefix>`.' })
  @Field({ description: 'The public start of the key, safe to show: `hlk_<prefix>`.' })
  @Index({ unique: true })
  @Column({ length: 32 })
  prefix: string;

  /** SHA-256 of the whole key, hex; the key itself is never stored. */
  @Exclude()
  @Column({ length: 64 })
  secretHash: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true })
  @Field(() => [String])
  @Column('text', { array: true })
  scopes: ApiScope[];

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiPropertyOptional()
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @ApiPropertyOptional()
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
