import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const MEMBER_ROLES = ['admin', 'operations', 'instructor'] as const;

export type MemberRole = (typeof MEMBER_ROLES)[number];

/** GraphQL enum whose values equal the stored strings, so both surfaces use the same role names. */
export const MemberRoleEnum = Object.fromEntries(MEMBER_ROLES.map((role) => [role, role])) as {
  [K in MemberRole]: K;
};

registerEnumType(MemberRoleEnum, { name: 'MemberRole', description: 'What a staff member does.' });

@ObjectType({ description: 'A staff member of an organization.' })
@Entity('members')
export class Member {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ApiProperty({ enum: MEMBER_ROLES })
  @Field(() => MemberRoleEnum)
  @Column({ type: 'varchar', length: 20 })
  role: MemberRole;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @Column({ length: 200 })
  name: string;

  @ApiProperty({ description: 'Lower-case email address, unique within the organization.' })
  @Field({ description: 'Lower-case email address, unique within the organization.' })
  @Column({ length: 320 })
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/Berlin' })
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

  @ApiPropertyOptional({ type: Date, nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'When the member was deactivated; null while active.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @ApiProperty()
  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ApiProperty()
  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
