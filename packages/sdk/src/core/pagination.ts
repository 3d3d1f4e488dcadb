/** One page of a list, with the way to the next. */
export interface Page<Item> {
  /** The items of this page, in the list's order. */
  data: Item[];
  /** The cursor of the next page; null on the last page. */
  nextCursor: string | null;
  /** The next page, or null on the last one. */
  nextPage(): Promise<Page<Item> | null>;
}

/**
 * What `list()` returns: await it for the first page, or `for await` it for every item of every
 * page, fetched one page at a time as the loop goes.
 */
export type PagePromise<Item> = Promise<Page<Item>> & AsyncIterable<Item>;

type FetchPage<Item> = (cursor: string | undefined) => Promise<{ data: Item[]; nextCursor: string | null }>;

function toPage<Item>(fetchPage: FetchPage<Item>, cursor: string | undefined): Promise<Page<Item>> {
  return fetchPage(cursor).then(({ data, nextCursor }) => ({
    data,
    nextCursor,
    nextPage: () => (nextCursor === null ? Promise.resolve(null) : toPage(fetchPage, nextCursor)),
  }));
}

export function paginate<Item>(fetchPage: FetchPage<Item>): PagePromise<Item> {
  const first = toPage(fetchPage, undefined);
  return Object.assign(first, {
    async *[Symbol.asyncIterator]() {
      for (let page: Page<Item> | null = await first; page; page = await page.nextPage()) yield* page.data;
    },
  });
}
