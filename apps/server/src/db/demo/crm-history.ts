import { randomUUID } from 'node:crypto';
import type { LeadStatus } from '@voronka/domain';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../schema';
import { type Random, seededRandom } from './random';
import {
  callResults,
  companyStems,
  lostReasons,
  needs,
  personName,
  priceLists,
  products,
  regions,
  sources,
} from './words';

export interface DemoPeople {
  owner: string;
  head: string;
  hunter: string;
  closers: [string, string];
  farmer: string;
}

const hour = 3600 * 1000;
const day = 24 * hour;
type Row<T extends keyof DB> = Insertable<DB[T]>;

/** A valid ten-digit INN: nine random digits and the check digit the tax service computes. */
function makeInn(random: Random): string {
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const digits = Array.from({ length: 9 }, (_, i) => (i === 0 ? random.int(1, 9) : random.int(0, 9)));
  const check = (weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11) % 10;
  return [...digits, check].join('');
}

const phone = (random: Random, code: string) => `+7${code}${String(random.int(1_000_000, 9_999_999))}`;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const between = (random: Random, from: number, to: number) =>
  new Date(from + random.next() * Math.max(0, to - from));

/**
 * One month in the life of the seed-004 department: leads from every channel, deals in every stage of
 * the B2B funnel (amounts around 40,000 ₽), the calls, meetings and tasks that moved them, refusals,
 * won deals handed to fulfilment. Dates are relative to `now`, so the demo always looks current.
 */
export async function seedCrmHistory(
  db: Kysely<DB>,
  workspaceId: string,
  people: DemoPeople,
  now = Date.now(),
): Promise<void> {
  const random = seededRandom(4_2026);
  const monthAgo = now - 30 * day;
  const history: Row<'record_history'>[] = [];
  const created = (
    entity: 'lead' | 'deal' | 'contact' | 'company',
    id: string,
    actor: string,
    at: Date,
    fields: Record<string, unknown>,
  ) => {
    for (const [field, value] of Object.entries(fields)) {
      if (value !== null && value !== undefined)
        history.push({
          workspace_id: workspaceId,
          entity,
          record_id: id,
          action: 'create',
          field,
          old_value: JSON.stringify(null),
          new_value: JSON.stringify(value),
          actor_id: actor,
          at,
        });
    }
  };

  // Catalogue: the products and the five price lists.
  const lists = priceLists.map((list, position) => ({
    id: randomUUID(),
    workspace_id: workspaceId,
    name: list.name,
    position,
  }));
  await db.insertInto('price_lists').values(lists).execute();
  const productRows = products.map((product) => ({
    id: randomUUID(),
    workspace_id: workspaceId,
    name: product.name,
    sku: product.sku,
  }));
  await db.insertInto('products').values(productRows).execute();
  await db
    .insertInto('product_prices')
    .values(
      productRows.flatMap((product, p) =>
        lists.map((list, l) => ({
          workspace_id: workspaceId,
          price_list_id: list.id,
          product_id: product.id,
          price: Math.round((products[p]?.price ?? 0) * (100 - (priceLists[l]?.discount ?? 0))) / 100,
        })),
      ),
    )
    .execute();

  // Clients: companies with their contacts.
  // Regions go by position, not by the random source, so every other demo figure stays as it was.
  const companies = companyStems.map((stem, i) => {
    const at = between(random, monthAgo - 60 * day, now - 5 * day);
    return {
      id: randomUUID(),
      workspace_id: workspaceId,
      name: `ООО «${stem}»`,
      inn: makeInn(random),
      kpp: null,
      address: null,
      region: regions[i % regions.length],
      phones: [phone(random, '495')],
      emails: [],
      responsible_id: random.pick([people.farmer, ...people.closers]),
      created_by: people.head,
      created_at: at,
      updated_at: at,
    };
  });
  await db.insertInto('companies').values(companies).execute();
  for (const company of companies)
    created('company', company.id, people.head, company.created_at, { name: company.name, inn: company.inn });
  const contacts = companies.flatMap((company, i) =>
    Array.from({ length: i % 3 === 0 ? 2 : 1 }, (_, j) => {
      const name = personName(random.pick, random.chance);
      return {
        id: randomUUID(),
        workspace_id: workspaceId,
        name,
        position: j === 0 ? 'Руководитель закупок' : 'Директор',
        company_id: company.id,
        phones: [phone(random, `9${random.int(10, 99)}`)],
        emails: [`client${i}${j}@example.ru`],
        responsible_id: company.responsible_id,
        created_by: people.head,
        created_at: company.created_at,
        updated_at: company.created_at,
      };
    }),
  );
  await db.insertInto('contacts').values(contacts).execute();
  for (const contact of contacts)
    created('contact', contact.id, people.head, contact.created_at, {
      name: contact.name,
      companyId: contact.company_id,
    });

  // The funnel: its stages in order, and the fulfilment pipeline's.
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'kind'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  const salesId = pipelines.find((p) => p.kind === 'sales')?.id ?? '';
  const productionId = pipelines.find((p) => p.kind === 'fulfilment')?.id ?? '';
  const stagesOf = (pipelineId: string) =>
    db
      .selectFrom('stages')
      .select(['id', 'kind', 'probability'])
      .where('pipeline_id', '=', pipelineId)
      .orderBy('position')
      .execute();
  const salesStages = await stagesOf(salesId);
  const productionStages = await stagesOf(productionId);
  const open = salesStages.filter((stage) => stage.kind === 'open');
  const won = salesStages.find((stage) => stage.kind === 'won')!;
  const lost = salesStages.find((stage) => stage.kind === 'lost')!;

  // Leads from every channel; some refused, some converted into the deals below.
  const leads = Array.from({ length: 60 }, (_, i) => {
    const at = new Date(monthAgo + (i / 60) * 30 * day + random.int(0, 8) * hour);
    const name = personName(random.pick, random.chance);
    const roll = random.next();
    const status =
      roll < 0.2
        ? 'converted'
        : roll < 0.3
          ? 'refused'
          : at.getTime() > now - 3 * day
            ? 'new'
            : roll < 0.55
              ? 'in_work'
              : roll < 0.75
                ? 'qualified_mql'
                : 'qualified_sql';
    return {
      id: randomUUID(),
      workspace_id: workspaceId,
      title: `${random.pick(['Заявка с сайта', 'Звонок', 'Запрос', 'Обращение'])}: ${random.pick(needs)}`,
      contact_name: name,
      phone: phone(random, `9${random.int(10, 99)}`),
      email: null,
      source: random.pick(sources),
      region: i % 5 === 4 ? null : regions[(i * 7) % regions.length],
      channel: null,
      status: status as LeadStatus,
      refusal_reason: status === 'refused' ? random.pick(lostReasons) : null,
      responsible_id: random.chance(0.75) ? people.hunter : random.pick(people.closers),
      created_by: people.head,
      created_at: at,
      updated_at: at,
      // A lead of the last days is converted by now, not days ahead: its deal's stage visits walk
      // from the conversion to now, and a future start would run them backwards.
      converted_at:
        status === 'converted' ? new Date(Math.min(at.getTime() + random.int(1, 4) * day, now - hour)) : null,
    };
  });
  await db.insertInto('leads').values(leads).execute();
  for (const lead of leads)
    created('lead', lead.id, lead.created_by, lead.created_at, {
      title: lead.title,
      contactName: lead.contact_name,
      phone: lead.phone,
      source: lead.source,
      status: 'new',
    });

  // Deals in every stage, from converted leads spread over the funnel (so that some of the leads'
  // deals are won and the lead sources show revenue) and from existing clients.
  // The latest conversions take the first stages and the earliest the closed deals, so that no deal
  // walks the whole funnel in the hour since its lead was converted.
  const converted = leads
    .filter((lead) => lead.status === 'converted')
    .sort((a, b) => (b.converted_at?.getTime() ?? 0) - (a.converted_at?.getTime() ?? 0));
  const plan = [
    ...open.flatMap((stage, i) => Array.from({ length: Math.max(2, 6 - Math.floor(i / 2)) }, () => stage)),
    ...Array.from({ length: 8 }, () => won),
    ...Array.from({ length: 5 }, () => lost),
  ];
  const deals: Row<'deals'>[] = [];
  const visits: Row<'deal_stage_history'>[] = [];
  const dealProducts: Row<'deal_products'>[] = [];
  const orders: Row<'deals'>[] = [];
  const links: { leadId: string; dealId: string; contactId: string; companyId: string | null }[] = [];
  const stride = Math.max(1, Math.floor(plan.length / Math.max(1, converted.length)));
  for (const [i, stage] of plan.entries()) {
    const lead = i % stride === 0 ? converted[i / stride] : undefined;
    const contact = random.pick(contacts);
    const createdAt = lead?.converted_at ?? between(random, monthAgo, now - 2 * day);
    const stageIndex =
      stage.kind === 'open'
        ? open.indexOf(stage)
        : stage.kind === 'won'
          ? open.length
          : random.int(0, open.length - 1);
    const responsible = stageIndex === 0 ? people.hunter : (people.closers[i % 2] ?? people.hunter);
    const amount = random.amount(40_000);
    const id = randomUUID();
    // Walk the funnel from the first stage to this one, leaving each at a later moment.
    let at = createdAt.getTime();
    const path = [...open.slice(0, Math.min(stageIndex, open.length)), stage];
    path.forEach((visited, k) => {
      const next = k === path.length - 1 ? null : at + random.next() * ((now - at) / (path.length - k));
      visits.push({
        workspace_id: workspaceId,
        deal_id: id,
        pipeline_id: salesId,
        stage_id: visited.id,
        entered_at: new Date(at),
        exited_at: next ? new Date(next) : null,
        actor_id: responsible,
        override_comment: null,
      });
      if (next) at = next;
    });
    const closed = stage.kind !== 'open' ? new Date(at) : null;
    const withProducts = random.chance(0.5);
    const unit = random.pick(products.slice(0, 3));
    const quantity = Math.max(1, Math.round(amount / (unit.price || 1)));
    const total = withProducts ? Math.round(unit.price * quantity * 100) / 100 : amount;
    deals.push({
      id,
      workspace_id: workspaceId,
      title: lead
        ? capitalize(lead.title.replace(/^[^:]+: /, ''))
        : `${contact.name.split(' ')[1]}: ${random.pick(needs)}`,
      pipeline_id: salesId,
      stage_id: stage.id,
      amount: total,
      probability: stage.probability,
      // Closed deals closed when they were expected to; open ones expect to within weeks.
      expected_close_date: (closed ?? new Date(now + random.int(5, 40) * day)).toISOString().slice(0, 10),
      responsible_id: responsible,
      contact_id: contact.id,
      company_id: contact.company_id,
      lead_id: lead?.id ?? null,
      source: lead?.source ?? 'existing_client',
      lost_reason: stage.kind === 'lost' ? random.pick(lostReasons) : null,
      closed_at: closed,
      stage_entered_at: new Date(at),
      created_by: responsible,
      created_at: createdAt,
      updated_at: new Date(at),
    });
    if (withProducts) {
      dealProducts.push({
        workspace_id: workspaceId,
        deal_id: id,
        product_id: productRows[products.indexOf(unit)]?.id ?? null,
        name: unit.name,
        price: unit.price,
        quantity,
        discount_percent: 0,
        vat_rate: 22,
        vat_included: true,
        position: 0,
      });
    }
    if (stage.kind === 'won' && i % 2 === 0) {
      const order = randomUUID();
      orders.push({
        id: order,
        workspace_id: workspaceId,
        title: deals.at(-1)?.title as string,
        pipeline_id: productionId,
        stage_id: productionStages[random.int(0, 2)]?.id as string,
        amount: total,
        probability: null,
        expected_close_date: null,
        responsible_id: people.farmer,
        contact_id: contact.id,
        company_id: contact.company_id,
        lead_id: null,
        source_deal_id: id,
        source: null,
        lost_reason: null,
        closed_at: null,
        created_by: responsible,
        created_at: closed ?? new Date(now),
        updated_at: closed ?? new Date(now),
      });
    }
    if (lead)
      links.push({ leadId: lead.id, dealId: id, contactId: contact.id, companyId: contact.company_id });
  }
  await db.insertInto('deals').values(deals).execute();
  if (orders.length > 0) await db.insertInto('deals').values(orders).execute();
  await db.insertInto('deal_stage_history').values(visits).execute();
  for (const link of links) {
    await db
      .updateTable('leads')
      .set({ deal_id: link.dealId, contact_id: link.contactId, company_id: link.companyId })
      .where('id', '=', link.leadId)
      .execute();
  }
  if (dealProducts.length > 0) await db.insertInto('deal_products').values(dealProducts).execute();
  for (const deal of [...deals, ...orders]) {
    created('deal', deal.id as string, deal.created_by as string, deal.created_at as Date, {
      title: deal.title,
      amount: Number(deal.amount),
      responsibleId: deal.responsible_id,
      companyId: deal.company_id,
      contactId: deal.contact_id,
    });
  }

  // The work itself: calls and notes on leads and deals, meetings on deals past the presentation.
  const activities: Row<'activities'>[] = [];
  const log = (
    entity: 'lead' | 'deal' | 'company',
    recordId: string,
    author: string,
    from: number,
    to: number,
    calls: number,
    meetings: number,
    emails = 0,
  ) => {
    for (let c = 0; c < calls; c++) {
      const answered = random.chance(0.8);
      activities.push({
        workspace_id: workspaceId,
        kind: 'call',
        subject: null,
        body: null,
        direction: random.chance(0.7) ? 'out' : 'in',
        duration_seconds: answered ? random.int(40, 900) : 0,
        result: answered ? random.pick(callResults) : 'Не дозвонились',
        recording_url: null,
        occurred_at: between(random, from, to),
        entity,
        record_id: recordId,
        author_id: author,
      });
    }
    for (let m = 0; m < meetings; m++) {
      activities.push({
        workspace_id: workspaceId,
        kind: 'meeting',
        subject: 'Встреча у клиента',
        body: 'Обсудили объёмы и сроки поставки',
        direction: null,
        duration_seconds: 3600,
        result: 'Проведена',
        recording_url: null,
        occurred_at: between(random, from, to),
        entity,
        record_id: recordId,
        author_id: author,
      });
    }
    for (let e = 0; e < emails; e++) {
      activities.push({
        workspace_id: workspaceId,
        kind: 'email',
        subject: random.pick(['Коммерческое предложение', 'Прайс-лист', 'Договор на согласование']),
        body: 'Добрый день! Направляем документы по нашему разговору.',
        direction: 'out',
        duration_seconds: null,
        result: 'sent',
        recording_url: null,
        occurred_at: between(random, from, to),
        entity,
        record_id: recordId,
        author_id: author,
      });
    }
  };
  for (const lead of leads) {
    // The first call comes within the quarter hour the call-back task allows, now and then hours late;
    // spread over the lead's life, it came five days on average and the report said so.
    const created = lead.created_at.getTime();
    const delay = random.chance(0.8) ? random.int(3, 15) * (hour / 60) : random.int(1, 6) * hour;
    const first = Math.min(now, created + delay);
    log('lead', lead.id, lead.responsible_id, first, first, 1, 0);
    log('lead', lead.id, lead.responsible_id, first, now, random.int(0, 2), 0);
  }
  for (const deal of deals) {
    const stageIndex = open.findIndex((stage) => stage.id === deal.stage_id);
    const far = stageIndex < 0 || stageIndex >= 2;
    log(
      'deal',
      deal.id as string,
      deal.responsible_id as string,
      (deal.created_at as Date).getTime(),
      Math.min(now, (deal.updated_at as Date).getTime() + day),
      random.int(2, 6),
      far ? random.int(1, 2) : 0,
      // Proposals, price lists and contracts go by email once the needs are known.
      far ? random.int(1, 2) : random.int(0, 1),
    );
  }
  // The farmer keeps in touch with the clients she looks after: a call or two each this month.
  for (const company of companies.filter((candidate) => candidate.responsible_id === people.farmer))
    log(
      'company',
      company.id,
      people.farmer,
      Math.max(company.created_at.getTime(), monthAgo),
      now,
      random.int(1, 2),
      0,
    );
  await db.insertInto('activities').values(activities).execute();

  // Next steps: most open deals have one (overdue, today or later); the rest show "no next step".
  const tasks: Row<'tasks'>[] = [];
  /** A task on a deal, set by and for its responsible person; open unless `values` marks it done. */
  const dealTask = (
    deal: Row<'deals'>,
    values: Pick<Row<'tasks'>, 'title' | 'due_at' | 'created_at'> & Partial<Row<'tasks'>>,
  ): Row<'tasks'> => ({
    workspace_id: workspaceId,
    description: null,
    assignee_id: deal.responsible_id as string,
    remind_at: null,
    reminded_at: null,
    recurrence: null,
    done_at: null,
    entity: 'deal',
    record_id: deal.id as string,
    created_by: deal.responsible_id as string,
    ...values,
  });
  for (const deal of deals) {
    if (deal.closed_at || random.chance(0.3)) continue;
    const title = random.pick([
      'Перезвонить клиенту',
      'Отправить КП',
      'Согласовать договор',
      'Выставить счёт',
      'Уточнить объёмы',
    ]);
    const due = now + random.int(-3, 7) * day + random.int(1, 8) * hour;
    // Set once the deal exists, and due after it was set: a deal converted an hour ago has no task
    // from last week, nor one overdue since before it existed.
    const set = Math.max(now - random.int(1, 5) * day, (deal.created_at as Date).getTime());
    tasks.push(
      dealTask(deal, { title, due_at: new Date(Math.max(due, set + hour)), created_at: new Date(set) }),
    );
  }
  for (const lead of leads.filter((candidate) => candidate.status === 'in_work').slice(0, 8)) {
    tasks.push({
      workspace_id: workspaceId,
      title: 'Уточняющий звонок',
      description: null,
      assignee_id: lead.responsible_id,
      due_at: new Date(now + random.int(0, 3) * day),
      remind_at: null,
      reminded_at: null,
      recurrence: null,
      done_at: null,
      entity: 'lead',
      record_id: lead.id,
      created_by: people.head,
      created_at: lead.created_at,
    });
  }
  // Work already done: a call-back or a proposal ticked off while the deal moved on.
  for (const deal of deals) {
    const createdAt = (deal.created_at as Date).getTime();
    const movedAt = (deal.stage_entered_at as Date).getTime();
    if (movedAt <= createdAt) continue;
    const doneAt = between(random, createdAt, movedAt);
    tasks.push(
      dealTask(deal, {
        title: random.pick(['Перезвонить клиенту', 'Отправить КП', 'Уточнить объёмы']),
        due_at: new Date(doneAt.getTime() + random.int(0, 2) * day),
        status: 'done',
        done_at: doneAt,
        created_at: new Date(createdAt),
      }),
    );
  }
  const monday = new Date(now);
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
  monday.setUTCHours(6, 0, 0, 0);
  tasks.push({
    workspace_id: workspaceId,
    title: 'Проверить звонки менеджеров',
    description: 'Прослушать 5 записей каждого менеджера',
    assignee_id: people.head,
    due_at: monday,
    remind_at: new Date(monday.getTime() - 15 * 60 * 1000),
    reminded_at: null,
    recurrence: JSON.stringify({ frequency: 'weekly', interval: 1, weekdays: [1] }),
    done_at: null,
    entity: null,
    record_id: null,
    created_by: people.head,
    created_at: new Date(monthAgo),
  });
  // The head's own work for today, so their task list has a today on first start: the evening review
  // of deals without a next step, at 18:00 in Moscow, or an hour from now when that is past.
  const evening = new Date(now);
  evening.setUTCHours(15, 0, 0, 0);
  const review = evening.getTime() - now > 60 * 60 * 1000 ? evening : new Date(now + 60 * 60 * 1000);
  tasks.push({
    workspace_id: workspaceId,
    title: 'Разобрать сделки без следующего шага',
    description: 'Каждой открытой сделке — задача с датой; без неё сделка теряется',
    assignee_id: people.head,
    due_at: review,
    remind_at: new Date(review.getTime() - 15 * 60 * 1000),
    reminded_at: null,
    recurrence: JSON.stringify({ frequency: 'daily', interval: 1 }),
    done_at: null,
    entity: null,
    record_id: null,
    created_by: people.head,
    created_at: new Date(monthAgo),
  });
  await db.insertInto('tasks').values(tasks).execute();

  for (let i = 0; i < history.length; i += 500)
    await db
      .insertInto('record_history')
      .values(history.slice(i, i + 500))
      .execute();
}
