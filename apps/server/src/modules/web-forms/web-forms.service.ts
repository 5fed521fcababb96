import {
  CreateTaskBody,
  canEditProcesses,
  readSubmission,
  type UpdateWebFormInput,
  type WebForm,
  type WebFormField,
  type WebFormInput,
  type WebFormSubmission,
  webFormLabels,
} from '@voronka/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB, WebFormsTable } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../http/errors';
import { type Actor, requireAdmin } from '../access/actor';
import { insertActivity } from '../activities/activities.service';
import { newToken } from '../auth/secrets';
import { insertLead } from '../leads/leads.service';
import { requireResponsible } from '../parties/record-changes';
import { processActor } from '../processes/process-actor';
import { emitProcessEvent } from '../processes/triggers';
import { insertTask } from '../tasks/tasks.service';

type Trx = Kysely<DB>;
type FormRow = Selectable<WebFormsTable>;
type FormFields = WebForm['fields'];

function toWebForm(row: FormRow): WebForm {
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key,
    fields: row.fields as FormFields,
    source: row.source,
    responsibleId: row.responsible_id,
    successMessage: row.success_message,
    language: row.language,
    enabled: row.enabled,
    submissions: row.submissions,
    lastSubmittedAt: row.last_submitted_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Heads of sales see the forms too: they pick one when a process should start on its requests. */
export async function listWebForms(db: Kysely<DB>, actor: Actor): Promise<WebForm[]> {
  if (!canEditProcesses(actor.role))
    throw forbidden('Only owners, admins and heads of sales see website forms');
  const rows = await db
    .selectFrom('web_forms')
    .selectAll()
    .where('workspace_id', '=', actor.workspaceId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map(toWebForm);
}

export async function createWebForm(
  db: Kysely<DB>,
  actor: Actor,
  input: z.output<typeof WebFormInput>,
): Promise<WebForm> {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    if (input.responsibleId) await requireResponsible(trx, actor, input.responsibleId);
    const row = await trx
      .insertInto('web_forms')
      .values({
        workspace_id: actor.workspaceId,
        // The key is all a website knows; a random one keeps other workspaces' forms unguessable.
        public_key: newToken().slice(0, 24),
        name: input.name,
        fields: JSON.stringify(input.fields),
        source: input.source,
        responsible_id: input.responsibleId,
        success_message: input.successMessage,
        language: input.language,
        enabled: input.enabled,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toWebForm(row);
  });
}

export async function updateWebForm(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: z.output<typeof UpdateWebFormInput>,
): Promise<WebForm> {
  requireAdmin(actor);
  return db.transaction().execute(async (trx) => {
    if (input.responsibleId) await requireResponsible(trx, actor, input.responsibleId);
    const row = await trx
      .updateTable('web_forms')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.fields !== undefined && { fields: JSON.stringify(input.fields) }),
        ...(input.source !== undefined && { source: input.source }),
        ...(input.responsibleId !== undefined && { responsible_id: input.responsibleId }),
        ...(input.successMessage !== undefined && { success_message: input.successMessage }),
        ...(input.language !== undefined && { language: input.language }),
        ...(input.enabled !== undefined && { enabled: input.enabled }),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Web form');
    return toWebForm(row);
  });
}

/** A deleted form's address stops taking requests; the leads it made keep pointing at it. */
export async function deleteWebForm(db: Kysely<DB>, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  const result = await db
    .updateTable('web_forms')
    .set({ deleted_at: new Date(), enabled: false })
    .where('workspace_id', '=', actor.workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('Web form');
}

/** What a visitor sees of a form: its name, its fields with their labels, and its language. */
export interface PublicForm {
  name: string;
  language: 'ru' | 'en';
  successMessage: string;
  fields: { field: WebFormField; label: string; required: boolean }[];
}

const thanks = {
  ru: 'Спасибо! Мы свяжемся с вами в ближайшее время.',
  en: 'Thank you! We will be in touch shortly.',
};

function toPublic(row: FormRow): PublicForm {
  const labels = webFormLabels[row.language];
  return {
    name: row.name,
    language: row.language,
    successMessage: row.success_message ?? thanks[row.language],
    fields: (row.fields as FormFields).map((item) => ({
      field: item.field,
      label: item.label ?? labels[item.field],
      required: item.required,
    })),
  };
}

async function liveForm(trx: Trx, publicKey: string, lock = false): Promise<FormRow> {
  let query = trx
    .selectFrom('web_forms')
    .selectAll()
    .where('public_key', '=', publicKey)
    .where('enabled', '=', true)
    .where('deleted_at', 'is', null);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Form');
  return row;
}

export async function publicWebForm(db: Kysely<DB>, publicKey: string): Promise<PublicForm> {
  return toPublic(await liveForm(db, publicKey));
}

/** A submission the form refused, with each field at fault, in the visitor's language. */
export class SubmissionRefused extends AppError {
  constructor(
    readonly form: PublicForm,
    readonly problems: { field: WebFormField; message: string; text: string }[],
  ) {
    super(
      'validation_failed',
      problems.map((item) => item.message).join('; '),
      problems.map((item) => ({ path: `body.${item.field}`, message: item.message })),
    );
  }
}

const problemText = {
  ru: {
    required: 'Заполните поле',
    phone: 'Не похоже на номер телефона',
    email: 'Не похоже на адрес e-mail',
  },
  en: {
    required: 'Please fill this in',
    phone: 'This does not look like a phone number',
    email: 'This does not look like an e-mail address',
  },
};

/**
 * Turns a visitor's request into a lead at once, in one transaction: the lead (source and UTM kept,
 * linked to the form), the visitor's comment as a note, a task for the form's responsible person to
 * call back within 15 minutes, and the `form.submitted` event for processes. A robot that fills the
 * hidden field is thanked and nothing is written.
 */
export async function submitWebForm(
  db: Kysely<DB>,
  publicKey: string,
  sent: WebFormSubmission,
): Promise<{ form: PublicForm; leadId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = await liveForm(trx, publicKey, true);
    const form = toPublic(row);
    if (sent.homepage) return { form, leadId: null };
    const { values, utm, problems } = readSubmission(row.fields as FormFields, sent);
    if (problems.length > 0) {
      const labels = new Map(form.fields.map((item) => [item.field, item.label]));
      throw new SubmissionRefused(
        form,
        problems.map((item) => ({
          field: item.field,
          message: `${labels.get(item.field)}: ${problemText[row.language][item.problem]}`,
          text: problemText[row.language][item.problem],
        })),
      );
    }
    // The form acts as the person who made it, so the lead's history names someone.
    const actor = await processActor(trx, row.workspace_id, row.created_by);
    const who = values.company ?? values.contactName ?? values.phone ?? values.email ?? '';
    const lead = await insertLead(trx, actor, {
      title: `${row.name}: ${who}`.slice(0, 300),
      contactName: values.contactName ?? null,
      phone: values.phone ?? null,
      email: values.email ?? null,
      source: row.source,
      region: null,
      channel: sent.page ? sent.page.slice(0, 100) : null,
      utm,
      custom: {},
      status: 'new',
      responsibleId: row.responsible_id,
    });
    await trx.updateTable('leads').set({ form_id: row.id }).where('id', '=', lead.id).execute();
    const note = [
      values.company && `${form.fields.find((f) => f.field === 'company')?.label}: ${values.company}`,
      values.comment,
      sent.page && `${row.language === 'ru' ? 'Страница' : 'Page'}: ${sent.page}`,
    ]
      .filter(Boolean)
      .join('\n');
    if (note) {
      await insertActivity(trx, {
        workspace_id: row.workspace_id,
        kind: 'note',
        subject: row.name,
        body: note.slice(0, 20_000),
        entity: 'lead',
        record_id: lead.id,
      });
    }
    if (row.responsible_id) {
      await insertTask(
        trx,
        actor,
        // The task schema's defaults fill in what a call-back task leaves out.
        CreateTaskBody.parse({
          title: `Обработать заявку: ${who}`.slice(0, 300),
          description: values.comment ?? null,
          assigneeId: row.responsible_id,
          dueAt: new Date(Date.now() + 15 * 60_000).toISOString(),
          priority: 'high',
          entity: 'lead',
          recordId: lead.id,
        }),
      );
    }
    await emitProcessEvent(trx, {
      workspaceId: row.workspace_id,
      event: 'form.submitted',
      entity: 'lead',
      recordId: lead.id,
      data: { formId: row.id, formName: row.name, ...(sent.page && { page: sent.page }) },
    });
    await trx
      .updateTable('web_forms')
      .set((eb) => ({ submissions: eb('submissions', '+', 1), last_submitted_at: new Date() }))
      .where('id', '=', row.id)
      .execute();
    return { form, leadId: lead.id };
  });
}
