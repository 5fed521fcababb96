import { useParams } from 'react-router';
import { useProcess } from '../features/processes/api';
import { ProcessDesigner } from '../features/processes/components/ProcessDesigner';
import { LoadError } from '../ui/LoadError';
import { PageLoader } from '../ui/PageLoader';

/** One process in the designer. */
export function ProcessDesignerPage() {
  const { processId = '' } = useParams();
  const process = useProcess(processId);
  if (process.isPending) return <PageLoader />;
  if (process.isError) return <LoadError error={process.error} onRetry={() => void process.refetch()} />;
  // A new designer for another process: the modeler holds one diagram.
  return <ProcessDesigner key={process.data.id} definition={process.data} />;
}
