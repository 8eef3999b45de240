import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsTimeZone, Length } from 'class-validator';
import { Organization } from '../organization.entity';
import { CreatedApiKey } from './create-api-key.input';

@InputType()
export class CreateOrganizationInput {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone; default UTC.' })
  @Field({ nullable: true })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;
}

@ObjectType()
export class CreatedOrganization {
  @ApiProperty({ type: Organization })
  @Field(() => Organization)
  organization: Organization;

  @ApiProperty({ type: CreatedApiKey, description: 'An admin key for the new organization.' })
  @Field(() => CreatedApiKey)
  adminKey: CreatedApiKey;
}
