/** A SQL text with numbered parameters, as node-postgres takes it. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Text pasted into a statement as it is (table aliases, fixed conditions); never a value. */
export class Fragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** A SQL fragment: interpolated values become parameters, interpolated fragments are spliced in. */
export function q(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  return new Fragment([...strings], values);
}

export const raw = (text: string): Fragment => new Fragment([text], []);

/** Numbers the parameters of a fragment ($1, $2, …), reusing one number for a value given twice. */
export function statement(fragment: Fragment): Statement {
  const values: unknown[] = [];
  const text = (part: Fragment): string =>
    part.strings
      .map((string, i) => {
        if (i === part.values.length) return string;
        const value = part.values[i];
        if (value instanceof Fragment) return string + text(value);
        let at = values.indexOf(value);
        if (at < 0) at = values.push(value) - 1;
        return `${string}$${at + 1}`;
      })
      .join('');
  return { text: text(fragment), values };
}
