import { type LeadStatus, normalizePhone } from '@voronka/domain';
import type { Kysely } from 'kysely';
import { createdFields, writeHistory } from '../modules/history/record-history';
import { toLead } from '../modules/leads/leads.queries';
import { addMember, createWorkspace } from '../modules/workspaces/workspaces.service';
import type { DB } from './schema';

export const demoPassword = 'voronka-demo';

/** The department of seed 004: a head of sales and four managers (hunter, two closers, farmer). */
export const demoPeople = [
  { email: 'owner@demo.voronka.dev', name: 'Сергей Волков', role: 'owner', function: null },
  { email: 'head@demo.voronka.dev', name: 'Ирина Соколова', role: 'head_of_sales', function: null },
  { email: 'hunter@demo.voronka.dev', name: 'Алексей Петров', role: 'manager', function: 'hunter' },
  { email: 'closer1@demo.voronka.dev', name: 'Мария Иванова', role: 'manager', function: 'closer' },
  { email: 'closer2@demo.voronka.dev', name: 'Дмитрий Смирнов', role: 'manager', function: 'closer' },
  { email: 'farmer@demo.voronka.dev', name: 'Ольга Кузнецова', role: 'manager', function: 'farmer' },
] as const;

const demoLeads: {
  title: string;
  contact: string;
  phone: string;
  source: string;
  status: LeadStatus;
  owner: number;
  daysAgo: number;
}[] = [
  {
    title: 'Заявка с сайта: поставка упаковки',
    contact: 'Андрей Никитин',
    phone: '+7 912 345-67-01',
    source: 'website',
    status: 'new',
    owner: 2,
    daysAgo: 0,
  },
  {
    title: 'Звонок: расчёт стоимости доставки',
    contact: 'Елена Морозова',
    phone: '+7 903 111-22-33',
    source: 'phone',
    status: 'in_work',
    owner: 2,
    daysAgo: 1,
  },
  {
    title: 'Яндекс.Директ: оптовая закупка',
    contact: 'ООО «Северный ветер»',
    phone: '+7 495 700-10-20',
    source: 'ads',
    status: 'qualified_mql',
    owner: 2,
    daysAgo: 3,
  },
  {
    title: 'Выставка: интерес к линейке 2027',
    contact: 'Павел Орлов',
    phone: '+7 921 555-44-33',
    source: 'event',
    status: 'qualified_sql',
    owner: 3,
    daysAgo: 6,
  },
  {
    title: 'Рекомендация клиента: склад в Казани',
    contact: 'Ринат Галиев',
    phone: '+7 843 200-30-40',
    source: 'referral',
    status: 'in_work',
    owner: 3,
    daysAgo: 9,
  },
  {
    title: 'Заявка с сайта: тестовая партия',
    contact: 'Светлана Белова',
    phone: '+7 916 808-70-60',
    source: 'website',
    status: 'refused',
    owner: 4,
    daysAgo: 12,
  },
  {
    title: 'Входящий звонок: замена поставщика',
    contact: 'Игорь Лебедев',
    phone: '+7 911 234-56-78',
    source: 'phone',
    status: 'qualified_sql',
    owner: 4,
    daysAgo: 16,
  },
  {
    title: 'Повторная покупка: расширение заказа',
    contact: 'ООО «ТехноСнаб»',
    phone: '+7 812 300-20-10',
    source: 'existing_client',
    status: 'in_work',
    owner: 5,
    daysAgo: 20,
  },
  {
    title: 'Email-рассылка: запрос прайса',
    contact: 'Наталья Ковалёва',
    phone: '+7 926 123-45-67',
    source: 'email',
    status: 'new',
    owner: 2,
    daysAgo: 24,
  },
  {
    title: 'Форма на сайте: консультация',
    contact: 'Михаил Зайцев',
    phone: '+7 905 765-43-21',
    source: 'website',
    status: 'qualified_mql',
    owner: 3,
    daysAgo: 28,
  },
];

/** Creates the demo workspace once; a database that has any workspace is left alone. */
export async function seedDemo(db: Kysely<DB>): Promise<boolean> {
  const existing = await db.selectFrom('workspaces').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const [ownerPerson, ...others] = demoPeople;
  const { workspace, owner } = await createWorkspace(db, 'Демо: отдел продаж', {
    ...ownerPerson,
    password: demoPassword,
  });
  const department = await db
    .insertInto('departments')
    .values({ workspace_id: workspace.id, name: 'Отдел продаж' })
    .returningAll()
    .executeTakeFirstOrThrow();
  const ids = [owner.id];
  for (const person of others) {
    const user = await addMember(db, workspace.id, {
      ...person,
      password: demoPassword,
      departmentId: department.id,
    });
    ids.push(user.id);
  }
  await db.updateTable('departments').set({ head_id: ids[1] }).where('id', '=', department.id).execute();
  const day = 24 * 3600 * 1000;
  const leads = await db
    .insertInto('leads')
    .values(
      demoLeads.map((lead) => ({
        workspace_id: workspace.id,
        title: lead.title,
        contact_name: lead.contact,
        phone: normalizePhone(lead.phone),
        source: lead.source,
        status: lead.status,
        refusal_reason: lead.status === 'refused' ? 'Дорого' : null,
        responsible_id: ids[lead.owner] ?? null,
        created_by: ids[1] ?? null,
        created_at: new Date(Date.now() - lead.daysAgo * day),
        updated_at: new Date(Date.now() - lead.daysAgo * day),
      })),
    )
    .returningAll()
    .execute();
  for (const lead of leads) {
    await writeHistory(db, {
      workspaceId: workspace.id,
      entity: 'lead',
      recordId: lead.id,
      actorId: lead.created_by,
      action: 'create',
      changes: createdFields(toLead(lead)),
    });
  }
  return true;
}
