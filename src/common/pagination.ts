import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './app-error';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** A page request shared by both surfaces: `first`/`after` in GraphQL, `limit`/`cursor` in REST. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export function pageFromArgs(args: PageArgs): PageRequest {
  return { limit: args.first, cursor: args.after };
}

type SortValue = string | number;

export function encodeCursor(sortValue: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'cursor'): [SortValue, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      ['string', 'number'].includes(typeof value[0]) &&
      typeof value[1] === 'string'
    ) {
      return [value[0] as SortValue, value[1]];
    }
  } catch {
    // Reported below as invalid input.
  }
  throw badInput(
    field,
    `${field} is invalid: pass the cursor returned by the previous page unchanged.`,
    'INVALID_CURSOR',
  );
}

export interface KeysetOptions<T> {
  /** SQL expression of the sort key, e.g. `segment.startMs`. */
  sortColumn: string;
  /** Reads the sort key from a loaded row. */
  sortValue: (row: T) => SortValue;
  idColumn: string;
  direction?: 'ASC' | 'DESC';
  cursorField?: string;
}

/** Applies keyset pagination ordered by (sort key, id) and loads one page. */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const direction = options.direction ?? 'ASC';
  if (page.cursor) {
    const [sortValue, id] = decodeCursor(page.cursor, options.cursorField);
    const operator = direction === 'ASC' ? '>' : '<';
    query.andWhere(
      `(${options.sortColumn}, ${options.idColumn}) ${operator} (:cursorSort, :cursorId)`,
      {
        cursorSort: sortValue,
        cursorId: id,
      },
    );
  }
  const rows = await query
    .orderBy(options.sortColumn, direction)
    .addOrderBy(options.idColumn, direction)
    .take(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor(options.sortValue(last), last.id) : null;

  return { items, nextCursor };
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/** Creates a Relay connection type, `<Name>Connection`, for a GraphQL object type. */
export function Connection<T>(nodeType: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }

  return ConnectionType;
}

/** Converts a page to a Relay connection; each edge cursor resumes after that node. */
export function toConnection<T extends { id: string }>(
  page: Page<T>,
  sortValue: (row: T) => SortValue,
): ConnectionShape<T> {
  return {
    edges: page.items.map((node) => ({ cursor: encodeCursor(sortValue(node), node.id), node })),
    nodes: page.items,
    pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor },
  };
}
