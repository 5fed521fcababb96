import type { ConvertLeadBody } from '@voronka/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, invalid, notFound } from '../../http/errors';
import type { Actor } from '../access/actor';
import { insertDeal } from '../deals/deals.service';
import { publish } from '../events/event-bus';
import { createdFields, writeHistory } from '../history/record-history';
import { findLead, toLead } from './leads.queries';
import { announceLead } from './leads.service';

type Trx = Kysely<DB>;

async function existing(
  trx: Trx,
  actor: Actor,
  table: 'companies' | 'contacts',
  id: string,
  path: string,
): Promise<string> {
  const row = await trx
    .selectFrom(table)
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalid(path, `No such ${table === 'companies' ? 'company' : 'contact'}`);
  return row.id;
}

async function created(
  trx: Trx,
  actor: Actor,
  entity: 'company' | 'contact',
  id: string,
  responsibleId: string | null,
  fields: Record<string, unknown>,
) {
  await writeHistory(trx, {
    workspaceId: actor.workspaceId,
    entity,
    recordId: id,
    actorId: actor.userId,
    action: 'create',
    changes: createdFields(fields),
  });
  await publish(trx, {
    workspaceId: actor.workspaceId,
    responsibleId,
    event: { type: 'record.changed', entity, recordId: id, action: 'create', actorId: actor.userId },
  });
}

/**
 * Converts a lead into a contact, an optional company and a deal, in one transaction. The lead stays,
 * marked converted and linked to all three; the deal points back at it, so the deal's card shows the
 * lead's activities and history as its own beginning. Joins the caller's transaction when there is one
 * (a process step converts inside its own).
 */
export async function convertLead(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof ConvertLeadBody>,
) {
  return inTransaction(db, async (trx) => {
    const lead = await findLead(trx, actor, id, true);
    if (!lead) throw notFound('Lead');
    if (lead.status === 'converted')
      throw new AppError('conflict', 'This lead has already been converted', { dealId: lead.deal_id });
    if (lead.status === 'refused')
      throw new AppError('conflict', 'A refused lead must be taken back into work before it is converted');
    const responsibleId = lead.responsible_id ?? actor.userId;

    let companyId: string | null = null;
    if (input.companyId)
      companyId = await existing(trx, actor, 'companies', input.companyId, 'body.companyId');
    else if (input.companyName) {
      const company = await trx
        .insertInto('companies')
        .values({
          workspace_id: actor.workspaceId,
          name: input.companyName,
          inn: null,
          kpp: null,
          address: null,
          region: lead.region,
          responsible_id: responsibleId,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      companyId = company.id;
      await created(trx, actor, 'company', company.id, responsibleId, {
        name: input.companyName,
        ...(lead.region && { region: lead.region }),
        responsibleId,
        fromLead: lead.id,
      });
    }

    let contactId: string;
    if (input.contactId)
      contactId = await existing(trx, actor, 'contacts', input.contactId, 'body.contactId');
    else {
      const name = lead.contact_name ?? lead.title;
      const phones = lead.phone ? [lead.phone] : [];
      const emails = lead.email ? [lead.email] : [];
      const contact = await trx
        .insertInto('contacts')
        .values({
          workspace_id: actor.workspaceId,
          name,
          position: null,
          company_id: companyId,
          phones,
          emails,
          responsible_id: responsibleId,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      contactId = contact.id;
      await created(trx, actor, 'contact', contact.id, responsibleId, {
        name,
        phones,
        emails,
        companyId,
        responsibleId,
        fromLead: lead.id,
      });
    }

    const deal = await insertDeal(
      trx,
      actor,
      {
        title: input.deal.title ?? lead.title,
        pipelineId: input.deal.pipelineId,
        amount: input.deal.amount,
        currency: 'RUB',
        probability: null,
        expectedCloseDate: null,
        responsibleId,
        contactId,
        companyId,
        source: lead.source,
        custom: {},
      },
      { leadId: lead.id },
    );

    const row = await trx
      .updateTable('leads')
      .set({
        status: 'converted',
        converted_at: new Date(),
        contact_id: contactId,
        company_id: companyId,
        deal_id: deal.id,
        refusal_reason: null,
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const converted = toLead(row);
    await writeHistory(trx, {
      workspaceId: actor.workspaceId,
      entity: 'lead',
      recordId: id,
      actorId: actor.userId,
      action: 'update',
      changes: [
        { field: 'status', oldValue: lead.status, newValue: 'converted' },
        { field: 'contactId', oldValue: null, newValue: contactId },
        { field: 'companyId', oldValue: null, newValue: companyId },
        { field: 'dealId', oldValue: null, newValue: deal.id },
      ],
    });
    await announceLead(trx, actor, converted, 'update');
    return { lead: converted, contactId, companyId, dealId: deal.id };
  });
}
