import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-type-json';
import { Board } from '../board.entity';
import {
  DEFAULT_OPERATIONS_PAGE,
  ELEMENT_KINDS,
  ElementKind,
  MAX_OPERATIONS_PAGE,
  OPERATION_TYPES,
  OperationType,
} from '../whiteboard-limits';
import { ElementKindEnum, OperationTypeEnum } from './board-operation.input';

/** One element's state: on the board, or deleted. */
@ObjectType()
export class BoardElement {
  @ApiProperty({ description: 'The client-chosen element id.' })
  @Field({ description: 'The client-chosen element id.' })
  id: string;

  @ApiProperty({ enum: ELEMENT_KINDS })
  @Field(() => ElementKindEnum)
  kind: ElementKind;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The complete properties; null when the element is deleted.',
  })
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The complete properties; null when the element is deleted.',
  })
  properties: Record<string, unknown> | null;

  @ApiProperty()
  @Field()
  deleted: boolean;
}

/** One entry of a board's operation log. */
@ObjectType()
export class BoardOperation {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  boardId: string;

  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  sessionId: string;

  @ApiProperty({ description: 'Position in the board’s log: 1, 2, 3, … with no gaps.' })
  @Field(() => Int, { description: 'Position in the board’s log: 1, 2, 3, … with no gaps.' })
  sequence: number;

  @ApiProperty({ enum: OPERATION_TYPES })
  @Field(() => OperationTypeEnum)
  type: OperationType;

  @ApiProperty()
  @Field()
  clientOperationId: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The element of an add, update or delete.',
  })
  @Field(() => String, { nullable: true, description: 'The element of an add, update or delete.' })
  elementId: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The sequence that an undo reverted.',
  })
  @Field(() => Int, { nullable: true, description: 'The sequence that an undo reverted.' })
  undoneSequence: number | null;

  @ApiProperty({
    type: [BoardElement],
    description:
      'The state after this operation of every element it changed. Empty for clear, which deletes every element.',
  })
  @Field(() => [BoardElement], {
    description:
      'The state after this operation of every element it changed. Empty for clear, which deletes every element.',
  })
  elements: BoardElement[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The author, when a participant.',
  })
  @Field(() => ID, { nullable: true, description: 'The author, when a participant.' })
  participantId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The author, when an API key.',
  })
  @Field(() => ID, { nullable: true, description: 'The author, when an API key.' })
  apiKeyId: string | null;

  @ApiProperty({ description: 'When the server stored the operation.' })
  @Field({ description: 'When the server stored the operation.' })
  createdAt: Date;
}

/** A board's current elements and the sequence they reflect. */
@ObjectType()
export class BoardSnapshot {
  @ApiProperty({ type: Board })
  @Field(() => Board)
  board: Board;

  @ApiProperty({
    description: 'The elements reflect every operation up to and including this sequence.',
  })
  @Field(() => Int, {
    description: 'The elements reflect every operation up to and including this sequence.',
  })
  sequence: number;

  @ApiProperty({
    type: [BoardElement],
    description: 'Elements that are not deleted, in order of first addition.',
  })
  @Field(() => [BoardElement], {
    description: 'Elements that are not deleted, in order of first addition.',
  })
  elements: BoardElement[];
}

/** Operations after a sequence number, in order. */
@ObjectType()
export class BoardOperationPage {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  boardId: string;

  @ApiProperty({ type: [BoardOperation] })
  @Field(() => [BoardOperation])
  operations: BoardOperation[];

  @ApiProperty({ description: 'The board’s latest sequence when the page was read.' })
  @Field(() => Int, { description: 'The board’s latest sequence when the page was read.' })
  latestSequence: number;

  @ApiProperty({
    description:
      'true when operations after the last one listed exist: ask again after its sequence.',
  })
  @Field({
    description:
      'true when operations after the last one listed exist: ask again after its sequence.',
  })
  hasMore: boolean;
}

/** The outcome of one submission. */
@ObjectType()
export class BoardOperationsResult {
  @ApiProperty({ format: 'uuid' })
  @Field(() => ID)
  boardId: string;

  @ApiProperty({
    type: [BoardOperation],
    description:
      'One stored operation per submitted one, in submission order; repeats return the stored operation.',
  })
  @Field(() => [BoardOperation], {
    description:
      'One stored operation per submitted one, in submission order; repeats return the stored operation.',
  })
  operations: BoardOperation[];

  @ApiProperty({ description: 'Operations stored by this submission.' })
  @Field(() => Int, { description: 'Operations stored by this submission.' })
  applied: number;

  @ApiProperty({
    description: 'Operations whose clientOperationId was already stored, so nothing changed.',
  })
  @Field(() => Int, {
    description: 'Operations whose clientOperationId was already stored, so nothing changed.',
  })
  repeated: number;

  @ApiProperty({ description: 'The board’s latest sequence after the submission.' })
  @Field(() => Int, { description: 'The board’s latest sequence after the submission.' })
  latestSequence: number;
}

/** Query of a page of operations over REST; GraphQL takes the same fields as arguments. */
@ArgsType()
export class BoardOperationsQuery {
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Return operations with a greater sequence.',
  })
  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Return operations with a greater sequence.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  afterSequence?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_OPERATIONS_PAGE,
    default: DEFAULT_OPERATIONS_PAGE,
  })
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_OPERATIONS_PAGE}; default ${DEFAULT_OPERATIONS_PAGE}.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_OPERATIONS_PAGE)
  limit?: number;
}

@ArgsType()
export class BoardOperationsArgs extends BoardOperationsQuery {
  @Field(() => ID)
  @IsUUID('all', { message: 'boardId must be a UUID' })
  boardId: string;
}
