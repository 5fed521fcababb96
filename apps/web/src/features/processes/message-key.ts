/**
 * A message key for a dotted name (`crm.createTask`, `deal.stageEntered`): i18next reads dots as nesting,
 * so the locale files spell them with underscores.
 *
 * @example messageKey('deal.stageEntered') // "deal_stageEntered"
 */
export function messageKey<Name extends string>(name: Name): Underscored<Name> {
  return name.replace(/\./g, '_') as Underscored<Name>;
}

type Underscored<Name extends string> = Name extends `${infer Head}.${infer Tail}`
  ? `${Head}_${Underscored<Tail>}`
  : Name;
