import { canOverrideGate, type Deal, type MissingRequirement, type Stage } from '@voronka/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useCurrentSession } from '../auth/session-context';
import { type StageChange, useChangeStage } from './api';
import { gateMissing } from './stage-gate';

type StageInfo = Pick<Stage, 'name' | 'kind'>;
export type Refusal = { change: StageChange; stage: StageInfo; missing: MissingRequirement[] };

/**
 * Moving a deal to a stage, wherever it starts (a drop on the board, a click on the stage bar): an
 * open stage goes through the gate, the won stage wins, the lost stage first asks for a reason. A
 * refused move is kept so that its message can list what is missing and offer the override.
 */
export function useStageChange() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const changeStage = useChangeStage();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [losing, setLosing] = useState<{ deal: Deal; stage: Stage } | null>(null);

  const run = (change: StageChange, stage: StageInfo) => {
    setRefusal(null);
    changeStage.mutate(change, {
      onSuccess: () => {
        setLosing(null);
        if (stage.kind === 'won') notifySuccess(t('deals.wonDone'));
        else if (stage.kind === 'lost') notifySuccess(t('deals.lostDone'));
        else notifySuccess(t('deals.moved', { stage: stage.name }));
      },
      onError: (error) => {
        const missing = gateMissing(error);
        if (missing) setRefusal({ change, stage, missing });
        else notifyError(error);
      },
    });
  };

  const request = (deal: Deal, stage: Stage) => {
    if (deal.stageId === stage.id) return;
    if (stage.kind === 'lost') setLosing({ deal, stage });
    else if (stage.kind === 'won') run({ kind: 'win', deal, stageId: stage.id }, stage);
    else run({ kind: 'move', deal, stageId: stage.id }, stage);
  };

  const override = (comment: string) => {
    if (!refusal || refusal.change.kind === 'lose') return;
    run({ ...refusal.change, overrideComment: comment }, refusal.stage);
  };

  const lose = (reason: string) => {
    if (!losing) return;
    run({ kind: 'lose', deal: losing.deal, stageId: losing.stage.id, reason }, losing.stage);
  };

  return {
    request,
    refusal,
    dismissRefusal: () => setRefusal(null),
    canOverride: canOverrideGate(user.role),
    override,
    losing,
    lose,
    cancelLosing: () => setLosing(null),
    pending: changeStage.isPending,
  };
}

export type StageChangeFlow = ReturnType<typeof useStageChange>;
