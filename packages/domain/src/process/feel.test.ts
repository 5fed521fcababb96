import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import {
  addIsoDuration,
  checkFeel,
  evaluateFeel,
  evaluateFeelInstant,
  evaluateUnaryTest,
  FeelError,
  toPlainData,
} from './feel';

describe('evaluateFeel', () => {
  it('evaluates expressions against plain variables', () => {
    const variables = { amount: 1500, deal: { stage: 'won', owner: { id: 'u1' } }, tags: ['a', 'b'] };
    expect(evaluateFeel('amount > 1000 and deal.stage = "won"', variables)).toBe(true);
    expect(evaluateFeel('=deal.owner.id', variables)).toBe('u1');
    expect(evaluateFeel('count(tags) + 1', variables)).toBe(3);
    expect(evaluateFeel('missing = null', variables)).toBe(true);
    expect(evaluateFeel('{total: amount * 2}', variables)).toEqual({ total: 3000 });
  });

  it('gives dates and durations back as ISO text, with now() from the process clock', () => {
    const now = new Date('2025-03-03T09:00:00Z');
    expect(evaluateFeel('now() + duration("P1D")', {}, { now })).toBe('2025-03-04T09:00:00Z');
    expect(evaluateFeel('today()', {}, { now })).toBe('2025-03-03');
    expect(evaluateFeel('duration("PT36H")', {})).toBe('P1DT12H');
  });

  it('throws FeelError for an expression that does not parse', () => {
    expect(() => evaluateFeel('amount >', {})).toThrow(FeelError);
  });

  it('agrees with feelin on the subset it evaluates without it', () => {
    const contexts = [
      { a: 1, b: 2, s: 'x', t: 'y', yes: true, no: false, n: null, o: { k: 5, s: 'v' }, l: [1, 2] },
      { a: 0, b: -3.5, s: '', t: 'x', yes: false, no: true, o: { k: null } },
      {},
    ];
    const expressions = [
      'a > b',
      'a <= 1',
      'a = b',
      'a != 1',
      's = "x"',
      's != t',
      'a = s',
      'n = null',
      'x = null',
      'n != null',
      'yes and no',
      'yes or no',
      'yes and n',
      'no or n',
      'a + b * 2 - 1',
      'a / b',
      'a / 0',
      's + t',
      's + a',
      'o.k > 1',
      'o.missing',
      'o.s = "v"',
      'l.k',
      'a > "1"',
      'n > 1',
      '(a + 1) * (b - 1) >= 0 and not(no)',
      'a = 1 or s = "x" and yes',
      '-1 < a',
      '1.5 * 2',
    ];
    for (const variables of contexts) {
      for (const expression of expressions) {
        let expected: unknown;
        try {
          expected = toPlainData(evaluate(expression, structuredClone(variables)).value);
        } catch {
          expected = 'throws';
        }
        let actual: unknown;
        try {
          actual = evaluateFeel(expression, variables);
        } catch {
          actual = 'throws';
        }
        expect({ expression, variables, value: actual }).toEqual({ expression, variables, value: expected });
      }
    }
  });
});

describe('FEEL sandbox', () => {
  const secret = () => 'host reached';
  const variables = {
    text: 'abc',
    deal: { title: 'x', nested: { n: 1 } },
    list: [1, 2],
    fn: secret,
    deal2: { run: secret },
    when: new Date('2025-01-01T00:00:00Z'),
  };
  const attempts = [
    '"".constructor',
    'text.constructor',
    'text.constructor.constructor("return process")()',
    'deal.constructor.constructor("return process")()',
    'deal.__proto__',
    'deal.__proto__.constructor',
    'deal.prototype',
    'deal.constructor.prototype',
    'list.constructor',
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'fn()',
    'fn',
    'deal2.run()',
    'deal2.run',
    'deal["constructor"]',
    'get value(deal, "constructor")',
    'get value(deal, "__proto__")',
    'date("2020-01-01").constructor',
    'duration("P1D").value.constructor',
    'date("2020-01-01").unwrap()',
    '{a: 1}.constructor',
    '(function(x) x).constructor',
  ];

  it.each(attempts)('%s reaches nothing of the host', (expression) => {
    let value: unknown;
    try {
      value = evaluateFeel(expression, variables);
    } catch (error) {
      expect(error).toBeInstanceOf(FeelError);
      return;
    }
    const text = JSON.stringify(value) ?? '';
    expect(text).not.toContain('host reached');
    expect(typeof value).not.toBe('function');
    expect(value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value)).toBe(true);
    if (value && typeof value === 'object') {
      const proto = Object.getPrototypeOf(value);
      expect(proto === Object.prototype || proto === Array.prototype || proto === null).toBe(true);
    }
  });

  it('does not let an expression change the variables it reads', () => {
    const data = { deal: { title: 'x' }, list: [1] };
    evaluateFeel('put(deal, "title", "y")', data);
    evaluateFeel('append(list, 2)', data);
    expect(data).toEqual({ deal: { title: 'x' }, list: [1] });
  });

  it('keeps only JSON data when copying variables for FEEL', () => {
    const copy = toPlainData({
      a: 1,
      f: secret,
      d: new Date('2025-01-01T00:00:00Z'),
      m: new Map(),
      x: undefined,
    });
    expect(copy).toEqual({ a: 1, d: '2025-01-01T00:00:00.000Z', m: null, x: null });
  });
});

describe('checkFeel', () => {
  it('returns null for valid FEEL and the error with its position otherwise', () => {
    expect(checkFeel('amount > 1000')).toBeNull();
    expect(checkFeel('=date and time(deal.closeDate) - duration("P1D")')).toBeNull();
    expect(checkFeel('amount >')).toEqual({
      expression: 'amount >',
      message: 'Incomplete expression',
      from: 8,
      to: 8,
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Camunda 7 (JUEL) expression, not a template
    expect(checkFeel('${amount}')).toMatchObject({ from: 0 });
    expect(checkFeel('')).toMatchObject({ message: 'Empty expression' });
  });
});

describe('unary tests and instants', () => {
  it('evaluates unary tests against an input', () => {
    expect(evaluateUnaryTest('[1..5]', 3, {})).toBe(true);
    expect(evaluateUnaryTest('> limit', 3, { limit: 5 })).toBe(false);
    expect(evaluateUnaryTest('"won", "lost"', 'won', {})).toBe(true);
  });

  it('turns durations and dates into points in time', () => {
    const now = new Date('2025-01-31T10:00:00Z');
    expect(evaluateFeelInstant('duration("P2D")', {}, now)?.toISOString()).toBe('2025-02-02T10:00:00.000Z');
    expect(evaluateFeelInstant('date("2025-05-01")', {}, now)?.toISOString()).toBe(
      '2025-05-01T00:00:00.000Z',
    );
    expect(
      evaluateFeelInstant('date and time("2025-05-01T12:00:00@Europe/Moscow")', {}, now)?.toISOString(),
    ).toBe('2025-05-01T09:00:00.000Z');
    expect(evaluateFeelInstant('due', { due: 'P1W' }, now)?.toISOString()).toBe('2025-02-07T10:00:00.000Z');
    expect(evaluateFeelInstant('due', { due: 42 }, now)).toBeNull();
    expect(addIsoDuration(now, 'P1M')?.toISOString()).toBe('2025-02-28T10:00:00.000Z');
    expect(addIsoDuration(now, 'nonsense')).toBeNull();
  });
});
