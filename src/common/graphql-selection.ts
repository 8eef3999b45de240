import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Collects the names of the fields selected directly below the field being resolved, including
 * those inside inline fragments and fragment spreads. `@skip` and `@include` are not evaluated,
 * so a field they drop still counts as selected.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  info.fieldNodes.forEach((node) => visit(node.selectionSet));

  return names;
}
