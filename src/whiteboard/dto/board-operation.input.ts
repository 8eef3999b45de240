import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';
import {
  CLIENT_OPERATION_ID_PATTERN,
  ELEMENT_KINDS,
  ElementKind,
  MAX_BATCH_OPERATIONS,
  MAX_CLIENT_OPERATION_ID_LENGTH,
  MAX_ELEMENT_ID_LENGTH,
  MAX_OPERATION_BYTES,
  OPERATION_TYPES,
  OperationType,
} from '../whiteboard-limits';

export const ElementKindEnum = Object.fromEntries(ELEMENT_KINDS.map((kind) => [kind, kind])) as {
  [K in ElementKind]: K;
};
registerEnumType(ElementKindEnum, {
  name: 'BoardElementKind',
  description: 'The kind of a board element, which decides its required properties.',
});

export const OperationTypeEnum = Object.fromEntries(
  OPERATION_TYPES.map((type) => [type, type]),
) as {
  [K in OperationType]: K;
};
registerEnumType(OperationTypeEnum, {
  name: 'BoardOperationType',
  description:
    'add, update or delete one element; clear every element; undo the author’s own last operation on the board.',
});

const CLIENT_OPERATION_ID_RULE =
  'Idempotency key, unique per board: resending the same operation with it returns the stored one.';
const ELEMENT_ID_RULE =
  'The client-chosen element id for add, update and delete: letters, digits and _ : . -.';
const PROPERTIES_RULE =
  'add: the element’s properties. update: the properties to change, merged into the current ones; null removes a key.';

/** One operation of a submission. */
@InputType()
export class BoardOperationInput {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_CLIENT_OPERATION_ID_LENGTH,
    description: CLIENT_OPERATION_ID_RULE,
  })
  @Field({ description: CLIENT_OPERATION_ID_RULE })
  @IsString()
  @Length(1, MAX_CLIENT_OPERATION_ID_LENGTH)
  @Matches(CLIENT_OPERATION_ID_PATTERN, {
    message: 'clientOperationId must contain only visible ASCII characters, such as a UUID',
  })
  clientOperationId: string;

  @ApiProperty({ enum: OPERATION_TYPES })
  @Field(() => OperationTypeEnum)
  @IsIn(OPERATION_TYPES, { message: `type must be one of: ${OPERATION_TYPES.join(', ')}` })
  type: OperationType;

  @ApiPropertyOptional({ maxLength: MAX_ELEMENT_ID_LENGTH, description: ELEMENT_ID_RULE })
  @Field(() => String, { nullable: true, description: ELEMENT_ID_RULE })
  @IsOptional()
  @IsString()
  @Length(1, MAX_ELEMENT_ID_LENGTH)
  elementId?: string;

  @ApiPropertyOptional({
    enum: ELEMENT_KINDS,
    description: 'Required for add; optional for update, where it must equal the element’s kind.',
  })
  @Field(() => ElementKindEnum, {
    nullable: true,
    description: 'Required for add; optional for update, where it must equal the element’s kind.',
  })
  @IsOptional()
  @IsIn(ELEMENT_KINDS, { message: `kind must be one of: ${ELEMENT_KINDS.join(', ')}` })
  kind?: ElementKind;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: PROPERTIES_RULE })
  @Field(() => GraphQLJSONObject, { nullable: true, description: PROPERTIES_RULE })
  @IsOptional()
  @IsObject()
  properties?: Record<string, unknown>;
}

const OPERATIONS_RULE =
  `1 to ${MAX_BATCH_OPERATIONS} operations, each at most ${MAX_OPERATION_BYTES} bytes as JSON, applied in order ` +
  'in one transaction: one rejected operation rejects the whole submission.';

@InputType()
export class SubmitBoardOperationsInput {
  @ApiProperty({
    type: [BoardOperationInput],
    minItems: 1,
    maxItems: MAX_BATCH_OPERATIONS,
    description: OPERATIONS_RULE,
  })
  @Field(() => [BoardOperationInput], { description: OPERATIONS_RULE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_OPERATIONS, {
    message: `operations has more than the maximum of ${MAX_BATCH_OPERATIONS} operations per request; split it into smaller batches`,
  })
  @ValidateNested({ each: true })
  @Type(() => BoardOperationInput)
  operations: BoardOperationInput[];
}
