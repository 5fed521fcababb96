import type pg from 'pg';
import { type BenchActor, type RoleName, roleLabels } from './actors';
import type { HttpClient, RequestSpec } from './http';

/** The reference platform's rates on this machine (100,000 deals, 10 clients); we aim at 20×. */
export const reference = {
  list: { label: 'filtered, sorted 50-row list', rate: 60 },
  byId: { label: 'record by id', rate: 145 },
  create: { label: 'create', rate: 110 },
} as const;
export const referenceFactor = 20;

/** Deals the benchmark creates carry this title prefix, so a run can remove them afterwards. */
export const createdTitlePrefix = 'Бенч-создание:';

export interface Case {
  /** What is measured, e.g. "list: filter, sort amount". */
  endpoint: string;
  role: RoleName;
  actor: BenchActor;
  /** Requests cycle through these; the raw SQL side replays what each of them ran. */
  variants: RequestSpec[];
  reference?: (typeof reference)[keyof typeof reference];
  /**
   * False where issue 3 sets no target: its ratio and p95 targets are for the kanban, the filtered
   * list and search; the other cases are measured beside them (a deal by id and a create against the
   * reference platform, the other lists so that a slow one shows).
   */
  targeted?: false;
}

export function caseName(item: Pick<Case, 'endpoint' | 'role'>): string {
  return `${item.endpoint} · ${roleLabels[item.role]}`;
}

// Search texts people type: whole words with Russian endings ("поставка станков" finds "Поставки
// станков"), a brand, a person; and the first letters of a word, as a search box sends while typing.
const searchWords = [
  'поставка станков',
  'Северснаб',
  'Смирнова Ольга',
  'ремонт насосов',
  'Техноторг Казань',
  'Кузнецов',
  'аренда погрузчиков',
  'Волгатрейд',
];
const searchPrefixes = ['пост', 'мод', 'серв', 'ива', 'тех', 'зам', 'дост', 'кот'];
const minAmounts = [10_000, 30_000, 60_000, 100_000, 20_000];

interface Fixtures {
  pipelineId: string;
  managersByDepartment: Map<string, string[]>;
  allManagers: string[];
  contactTexts: string[];
  creatable: { contactId: string; companyId: string }[];
}

/**
 * The benchmark's cases: each endpoint as each of the three actors, with request parameters drawn
 * from the data (deterministically: first rows by id) so that they find something.
 */
export async function buildCases(
  pool: pg.Pool,
  http: HttpClient,
  actors: Record<RoleName, BenchActor>,
): Promise<Case[]> {
  const fixtures = await loadFixtures(pool, actors.owner.workspaceId);
  const reads: Case[] = [];
  const writes: Case[] = [];
  for (const actor of Object.values(actors)) {
    const role = actor.role;
    const responsibles =
      role === 'manager'
        ? [actor.userId]
        : role === 'head'
          ? (fixtures.managersByDepartment.get(actor.departmentId ?? '') ?? [])
          : fixtures.allManagers;
    const pipeline = `pipelineId=${fixtures.pipelineId}`;
    const filtered = Array.from({ length: 16 }, (_, i) =>
      get(
        `/api/deals?${pipeline}&responsibleId=${responsibles[i % responsibles.length]}&minAmount=${minAmounts[i % minAmounts.length]}&sort=amount&order=desc&limit=50`,
      ),
    );
    const secondPages: RequestSpec[] = [];
    for (const first of filtered) {
      const page = await http.json<{ nextCursor: string | null }>(first, actor.headers);
      if (page.nextCursor) secondPages.push(get(`${first.path}&cursor=${page.nextCursor}`));
    }
    const ids = await visibleDealIds(pool, actor, role === 'head' ? [...responsibles, actor.userId] : null);
    reads.push(
      { endpoint: 'kanban board', role, actor, variants: [get(`/api/deals/board?${pipeline}&perStage=30`)] },
      { endpoint: 'list: filter, sort amount', role, actor, variants: filtered, reference: reference.list },
      { endpoint: 'list: filter, page 2', role, actor, variants: secondPages },
      {
        endpoint: 'list: default (updatedAt)',
        role,
        actor,
        variants: [get(`/api/deals?${pipeline}&limit=50`)],
      },
      { endpoint: 'search: words', role, actor, variants: searchWords.map(search) },
      { endpoint: 'search: prefix', role, actor, variants: searchPrefixes.map(search) },
      { endpoint: 'search: phone/email/INN', role, actor, variants: fixtures.contactTexts.map(search) },
      // The other lists a manager opens every day, newest first (the companies list sorted every live
      // company until migration 0026).
      {
        endpoint: 'list: companies',
        role,
        actor,
        variants: [get('/api/companies?limit=50')],
        targeted: false,
      },
      { endpoint: 'list: contacts', role, actor, variants: [get('/api/contacts?limit=50')], targeted: false },
      { endpoint: 'list: leads', role, actor, variants: [get('/api/leads?limit=50')], targeted: false },
      {
        endpoint: 'deal by id',
        role,
        actor,
        variants: ids.map((id) => get(`/api/deals/${id}`)),
        reference: reference.byId,
        targeted: false,
      },
    );
    writes.push({
      endpoint: 'create deal',
      role,
      actor,
      reference: reference.create,
      targeted: false,
      variants: fixtures.creatable.map((links, i) => ({
        method: 'POST',
        path: '/api/deals',
        body: {
          title: `${createdTitlePrefix} ${searchWords[i % searchWords.length]}`,
          amount: minAmounts[i % minAmounts.length],
          companyId: links.companyId,
          contactId: links.contactId,
        },
      })),
    });
  }
  // Creations run last: the deals they add would otherwise top the boards and lists being measured.
  return [...reads, ...writes];
}

function get(path: string): RequestSpec {
  return { method: 'GET', path };
}

function search(text: string): RequestSpec {
  return get(`/api/search?q=${encodeURIComponent(text)}`);
}

async function loadFixtures(pool: pg.Pool, workspaceId: string): Promise<Fixtures> {
  const pipeline = await pool.query<{ id: string }>(
    `select id from pipelines where workspace_id = $1 and name = 'Продажи B2B'`,
    [workspaceId],
  );
  const managers = await pool.query<{ id: string; department_id: string }>(
    `select id, department_id from users where workspace_id = $1 and role = 'manager' order by email`,
    [workspaceId],
  );
  const managersByDepartment = new Map<string, string[]>();
  for (const row of managers.rows)
    managersByDepartment.set(row.department_id, [
      ...(managersByDepartment.get(row.department_id) ?? []),
      row.id,
    ]);
  // Phones as people write them ("8 (912) 345-67-89"), e-mails, INNs.
  const contactTexts = await pool.query<{ text: string }>(
    `(select '8 (' || substr(phone, 3, 3) || ') ' || substr(phone, 6, 3) || '-' || substr(phone, 9, 2) || '-' || substr(phone, 11, 2) as text
      from leads where workspace_id = $1 order by id limit 3)
     union all (select emails[1] from contacts where workspace_id = $1 order by id limit 3)
     union all (select inn from companies where workspace_id = $1 order by id limit 2)`,
    [workspaceId],
  );
  const creatable = await pool.query<{ contactId: string; companyId: string }>(
    `select id as "contactId", company_id as "companyId" from contacts
     where workspace_id = $1 and company_id is not null order by id limit 16`,
    [workspaceId],
  );
  const pipelineId = pipeline.rows[0]?.id;
  if (!pipelineId) throw new Error('The bench workspace has no «Продажи B2B» pipeline');
  return {
    pipelineId,
    managersByDepartment,
    allManagers: managers.rows.map((row) => row.id),
    contactTexts: contactTexts.rows.map((row) => row.text),
    creatable: creatable.rows,
  };
}

/** 64 live deals the actor may open: its own, its department's, or any. */
async function visibleDealIds(pool: pg.Pool, actor: BenchActor, department: string[] | null) {
  const owners = actor.role === 'manager' ? [actor.userId] : department;
  const result = await pool.query<{ id: string }>(
    `select id from deals where workspace_id = $1 and deleted_at is null
       and ($2::uuid[] is null or responsible_id = any($2::uuid[]))
     order by id limit 64`,
    [actor.workspaceId, owners],
  );
  return result.rows.map((row) => row.id);
}
