import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsString, Length } from 'class-validator';
import { API_SCOPES, ApiScope } from '../../common/request-context';
import { ApiKey } from '../api-key.entity';

@InputType()
export class CreateApiKeyInput {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Partner backend' })
  @Field()
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: API_SCOPES, isArray: true, example: ['read', 'write'] })
  @Field(() => [String], { description: `Any of: ${API_SCOPES.join(', ')}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(API_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_SCOPES, { each: true, message: `scopes must each be one of: ${API_SCOPES.join(', ')}` })
  scopes: ApiScope[];
}

@ObjectType()
export class CreatedApiKey {
  @ApiProperty({ type: ApiKey })
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @ApiProperty({ description: 'The full key. It is shown only in this response; store it now.' })
  @Field({ description: 'The full key. It is shown only in this response; store it now.' })
  secret: string;
}
