import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsOptionalNotNull } from '../../members/dto/member.input';
import { IsLanguageTag } from './language-tag';

const EMAIL_MESSAGE = 'email must be a valid email address such as parent@example.com';

@InputType()
export class CreateGuardianInput {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ maxLength: 320, example: 'parent@example.com' })
  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: 'pt-BR', default: 'en', description: 'BCP 47 language tag.' })
  @Field({
    nullable: true,
    description: 'BCP 47 language tag such as en, es or pt-BR; default en.',
  })
  @IsOptional()
  @IsLanguageTag()
  preferredLanguage?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 50,
    example: 'mother',
  })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  relationship?: string | null;
}

/** Fields to change; `relationship` accepts null to clear it. */
@InputType()
export class UpdateGuardianInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 320 })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: 'es' })
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @IsLanguageTag()
  preferredLanguage?: string;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: 50 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  relationship?: string | null;
}
