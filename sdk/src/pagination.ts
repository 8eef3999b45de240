/** The part of a Relay connection that the paging helpers read. */
export interface ConnectionPage<TNode> {
  /** The items of this page, in the list's order. */
  nodes: TNode[];
  /** Whether another page follows, and the cursor to pass as `after` to load it. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Loads one page: `after` is the previous page's `endCursor`, undefined for the first page. */
export type PageLoader<TNode> = (after: string | undefined) => Promise<ConnectionPage<TNode>>;

/**
 * Iterates over every node of a Relay connection, loading pages on demand.
 *
 * @example
 * for await (const member of paginate((after) => client.members({ first: 100, after }))) {
 *   console.log(member.name);
 * }
 */
export async function* paginate<TNode>(
  loadPage: PageLoader<TNode>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | undefined;
  for (;;) {
    const page = await loadPage(after);
    yield* page.nodes;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
      return;
    }
    after = page.pageInfo.endCursor;
  }
}

/**
 * Loads every node of a Relay connection into an array. Rejects with a RangeError when there are
 * more than `maxItems` nodes (default 10,000), so a runaway list cannot exhaust memory.
 */
export async function listAll<TNode>(
  loadPage: PageLoader<TNode>,
  maxItems = 10_000,
): Promise<TNode[]> {
  const items: TNode[] = [];
  for await (const node of paginate(loadPage)) {
    if (items.length === maxItems) {
      throw new RangeError(
        `listAll: the list has more than ${maxItems} items: raise maxItems or use paginate().`,
      );
    }
    items.push(node);
  }

  return items;
}
