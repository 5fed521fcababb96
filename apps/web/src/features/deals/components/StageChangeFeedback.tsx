import type { StageChangeFlow } from '../use-stage-change';
import { GateRefusal } from './GateRefusal';
import { LoseDealModal } from './LoseDealModal';

type Props = {
  flow: StageChangeFlow;
  /** Whether the refusal links to the deal (on the board) or not (on the deal's own card). */
  linkToDeal: boolean;
};

/** The refused-move message and the lost-reason question of a stage change. */
export function StageChangeFeedback({ flow, linkToDeal }: Props) {
  const { refusal } = flow;
  return (
    <>
      {refusal ? (
        <GateRefusal
          key={`${refusal.change.deal.id}:${refusal.change.stageId}`}
          dealTitle={refusal.change.deal.title}
          targetStageName={refusal.stage.name}
          missing={refusal.missing}
          dealId={linkToDeal ? refusal.change.deal.id : undefined}
          canOverride={flow.canOverride && refusal.change.kind !== 'lose'}
          overriding={flow.pending}
          onOverride={flow.override}
          onClose={flow.dismissRefusal}
        />
      ) : null}
      <LoseDealModal
        dealTitle={flow.losing?.deal.title ?? null}
        loading={flow.pending}
        onSubmit={flow.lose}
        onCancel={flow.cancelLosing}
      />
    </>
  );
}
