import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler as checkedSerializer } from 'fastify-type-provider-zod';

/**
 * JSON text already written, whole or as parts to be sent one after another. A large answer goes as
 * parts: its rows as PostgreSQL sent them and the bits between them, never joined into one string
 * (see `encodedOnce`).
 */
export type EncodedJson = string | readonly string[];

/** An answer whose JSON is already written (by PostgreSQL, for the busiest pages); see `preEncoded`. */
class PreEncoded {
  constructor(readonly json: EncodedJson) {}

  text(): string {
    return typeof this.json === 'string' ? this.json : this.json.join('');
  }
}

/**
 * Hands the serializer JSON text to write as it is. The handler's answer is typed as its response
 * schema, which the text must match: with `check` on (tests, development) the text is parsed and
 * checked like any other answer, so a query that drifts from the schema fails its tests.
 */
export function preEncoded<T>(json: EncodedJson): T {
  return new PreEncoded(json) as unknown as T;
}

/**
 * Pre-encoded text as the bytes to send. Handed a string, Fastify measures its UTF-8 length for the
 * header and node encodes it again when writing; for a kanban board (about 160 KB, mostly Cyrillic)
 * the two passes and the garbage they leave cost more than this one. Fastify sends a Buffer as it is.
 *
 * Each part is encoded on its own and the bytes joined. Joining the strings first makes V8 build a
 * rope of the Cyrillic texts, and encoding that rope cost 2.7 ms for a board of eight 15 KB columns
 * against 0.1 ms for the parts one by one (.probe of 2026-12-02, node 20 on this machine).
 */
function encodedOnce(json: EncodedJson): string {
  const bytes =
    typeof json === 'string' ? Buffer.from(json) : Buffer.concat(json.map((part) => Buffer.from(part)));
  return bytes as unknown as string;
}

/**
 * How responses become JSON. Handlers are typed against their response schemas, so in production
 * the answer is written as it is: checking every field of a 50-row page again costs about a tenth
 * of the server's CPU per request. With `check` (tests, development) each answer is encoded through
 * its Zod schema and must come out unchanged: a field the schema would strip, a default it would
 * fill in or a value it would refuse fails the request, so a route whose handler drifts from its
 * schema fails its tests instead of answering differently in production.
 */
export function responseSerializer(check: boolean): typeof checkedSerializer {
  if (!check)
    return () => (data) => (data instanceof PreEncoded ? encodedOnce(data.json) : JSON.stringify(data));
  return (route) => {
    const encode = checkedSerializer(route);
    return (data) => {
      const answer = data instanceof PreEncoded ? JSON.parse(data.text()) : data;
      const json = encode(answer);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(answer)))) {
        throw new Error(
          `${route.method} ${route.url}: the answer differs from what its response schema encodes ` +
            `(extra fields, filled-in defaults or transformed values); make the handler return the schema's shape`,
        );
      }
      return data instanceof PreEncoded ? data.text() : json;
    };
  };
}
