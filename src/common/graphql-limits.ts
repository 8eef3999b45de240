import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLOutputType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

/** The deepest selection accepted: `session { participants { … } }` has depth 2. */
export const MAX_QUERY_DEPTH = 12;
/** The largest estimated cost of one operation; see estimateCost. */
export const MAX_QUERY_COST = 200_000;
/** Items assumed in a list without a `first` or `limit` argument; such lists are short by design. */
const UNPAGED_LIST_SIZE = 10;
/** Items assumed in a page whose size is a variable: the largest page the API returns. */
const VARIABLE_PAGE_SIZE = 100;

function unwrapsToList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;

  return isListType(inner);
}

/** Returns the page size a field requests with `first` or `limit`: the literal, or 100 for a variable. */
function pageSize(field: FieldNode): number | undefined {
  const argument = field.arguments?.find(
    (arg) => arg.name.value === 'first' || arg.name.value === 'limit',
  );
  if (!argument) {
    return undefined;
  }

  return argument.value.kind === Kind.INT ? Number(argument.value.value) : VARIABLE_PAGE_SIZE;
}

interface Measure {
  depth: number;
  cost: number;
}

/**
 * Walks an operation through its fragments and returns its depth and estimated cost: every
 * field costs 1, times the sizes of the lists around it. A list's size is the `first` or
 * `limit` argument of the list or of the connection holding it (100 when the argument is a
 * variable), and 10 without one.
 */
function measure(context: ValidationContext, operation: OperationDefinitionNode): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>(
    context
      .getDocument()
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const schema = context.getSchema();
  const rootType =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();

  const walk = (
    selectionSet: SelectionSetNode,
    parentType: ReturnType<typeof getNamedType> | null | undefined,
    multiplier: number,
    depth: number,
    visiting: Set<string>,
    parentPage?: number,
  ): Measure => {
    let result: Measure = { depth, cost: 0 };
    for (const selection of selectionSet.selections) {
      let inner: Measure | undefined;
      if (selection.kind === Kind.FIELD) {
        const fields = parentType && 'getFields' in parentType ? parentType.getFields() : undefined;
        const definition = fields?.[selection.name.value] as
          { type: GraphQLOutputType } | undefined;
        const isList = definition ? unwrapsToList(definition.type) : false;
        const page = pageSize(selection);
        const size = isList ? (page ?? parentPage ?? UNPAGED_LIST_SIZE) : 1;
        const childMultiplier = multiplier * Math.max(1, size);
        inner = { depth: depth + 1, cost: multiplier };
        if (selection.selectionSet && definition) {
          const child = walk(
            selection.selectionSet,
            getNamedType(definition.type),
            childMultiplier,
            depth + 1,
            visiting,
            isList ? undefined : page,
          );
          inner = { depth: child.depth, cost: inner.cost + child.cost };
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parentType;
        inner = walk(
          selection.selectionSet,
          type as typeof parentType,
          multiplier,
          depth,
          visiting,
        );
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !visiting.has(name)) {
          const type = schema.getType(fragment.typeCondition.name.value);
          inner = walk(
            fragment.selectionSet,
            type as typeof parentType,
            multiplier,
            depth,
            new Set([...visiting, name]),
            parentPage,
          );
        }
      }
      if (inner) {
        result = { depth: Math.max(result.depth, inner.depth), cost: result.cost + inner.cost };
      }
    }

    return result;
  };

  return walk(operation.selectionSet, rootType, 1, 0, new Set());
}

/** Reports operations deeper than MAX_QUERY_DEPTH or costlier than MAX_QUERY_COST as validation errors. */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const { depth, cost } = measure(context, operation);
      const name = operation.name?.value ?? 'the operation';
      if (depth > MAX_QUERY_DEPTH) {
        context.reportError(
          new GraphQLError(
            `${name} is ${depth} levels deep; the limit is ${MAX_QUERY_DEPTH}. Select fewer nested fields, or split it into several queries.`,
            {
              nodes: [operation],
              extensions: {
                reason: 'QUERY_TOO_DEEP',
                depth,
                limit: MAX_QUERY_DEPTH,
              },
            },
          ),
        );
      }
      if (cost > MAX_QUERY_COST) {
        context.reportError(
          new GraphQLError(
            `${name} has an estimated cost of ${cost}; the limit is ${MAX_QUERY_COST}. Each field costs 1 times the sizes of the lists around it (a literal first or limit, ${VARIABLE_PAGE_SIZE} for a variable one, else ${UNPAGED_LIST_SIZE}): ask for smaller pages or fewer nested lists.`,
            {
              nodes: [operation],
              extensions: {
                reason: 'QUERY_TOO_COSTLY',
                cost,
                limit: MAX_QUERY_COST,
              },
            },
          ),
        );
      }
    },
  };
}

/** Measures one operation of a document, for tests and tools. */
export function measureOperation(
  context: ValidationContext,
  operation: OperationDefinitionNode,
): Measure {
  return measure(context, operation);
}
