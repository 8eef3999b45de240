import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType()
@Entity('organizations')
export class Organization {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ApiProperty()
  @Field()
  @Column({ length: 200 })
  name: string;

  @ApiProperty({ description: 'IANA time zone used when a session does not name one.' })
  @Field()
  @Column({ length: 64, default: 'UTC' })
  timeZone: string;

  @ApiProperty({ description: 'Whether this organization may create other organizations.' })
  @Field({ description: 'Whether this organization may create other organizations.' })
  @Column({ default: false })
  isPlatform: boolean;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
