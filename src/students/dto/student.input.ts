import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsTimeZone, Length, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../members/dto/member.input';

const EMAIL_MESSAGE = 'email must be a valid email address such as sam@example.com';
const TIME_ZONE_MESSAGE = 'timeZone must be an IANA time zone such as America/New_York';

@InputType()
export class CreateStudentInput {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 320 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 20, example: '7' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  gradeLevel?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'America/New_York' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: TIME_ZONE_MESSAGE })
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 200 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}

/** Fields to change; every field but `name` accepts null to clear it. */
@InputType()
export class UpdateStudentInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 320 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 20 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  gradeLevel?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTimeZone({ message: TIME_ZONE_MESSAGE })
  timeZone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 200 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  externalId?: string | null;
}
