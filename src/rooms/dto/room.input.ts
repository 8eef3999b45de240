import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs, PageQueryDto } from '../../common/pagination';
import { MAX_ROOM_CAPACITY, ROOM_TOOLS, RoomTool, RoomToolEnum } from '../room.entity';

/** Converts the query-string words `true` and `false` to booleans and leaves other values for validation. */
function parseQueryBoolean(value: unknown): unknown {
  if (value === 'true') {
    return true;
  }
  if (value === 'false') {
    return false;
  }

  return value;
}

const TOOLS_MESSAGE = `enabledTools must each be one of: ${ROOM_TOOLS.join(', ')}`;

@InputType()
export class CreateRoomInput {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Algebra room' })
  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: ROOM_TOOLS, isArray: true, description: 'Default: every tool.' })
  @Field(() => [RoomToolEnum], { nullable: true, description: 'Default: every tool.' })
  @IsOptional()
  @ArrayMaxSize(ROOM_TOOLS.length)
  @ArrayUnique()
  @IsIn(ROOM_TOOLS, { each: true, message: TOOLS_MESSAGE })
  enabledTools?: RoomTool[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ROOM_CAPACITY, default: 30 })
  @Field(() => Int, { nullable: true, description: `1 to ${MAX_ROOM_CAPACITY}, default 30.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  capacity?: number;
}

@InputType()
export class UpdateRoomInput {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, description: 'null clears it.' })
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ enum: ROOM_TOOLS, isArray: true })
  @Field(() => [RoomToolEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ROOM_TOOLS.length)
  @ArrayUnique()
  @IsIn(ROOM_TOOLS, { each: true, message: TOOLS_MESSAGE })
  enabledTools?: RoomTool[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ROOM_CAPACITY })
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ROOM_CAPACITY)
  capacity?: number;
}

/** Filters of a room list. Archived rooms are left out unless includeArchived is true. */
export interface RoomFilter {
  includeArchived?: boolean;
}

@ArgsType()
export class RoomsArgs extends PageArgs implements RoomFilter {
  @Field({ nullable: true, description: 'Whether to include archived rooms, default false.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

export class RoomsQueryDto extends PageQueryDto implements RoomFilter {
  @ApiPropertyOptional({ default: false, description: 'Include archived rooms.' })
  @IsOptional()
  @Transform(({ value }) => parseQueryBoolean(value))
  @IsBoolean()
  includeArchived?: boolean;
}
