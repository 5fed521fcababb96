import type { parseExpression } from 'feelin';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

/**
 * feelin parses every expression again on each call (30–200 µs), which would dominate the engine. Most
 * process conditions are small (`amount > 1000 and deal.stage = "won"`), so the common subset is compiled
 * once to closures over the cached parse tree. Whenever a value falls outside what the subset handles
 * exactly as feelin does (lists, contexts compared, mixed types, temporals), the closure throws
 * `fallBack` and the caller evaluates with feelin instead. `feel.test.ts` checks both agree.
 */
export type FastExpression = (variables: Readonly<Record<string, unknown>>) => unknown;

export const fallBack: unique symbol = Symbol('feel-fallback');

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const plainNumber = /^-?\d+(\.\d+)?$/;
const plainString = /^"[^"\\]*"$/;

function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A variable's or entry's value as the subset sees it; anything unusual goes to feelin. */
function readEntry(holder: Readonly<Record<string, unknown>>, name: string): unknown {
  if (!Object.hasOwn(holder, name)) return null;
  const value = holder[name];
  if (value === undefined) return null;
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw fallBack;
  return value;
}

function singleIdentifier(node: SyntaxNode, source: string): string | null {
  const parts = children(node);
  if (parts.length !== 1 || parts[0]!.name !== 'Identifier') return null;
  const name = source.slice(node.from, node.to);
  return identifier.test(name) ? name : null;
}

function equals(left: unknown, right: unknown): boolean {
  if (left === null || right === null) return left === right;
  const type = typeof left;
  if (type !== typeof right || (type !== 'number' && type !== 'string' && type !== 'boolean')) throw fallBack;
  return left === right;
}

function numbers(left: unknown, right: unknown): [number, number] {
  if (typeof left !== 'number' || typeof right !== 'number') throw fallBack;
  return [left, right];
}

function logical(value: unknown): boolean | null {
  if (value === null || typeof value === 'boolean') return value;
  throw fallBack;
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw fallBack;
  return value;
}

const comparisons: Record<string, (left: unknown, right: unknown) => unknown> = {
  '=': equals,
  '!=': (left, right) => !equals(left, right),
  '<': (left, right) => {
    const [a, b] = numbers(left, right);
    return a < b;
  },
  '<=': (left, right) => {
    const [a, b] = numbers(left, right);
    return a <= b;
  },
  '>': (left, right) => {
    const [a, b] = numbers(left, right);
    return a > b;
  },
  '>=': (left, right) => {
    const [a, b] = numbers(left, right);
    return a >= b;
  },
};

const arithmetic: Record<string, (left: unknown, right: unknown) => unknown> = {
  '+': (left, right) => {
    if (typeof left === 'string' && typeof right === 'string') return left + right;
    const [a, b] = numbers(left, right);
    return finite(a + b);
  },
  '-': (left, right) => {
    const [a, b] = numbers(left, right);
    return finite(a - b);
  },
  '*': (left, right) => {
    const [a, b] = numbers(left, right);
    return finite(a * b);
  },
  '/': (left, right) => {
    const [a, b] = numbers(left, right);
    if (b === 0) throw fallBack;
    return finite(a / b);
  },
};

function binary(
  node: SyntaxNode,
  source: string,
  operators: Record<string, (left: unknown, right: unknown) => unknown>,
): FastExpression | null {
  const parts = children(node);
  if (parts.length !== 3) return null;
  const operator = operators[source.slice(parts[1]!.from, parts[1]!.to)];
  const left = compileNode(parts[0]!, source);
  const right = compileNode(parts[2]!, source);
  if (!operator || !left || !right) return null;
  return (variables) => operator(left(variables), right(variables));
}

function compileNode(node: SyntaxNode, source: string): FastExpression | null {
  const text = source.slice(node.from, node.to);
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression': {
      const inner = children(node).filter((child) => child.name !== '(' && child.name !== ')');
      return inner.length === 1 ? compileNode(inner[0]!, source) : null;
    }
    case 'NumericLiteral': {
      if (!plainNumber.test(text)) return null;
      const value = Number(text);
      return () => value;
    }
    case 'StringLiteral': {
      if (!plainString.test(text)) return null;
      const value = text.slice(1, -1);
      return () => value;
    }
    case 'BooleanLiteral': {
      const value = text === 'true';
      return () => value;
    }
    case 'null':
      return () => null;
    case 'VariableName': {
      const name = singleIdentifier(node, source);
      if (!name) return null;
      return (variables) => readEntry(variables, name);
    }
    case 'PathExpression': {
      const parts = children(node);
      if (parts.length !== 3 || parts[2]!.name !== 'PathName') return null;
      const base = compileNode(parts[0]!, source);
      const name = singleIdentifier(parts[2]!, source);
      if (!base || !name) return null;
      return (variables) => {
        // feelin also resolves a variable literally named `a.b`.
        if (Object.hasOwn(variables, text)) throw fallBack;
        const holder = base(variables);
        if (holder === null || typeof holder !== 'object') return null;
        if (Array.isArray(holder) || !isPlainObject(holder)) throw fallBack;
        return readEntry(holder as Record<string, unknown>, name);
      };
    }
    case 'Comparison':
      return binary(node, source, comparisons);
    case 'ArithmeticExpression':
      return binary(node, source, arithmetic);
    case 'Conjunction':
    case 'Disjunction': {
      const parts = children(node);
      if (parts.length !== 3) return null;
      const left = compileNode(parts[0]!, source);
      const right = compileNode(parts[2]!, source);
      if (!left || !right) return null;
      if (node.name === 'Conjunction') {
        return (variables) => {
          const a = logical(left(variables));
          const b = logical(right(variables));
          if (a === false || b === false) return false;
          return a === true && b === true ? true : null;
        };
      }
      return (variables) => {
        const a = logical(left(variables));
        const b = logical(right(variables));
        if (a === true || b === true) return true;
        return a === false && b === false ? false : null;
      };
    }
    default:
      return null;
  }
}

/** Closures for the subset, or null when the expression needs feelin. */
export function compileFast(root: SyntaxNode, source: string): FastExpression | null {
  return compileNode(root, source);
}
