import { z } from 'zod';
import { ManagerFunction, Role } from './roles';

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

/** The regulation of a stage as the seeds describe a process step; printed as the pipeline's one-page rules. */
export const StageRegulation = z.strictObject({
  input: z.string().max(2000).default(''),
  output: z.string().max(2000).default(''),
  responsibleRole: Role.nullable().default(null),
  responsibleFunction: ManagerFunction.nullable().default(null),
  tasks: z.string().max(4000).default(''),
  actions: z.string().max(4000).default(''),
  keySuccessFactor: z.string().max(2000).default(''),
});
export type StageRegulation = z.infer<typeof StageRegulation>;

export const StageRequirementSchema = z.strictObject({
  field: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
});

export const Stage = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    kind: StageKind,
    probability: z.number().int(),
    regulation: StageRegulation,
    exitRequirements: z.array(StageRequirementSchema),
    /** On entering this stage the deal goes to a person with this function (hunter → closer → farmer). */
    handoffFunction: ManagerFunction.nullable(),
  })
  .meta({ id: 'Stage' });
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['sales', 'fulfilment']),
    position: z.number().int(),
    stages: z.array(Stage),
  })
  .meta({ id: 'Pipeline' });
export type Pipeline = z.infer<typeof Pipeline>;

export const StageInput = z.strictObject({
  /** Present for an existing stage; absent for a new one. */
  id: z.uuid().optional(),
  name: z.string().trim().min(1).max(200),
  kind: StageKind.default('open'),
  probability: z.number().int().min(0).max(100).default(0),
  regulation: StageRegulation.default(StageRegulation.parse({})),
  exitRequirements: z.array(StageRequirementSchema).max(50).default([]),
  handoffFunction: ManagerFunction.nullable().default(null),
});

/** Stages in order; exactly one won and one lost stage, after the open ones. */
export const SavePipelineBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['sales', 'fulfilment']).default('sales'),
  stages: z.array(StageInput).min(3).max(50),
});
export type SavePipelineBody = z.infer<typeof SavePipelineBody>;

/** Deal fields a stage may require; custom fields are named `custom.<key>`. */
export const dealGateFields = [
  'amount',
  'expectedCloseDate',
  'companyId',
  'contactId',
  'probability',
  'source',
  'products',
] as const;

export interface PipelineIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a pipeline's stages, each with the path of the field at fault: the open stages
 * first, then exactly one won and one lost stage; names unique; requirements name real deal fields.
 */
export function validatePipelineStages(
  stages: readonly { name: string; kind: StageKind; exitRequirements: readonly { field: string }[] }[],
): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const count = (kind: StageKind) => stages.filter((stage) => stage.kind === kind).length;
  if (count('won') !== 1)
    issues.push({ path: 'body.stages', message: 'A pipeline needs exactly one won stage' });
  if (count('lost') !== 1)
    issues.push({ path: 'body.stages', message: 'A pipeline needs exactly one lost stage' });
  if (count('open') < 1)
    issues.push({ path: 'body.stages', message: 'A pipeline needs at least one open stage' });
  const firstClosed = stages.findIndex((stage) => stage.kind !== 'open');
  stages.forEach((stage, i) => {
    if (firstClosed >= 0 && i > firstClosed && stage.kind === 'open') {
      issues.push({
        path: `body.stages.${i}.kind`,
        message: 'Open stages come before the won and lost stages',
      });
    }
    if (stages.findIndex((other) => other.name.toLowerCase() === stage.name.toLowerCase()) !== i) {
      issues.push({ path: `body.stages.${i}.name`, message: `Stage name "${stage.name}" is used twice` });
    }
    stage.exitRequirements.forEach((requirement, j) => {
      const known =
        (dealGateFields as readonly string[]).includes(requirement.field) ||
        /^custom\.[a-z][a-z0-9_]*$/.test(requirement.field);
      if (!known)
        issues.push({
          path: `body.stages.${i}.exitRequirements.${j}.field`,
          message: `"${requirement.field}" is not a deal field`,
        });
    });
  });
  return issues;
}
