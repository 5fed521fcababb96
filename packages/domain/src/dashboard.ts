import { z } from 'zod';

/**
 * The start page's "needs attention" numbers, for the people the caller sees (or one of them):
 * - `tasksToday`: open tasks assigned to them, due from now to the end of today (the tasks page's "today");
 * - `tasksOverdue`: open tasks assigned to them, due before now (the tasks page's "overdue");
 * - `dealsWithoutNextStep`: open deals they are responsible for with no open task (the deals list's flag);
 * - `dealsStuck`: open deals they are responsible for that entered their stage more than `stuckDays` ago
 *   and have had no call, meeting, email, note or comment logged on them in those days.
 */
export const attentionItems = ['tasksToday', 'tasksOverdue', 'dealsWithoutNextStep', 'dealsStuck'] as const;
export const AttentionItem = z.enum(attentionItems);
export type AttentionItem = z.infer<typeof AttentionItem>;

export const AttentionQuery = z.strictObject({
  /** One person among those the caller sees; everyone the caller sees when left out. */
  managerId: z.uuid().optional(),
  /** A deal with no movement for more than this many days is stuck. */
  stuckDays: z.coerce.number().int().min(1).max(3650).default(14),
  /** The zone whose calendar day "today" is. */
  timezone: z.string().max(64).default('Europe/Moscow'),
});
export type AttentionQuery = z.infer<typeof AttentionQuery>;

/**
 * The start page counts up to this many records behind a number and shows "10,000+" above it. A
 * department has hundreds; counting all 700,000 open deals of a generated million-deal workspace took
 * the owner's start page 0.4–0.6 s, and a number that large asks for the list, not the last digit.
 */
export const attentionCountCap = 10_000;

export const Attention = z
  .object({
    /** The moment the numbers were counted at. */
    asOf: z.string(),
    stuckDays: z.number().int(),
    /** Each number, at most `attentionCountCap`. */
    counts: z.record(AttentionItem, z.number().int()),
    /** The numbers with more records behind them than `attentionCountCap` (their count is the cap). */
    over: z.array(AttentionItem),
  })
  .meta({ id: 'Attention' });
export type Attention = z.infer<typeof Attention>;

/** The records behind one of the numbers, answered as a report drill (`DrillResult`), oldest first. */
export const AttentionDrillQuery = AttentionQuery.extend({
  item: AttentionItem,
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type AttentionDrillQuery = z.infer<typeof AttentionDrillQuery>;
