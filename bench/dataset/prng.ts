import pg from 'pg';
import * as words from './words';

/**
 * Installs the session's value generators as `pg_temp` SQL functions. Every generated value is a pure
 * function of (seed, stream, row key): `hashint8extended` is PostgreSQL's stable 64-bit hash (hash
 * partitioning relies on it never changing), so the same seed gives the same rows on any server, in
 * any order, with or without parallel workers. The functions are single-expression SQL, which the
 * planner inlines, so a million calls cost little more than the arithmetic.
 *
 * @example select pg_temp.rnd(7, 42)            -- a uniform number in [0, 1), stream 7, key 42
 * @example select pg_temp.uid('deal', 42)       -- the id of deal number 42, a valid v4-shaped uuid
 */
export async function installGenerators(client: pg.Client, seed: number): Promise<void> {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 1_000_000)
    throw new Error('The seed is an integer from 0 to 1000000');
  const functions = [
    `create function pg_temp.rnd(stream int, k bigint) returns float8 language sql immutable as
       $$ select (hashint8extended(k, ${seed}::bigint * 1000 + stream) & 9007199254740991)::float8 / 9007199254740992.0 $$`,
    `create function pg_temp.pick(stream int, k bigint, n int) returns int language sql immutable as
       $$ select 1 + floor(pg_temp.rnd(stream, k) * n)::int $$`,
    // Box–Muller: a standard normal number from two uniform ones.
    `create function pg_temp.normal(stream int, k bigint) returns float8 language sql immutable as
       $$ select sqrt(-2 * ln(1 - pg_temp.rnd(stream, k))) * cos(2 * pi() * pg_temp.rnd(stream + 500, k)) $$`,
    // md5 of the seed, kind and key, with the version (4) and variant (8) nibbles set: the API's schemas
    // accept only RFC 9562 uuids.
    `create function pg_temp.uid(kind text, k bigint) returns uuid language sql immutable as
       $$ select overlay(overlay(md5('${seed}:' || kind || ':' || k) placing '4' from 13) placing '8' from 17)::uuid $$`,
    `create function pg_temp.phone(stream int, k bigint) returns text language sql immutable as
       $$ select '+79' || lpad(floor(pg_temp.rnd(stream, k) * 1000000000)::bigint::text, 9, '0') $$`,
    // A valid organisation INN: nine digits and the Federal Tax Service's check digit.
    `create function pg_temp.inn(k bigint) returns text language sql immutable as $$
       select n || (sum(substr(n, i::int, 1)::int * w) % 11 % 10)::text
       from (select (100000000 + floor(pg_temp.rnd(90, k) * 899999999)::bigint)::text as n) digits,
            unnest(array[2, 4, 10, 3, 5, 9, 4, 6, 8]) with ordinality as weights(w, i)
       group by n $$`,
  ];
  const lists: Record<string, readonly string[]> = {
    deal_subject: words.dealSubjects,
    goods: words.goods,
    brand_stem: words.brandStems,
    brand_stem_latin: words.brandStemsLatin,
    brand_suffix: words.brandSuffixes,
    legal_form: words.legalForms,
    city: words.cities,
    surname: words.surnames,
    surname_latin: words.surnamesLatin,
    male_name: words.maleNames,
    male_name_latin: words.maleNamesLatin,
    female_name: words.femaleNames,
    female_name_latin: words.femaleNamesLatin,
    position: words.positions,
    mail_domain: words.mailDomains,
    lead_origin: words.leadOrigins,
    lead_source: words.leadSources,
    deal_source: words.dealSources,
    lost_reason: words.lostReasons,
    activity_topic: words.activityTopics,
    task_title: words.taskTitles,
  };
  // pg_temp.goods(stream, k): a word of the list chosen by (stream, k); lists of the same length read
  // with the same stream and key give parallel words (a surname and its Latin spelling).
  for (const [name, items] of Object.entries(lists)) {
    functions.push(
      `create function pg_temp.${name}(stream int, k bigint) returns text language sql immutable as
         $$ select (${arrayLiteral(items)})[pg_temp.pick(stream, k, ${items.length})] $$`,
    );
  }
  functions.push(
    // A person: gender, first name and surname from one key, in Cyrillic and as an e-mail address.
    `create function pg_temp.person(stream int, k bigint) returns text language sql immutable as $$
       select case when pg_temp.rnd(stream, k) < 0.5
         then pg_temp.male_name(stream + 1, k) || ' ' || pg_temp.surname(stream + 2, k)
         else pg_temp.female_name(stream + 1, k) || ' ' || pg_temp.surname(stream + 2, k) || 'а' end $$`,
    `create function pg_temp.person_email(stream int, k bigint) returns text language sql immutable as $$
       select case when pg_temp.rnd(stream, k) < 0.5
         then pg_temp.male_name_latin(stream + 1, k) || '.' || pg_temp.surname_latin(stream + 2, k)
         else pg_temp.female_name_latin(stream + 1, k) || '.' || pg_temp.surname_latin(stream + 2, k) || 'a' end
         || k || '@' || pg_temp.mail_domain(stream + 3, k) $$`,
    // A company's brand by company number, shared by the company's name and its deals' titles.
    `create function pg_temp.brand(k bigint) returns text language sql immutable as
       $$ select pg_temp.brand_stem(21, k) || pg_temp.brand_suffix(22, k) $$`,
  );
  for (const statement of functions) await client.query(statement);
}

function arrayLiteral(items: readonly string[]): string {
  const body = items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',');
  return `${pg.escapeLiteral(`{${body}}`)}::text[]`;
}
