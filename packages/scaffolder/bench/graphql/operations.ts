/**
 * The three operations, written once per API (the names differ, the work does not): a list of 50 authors with
 * their first 5 books and each book's first 5 reviews (two nesting levels below the list, up to 1 300 rows),
 * a book by id, and creating a review. Each comes with a check of its answer, so a fast error is never
 * measured as a fast answer. PostGraphile's `id` is its global Node ID, so its row key is asked for as `rowId`.
 */

export type Api = 'postgraphile' | 'sb';
export type OperationName = 'list 50 + 2 nested levels' | 'lookup by id' | 'create';

export interface Operation {
  readonly name: OperationName;
  /** SQL statements one request may need at most to meet the target (one per nesting level). */
  readonly levels: number;
  readonly query: Record<Api, string>;
  /** Throws unless `data` is the full answer. */
  check(api: Api, data: Record<string, unknown>): void;
}

type Nodes<T> = { nodes: T[] };
interface Author {
  name: string;
  books: Nodes<{ title: string; reviews: Nodes<{ rating: number }> }>;
}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Error(`unexpected answer: ${what}`);
}

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'list 50 + 2 nested levels',
    levels: 3,
    query: {
      postgraphile:
        '{ allAuthors(first: 50, orderBy: PRIMARY_KEY_ASC) { nodes { id: rowId name books: booksByAuthorId(first: 5, orderBy: PRIMARY_KEY_ASC) { nodes { id: rowId title reviews: reviewsByBookId(first: 5, orderBy: PRIMARY_KEY_ASC) { nodes { id: rowId rating } } } } } } }',
      sb: '{ authors(first: 50) { nodes { id name books(first: 5) { nodes { id title reviews(first: 5) { nodes { id rating } } } } } } }',
    },
    check(api, data) {
      const list = (data[api === 'sb' ? 'authors' : 'allAuthors'] as Nodes<Author>).nodes;
      expect(list.length === 50, `${list.length} authors`);
      const books = list.flatMap((a) => a.books.nodes);
      expect(books.length === 250, `${books.length} books`);
      const reviews = books.flatMap((b) => b.reviews.nodes);
      expect(reviews.length >= 750, `${reviews.length} reviews`);
    },
  },
  {
    name: 'lookup by id',
    levels: 1,
    query: {
      postgraphile: '{ bookByRowId(rowId: 4242) { id: rowId title published } }',
      sb: '{ book(id: 4242) { id title published } }',
    },
    check(api, data) {
      const book = data[api === 'sb' ? 'book' : 'bookByRowId'] as { title: string } | null;
      expect(book?.title === 'Book 4242', JSON.stringify(book));
    },
  },
  {
    name: 'create',
    levels: 1,
    query: {
      postgraphile: 'mutation { createReview(input: { review: { bookId: 7, rating: 4, body: "bench" } }) { review { id: rowId rating } } }',
      sb: 'mutation { createReview(input: { bookId: 7, rating: 4, body: "bench" }) { id rating } }',
    },
    check(api, data) {
      const created = data['createReview'] as { id?: number; review?: { id: number } };
      expect(typeof (api === 'sb' ? created.id : created.review?.id) === 'number', JSON.stringify(created));
    },
  },
];

/** The HTTP body of an operation. */
export const body = (op: Operation, api: Api): string => JSON.stringify({ query: op.query[api] });

/** Sends the operation once and checks the answer (no `errors`, the data `check` expects). */
export async function verify(url: string, op: Operation, api: Api): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(op, api) });
  const json = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (res.status !== 200 || json.errors || !json.data) throw new Error(`${api} ${op.name}: ${res.status} ${JSON.stringify(json).slice(0, 500)}`);
  op.check(api, json.data);
}
