import {
  dealGateFields,
  type Pipeline,
  type SavePipelineBody,
  type Stage,
  type StageKind,
  type StageRegulation,
} from '@voronka/domain';

/** A stage as the editor holds it: `key` tells rows apart, `id` is set for stages that exist. */
export type StageDraft = {
  key: string;
  id?: string;
  name: string;
  kind: StageKind;
  probability: number;
  regulation: StageRegulation;
  exitRequirements: { field: string; label: string }[];
  handoffFunction: Stage['handoffFunction'];
};

export type PipelineDraft = {
  name: string;
  kind: Pipeline['kind'];
  stages: StageDraft[];
};

export const emptyRegulation: StageRegulation = {
  input: '',
  output: '',
  responsibleRole: null,
  responsibleFunction: null,
  tasks: '',
  actions: '',
  keySuccessFactor: '',
};

let counter = 0;
const newKey = () => `new-${++counter}`;

export function newStage(name: string, kind: StageKind = 'open', probability = 0): StageDraft {
  return {
    key: newKey(),
    name,
    kind,
    probability,
    regulation: { ...emptyRegulation },
    exitRequirements: [],
    handoffFunction: null,
  };
}

export function pipelineToDraft(pipeline: Pipeline): PipelineDraft {
  return {
    name: pipeline.name,
    kind: pipeline.kind,
    stages: [...pipeline.stages]
      .sort((a, b) => a.position - b.position)
      .map((stage) => ({
        key: stage.id,
        id: stage.id,
        name: stage.name,
        kind: stage.kind,
        probability: stage.probability,
        regulation: { ...stage.regulation },
        exitRequirements: stage.exitRequirements.map((requirement) => ({ ...requirement })),
        handoffFunction: stage.handoffFunction,
      })),
  };
}

/** The whole `PUT /api/pipelines/:id` (or `POST`) body; stages keep their ids and go in this order. */
export function draftToBody(draft: PipelineDraft): SavePipelineBody {
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    stages: draft.stages.map(({ key: _key, ...stage }) => ({
      ...stage,
      name: stage.name.trim(),
      exitRequirements: stage.exitRequirements
        .filter((requirement) => requirement.field)
        .map((requirement) => ({
          field: requirement.field,
          label: requirement.label.trim() || requirement.field,
        })),
    })),
  };
}

/** The stage moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveStage(stages: readonly StageDraft[], index: number, step: -1 | 1): StageDraft[] {
  const target = index + step;
  if (target < 0 || target >= stages.length) return [...stages];
  const next = [...stages];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

/** Fields a stage may require: the deal's own and its custom fields as `custom.<key>`. */
export function gateFieldOptions(customKeys: readonly string[]): string[] {
  return [...dealGateFields, ...customKeys.map((key) => `custom.${key}`)];
}

/** The index of the stage an error path such as `stages.3.name` belongs to, if any. */
export function stageIndexOf(path: string): number | null {
  const match = /^stages\.(\d+)(\.|$)/.exec(path);
  return match ? Number(match[1]) : null;
}
