import {
  type Attention,
  type AttentionDrillQuery,
  type AttentionQuery,
  attentionCountCap,
  attentionItems,
  type DrillResult,
} from '@voronka/domain';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { invalid } from '../../http/errors';
import type { Actor } from '../access/actor';
import { visibleTo } from '../access/visibility';
import { requireTimezone } from '../reports/report-scope';
import { type AttentionScope, countAttention, drillAttention } from './dashboard.queries';

/**
 * Checks the query once: a known zone, and a manager among the people the caller sees (else 400 naming
 * `managerId`). The scope counts everyone the caller sees, or that one person.
 */
async function resolveAttentionScope(
  db: Kysely<DB>,
  actor: Actor,
  query: AttentionQuery,
  asOf: Date,
): Promise<AttentionScope> {
  requireTimezone(query.timezone);
  const { managerId } = query;
  if (managerId) {
    const { rows } = await sql<{ id: string }>`
      select id from users where workspace_id = ${actor.workspaceId} and id = ${managerId}
        and ${visibleTo(actor, 'users.id')}`.execute(db);
    if (rows.length === 0)
      throw invalid('querystring.managerId', 'No such person among those whose numbers you see');
  }
  return {
    workspaceId: actor.workspaceId,
    asOf,
    timezone: query.timezone,
    stuckDays: query.stuckDays,
    people(column) {
      const visible = visibleTo(actor, column);
      if (!managerId) return visible;
      return sql<SqlBool>`(${visible} and ${sql.ref(column)} = ${managerId})` as Expression<SqlBool>;
    },
  };
}

/** Today's and overdue tasks, deals without a next step and stuck deals, counted now. */
export async function attention(
  db: Kysely<DB>,
  actor: Actor,
  query: AttentionQuery,
  now = new Date(),
  cap = attentionCountCap,
): Promise<Attention> {
  const scope = await resolveAttentionScope(db, actor, query, now);
  const { counts, over } = await countAttention(db, scope, attentionItems, cap);
  return { asOf: now.toISOString(), stuckDays: query.stuckDays, counts, over };
}

/** The records behind one of the numbers, shaped as a report drill so the same drawer lists them. */
export async function attentionDrill(
  db: Kysely<DB>,
  actor: Actor,
  query: AttentionDrillQuery,
  now = new Date(),
  cap = attentionCountCap,
): Promise<DrillResult> {
  const scope = await resolveAttentionScope(db, actor, query, now);
  // Counted as the start page counts, so the drawer says "500 of 10,000+" where the number said "10,000+".
  const [counted, rows] = await Promise.all([
    countAttention(db, scope, [query.item], cap),
    drillAttention(db, scope, query.item, query.limit),
  ]);
  return {
    entity: query.item.startsWith('tasks') ? 'task' : 'deal',
    total: counted.counts[query.item],
    ...(counted.over.length > 0 ? { totalOver: true } : {}),
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      at: row.at.toISOString(),
      amount: row.amount === null ? null : Number(row.amount),
      responsibleId: row.responsible_id,
    })),
  };
}
