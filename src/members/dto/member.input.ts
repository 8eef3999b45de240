import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import { MEMBER_ROLES, MemberRole, MemberRoleEnum } from '../member.entity';

const ROLE_MESSAGE = `role must be one of: ${MEMBER_ROLES.join(', ')}`;

@InputType()
export class CreateMemberInput {
  @ApiProperty({ enum: MEMBER_ROLES })
  @Field(() => MemberRoleEnum)
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role: MemberRole;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ maxLength: 320, example: 'ada@example.com' })
  @Field()
  @IsEmail({}, { message: 'email must be a valid email address such as ada@example.com' })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/Berlin' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}

/** Passes undefined (field left out) but validates null, so required fields cannot be cleared. */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);

/** Fields to change; `timeZone` and `externalId` accept null to clear them. */
@InputType()
export class UpdateMemberInput {
  @ApiPropertyOptional({ enum: MEMBER_ROLES })
  @Field(() => MemberRoleEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role?: MemberRole;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 320 })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsEmail({}, { message: 'email must be a valid email address such as ada@example.com' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/Berlin' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}

@ArgsType()
export class ListMembersArgs extends PageArgs {
  @Field(() => MemberRoleEnum, { nullable: true, description: 'Only members with this role.' })
  @IsOptional()
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role?: MemberRole;
}

export class ListMembersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEMBER_ROLES, description: 'Only members with this role.' })
  @IsOptional()
  @IsIn(MEMBER_ROLES, { message: ROLE_MESSAGE })
  role?: MemberRole;
}
