import { isDeepStrictEqual } from 'node:util';
import { serializerCompiler as checkedSerializer } from 'fastify-type-provider-zod';

/**
 * How responses become JSON. Handlers are typed against their response schemas, so in production
 * the answer is written as it is: checking every field of a 50-row page again costs about a tenth
 * of the server's CPU per request. With `check` (tests, development) each answer is encoded through
 * its Zod schema and must come out unchanged: a field the schema would strip, a default it would
 * fill in or a value it would refuse fails the request, so a route whose handler drifts from its
 * schema fails its tests instead of answering differently in production.
 */
export function responseSerializer(check: boolean): typeof checkedSerializer {
  if (!check) return () => (data) => JSON.stringify(data);
  return (route) => {
    const encode = checkedSerializer(route);
    return (data) => {
      const json = encode(data);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(data)))) {
        throw new Error(
          `${route.method} ${route.url}: the answer differs from what its response schema encodes ` +
            `(extra fields, filled-in defaults or transformed values); make the handler return the schema's shape`,
        );
      }
      return json;
    };
  };
}
