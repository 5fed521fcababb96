import type { StageKind } from './pipelines';
import { canAdminister, type Role } from './roles';

/** One requirement to leave a stage forward: a deal field (or custom field) that must hold a value. */
export interface StageRequirement {
  field: string;
  label: string;
}

export interface GateStage {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  /** What must be true of the deal before it may leave this stage forward: the stage's output. */
  exitRequirements: readonly StageRequirement[];
}

export interface MissingRequirement extends StageRequirement {
  stageId: string;
  stageName: string;
}

export type GateResult = { allowed: true } | { allowed: false; missing: MissingRequirement[] };

/** Empty means not done: no value, blank text, an empty list, or an unticked box. */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Whether a deal may move between two stages of its pipeline. Moving back is always allowed. Moving
 * forward needs the output of every stage it leaves or skips; winning needs every open stage's output;
 * losing needs a reason. Each missing item names its stage and field, for the message a person sees.
 *
 * @example checkStageMove(stages, 'qualification', 'proposal', { amount: null })
 * // { allowed: false, missing: [{ stageId: 'qualification', stageName: 'Квалификация', field: 'amount', label: 'Сумма' }] }
 */
export function checkStageMove(
  stages: readonly GateStage[],
  fromId: string,
  toId: string,
  values: Readonly<Record<string, unknown>>,
): GateResult {
  const from = stages.find((stage) => stage.id === fromId);
  const to = stages.find((stage) => stage.id === toId);
  if (!from || !to) throw new Error(`Unknown stage ${from ? toId : fromId}`);
  if (from.id === to.id) return { allowed: true };
  if (to.kind === 'lost') {
    return isFilled(values.lostReason)
      ? { allowed: true }
      : {
          allowed: false,
          missing: [{ stageId: to.id, stageName: to.name, field: 'lostReason', label: 'Причина отказа' }],
        };
  }
  // Reopening a closed deal, or stepping back, asks for nothing.
  if (from.kind !== 'open' || (to.kind === 'open' && to.position <= from.position)) return { allowed: true };
  const leaving = stages
    .filter(
      (stage) =>
        stage.kind === 'open' &&
        stage.position >= from.position &&
        (to.kind === 'won' || stage.position < to.position),
    )
    .sort((a, b) => a.position - b.position);
  const missing = leaving.flatMap((stage) =>
    stage.exitRequirements
      .filter((requirement) => !isFilled(values[requirement.field]))
      .map((requirement) => ({ ...requirement, stageId: stage.id, stageName: stage.name })),
  );
  return missing.length === 0 ? { allowed: true } : { allowed: false, missing };
}

/** Who may push a deal through a closed gate, with a comment that goes to its history. */
export function canOverrideGate(role: Role): boolean {
  return role === 'head_of_sales' || canAdminister(role);
}
