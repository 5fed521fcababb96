import { z } from 'zod';
import { taskDecisions } from './process/graph';

/** What can start a process by itself; `manual` means a person starts it from a record or a list. */
export const processTriggerEvents = [
  'manual',
  'lead.created',
  'deal.created',
  'deal.stageEntered',
  'record.fieldChanged',
  'form.submitted',
  'call.missed',
  'email.opened',
  'schedule',
] as const;
export const ProcessTriggerEvent = z.enum(processTriggerEvents);
export type ProcessTriggerEvent = z.infer<typeof ProcessTriggerEvent>;

const maxXml = 2_000_000;

/**
 * The kind of record a process runs on: started from that record's card or list, by its triggers, with
 * the record in its variables. `null` (none) for processes started without a record, like a vacation request.
 */
export const processRecordEntities = ['lead', 'deal', 'contact', 'company'] as const;
export const ProcessRunsOn = z.enum(processRecordEntities);
export type ProcessRunsOn = z.infer<typeof ProcessRunsOn>;

export const ProcessTrigger = z
  .object({
    id: z.uuid(),
    event: ProcessTriggerEvent,
    /** Narrowing: `pipelineId`, `stageId` (stage entered), `entity` and `field` (field changed), `cron` (schedule). */
    conditions: z.record(z.string(), z.string()),
    enabled: z.boolean(),
  })
  .meta({ id: 'ProcessTrigger' });
export type ProcessTrigger = z.infer<typeof ProcessTrigger>;

export const ProcessTriggerInput = ProcessTrigger.omit({ id: true }).extend({
  conditions: z.record(z.string(), z.string().max(200)).default({}),
  enabled: z.boolean().default(true),
});

export const ProcessVersionSummary = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  createdAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
});

export const ProcessDefinition = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    template: z.string().nullable(),
    runsOn: ProcessRunsOn.nullable(),
    publishedVersion: z.number().int().nullable(),
    hasDraft: z.boolean(),
    running: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ProcessDefinition' });
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;

export const ProcessDefinitionDetail = ProcessDefinition.extend({
  /** The draft's XML when there is one, else the latest published version's. */
  xml: z.string(),
  versions: z.array(ProcessVersionSummary),
  triggers: z.array(ProcessTrigger),
}).meta({ id: 'ProcessDefinitionDetail' });
export type ProcessDefinitionDetail = z.infer<typeof ProcessDefinitionDetail>;

/** Either a name, or a template to take the XML (in the creator's language) and the default name from. */
export const CreateProcessBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
  xml: z.string().min(1).max(maxXml).optional(),
  template: z.string().max(100).optional(),
  /** Defaults to the template's; none for a process made from scratch. */
  runsOn: ProcessRunsOn.nullable().optional(),
});

/** A process that ships ready: created from it, a draft holds its diagram in the creator's language. */
export const ProcessTemplate = z
  .object({
    key: z.string(),
    category: z.enum(['sales', 'documents', 'finance', 'hr']),
    runsOn: ProcessRunsOn.nullable(),
    name: z.object({ ru: z.string(), en: z.string() }),
    description: z.object({ ru: z.string(), en: z.string() }),
  })
  .meta({ id: 'ProcessTemplate' });
export type ProcessTemplate = z.infer<typeof ProcessTemplate>;

/** The kinds of absence the team chart shows. */
export const absenceKinds = [
  'vacation',
  'sick_leave',
  'time_off_unpaid',
  'time_off_worked',
  'business_trip',
] as const;
export const AbsenceKind = z.enum(absenceKinds);
export type AbsenceKind = z.infer<typeof AbsenceKind>;

export const Absence = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    kind: AbsenceKind,
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    hours: z.number().nullable(),
    comment: z.string().nullable(),
    processInstanceId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Absence' });
export type Absence = z.infer<typeof Absence>;

/** The longest range one chart request may cover. */
export const absencesMaxDays = 400;

/** Absences overlapping [from, to] (both inclusive dates), optionally one person's. */
export const AbsencesQuery = z
  .strictObject({
    from: z.iso.date(),
    to: z.iso.date(),
    userId: z.uuid().optional(),
  })
  .refine((query) => query.to >= query.from, { path: ['to'], message: 'Must not be before from' })
  .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= absencesMaxDays * 86_400_000, {
    path: ['to'],
    message: `The range may cover at most ${absencesMaxDays} days`,
  });

/** What the `hr.recordAbsence` process action takes; dates as ISO days. */
export const RecordAbsenceInput = z
  .strictObject({
    userId: z.uuid(),
    kind: AbsenceKind,
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullish(),
    hours: z.number().min(0).max(10_000).nullish(),
    comment: z.string().max(5000).nullish(),
  })
  .refine((input) => !input.endsOn || input.endsOn >= input.startsOn, {
    path: ['endsOn'],
    message: 'Must not be before startsOn',
  });

export const SaveDraftBody = z.strictObject({
  xml: z.string().min(1).max(maxXml),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).nullable().optional(),
  runsOn: ProcessRunsOn.nullable().optional(),
});

export const StartProcessBody = z.strictObject({
  entity: ProcessRunsOn.optional(),
  recordId: z.uuid().optional(),
  variables: z.record(z.string(), z.unknown()).default({}),
});

export const processInstanceStatuses = ['running', 'completed', 'terminated', 'failed', 'cancelled'] as const;

export const ProcessInstance = z
  .object({
    id: z.uuid(),
    definitionId: z.uuid(),
    definitionName: z.string(),
    version: z.number().int(),
    status: z.enum(processInstanceStatuses),
    entity: z.string().nullable(),
    recordId: z.uuid().nullable(),
    /** The record's title; null when there is none, or it is deleted or hidden from the caller. */
    recordTitle: z.string().nullable(),
    initiatorId: z.uuid().nullable(),
    incidents: z.number().int(),
    /** Elements where tokens wait now. */
    waitingAt: z.array(z.string()),
    /** The same elements with their names as drawn (null for an unnamed one), for people to read. */
    waitingSteps: z.array(z.object({ elementId: z.string(), name: z.string().nullable() })),
    startedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProcessInstance' });
export type ProcessInstance = z.infer<typeof ProcessInstance>;

export const ProcessStep = z.object({
  id: z.string(),
  elementId: z.string(),
  tokenId: z.uuid().nullable(),
  event: z.string(),
  actorId: z.uuid().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  at: z.iso.datetime(),
});

export const ProcessIncident = z.object({
  id: z.uuid(),
  tokenId: z.uuid(),
  elementId: z.string(),
  message: z.string(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});

export const ProcessInstanceDetail = ProcessInstance.extend({
  xml: z.string(),
  variables: z.record(z.string(), z.unknown()),
  tokens: z.array(z.object({ id: z.uuid(), elementId: z.string(), wait: z.string() })),
  steps: z.array(ProcessStep),
  incidentList: z.array(ProcessIncident),
}).meta({ id: 'ProcessInstanceDetail' });
export type ProcessInstanceDetail = z.infer<typeof ProcessInstanceDetail>;

export const ProcessFormField = z.object({
  id: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

export const ProcessTask = z
  .object({
    id: z.uuid(),
    instanceId: z.uuid(),
    processName: z.string(),
    elementId: z.string(),
    name: z.string(),
    assigneeId: z.uuid().nullable(),
    candidateRole: z.string().nullable(),
    form: z.array(ProcessFormField),
    /** An approval task's decisions (the buttons the inbox shows); empty for a plain task ("Complete"). */
    decisions: z.array(z.enum(taskDecisions)),
    values: z.record(z.string(), z.unknown()),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
    status: z.enum(['open', 'completed', 'cancelled']),
    outcome: z.string().nullable(),
    comment: z.string().nullable(),
    entity: z.string().nullable(),
    recordId: z.uuid().nullable(),
    recordTitle: z.string().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ProcessTask' });
export type ProcessTask = z.infer<typeof ProcessTask>;

/**
 * An approval task needs one of its decisions (approve / reject / revise) as `outcome`; the process reads
 * it as `decision` (and `outcome`). A plain task is completed without one.
 */
export const CompleteProcessTaskBody = z.strictObject({
  outcome: z.string().trim().min(1).max(50).optional(),
  values: z.record(z.string(), z.unknown()).default({}),
  comment: z.string().max(5000).optional(),
});
