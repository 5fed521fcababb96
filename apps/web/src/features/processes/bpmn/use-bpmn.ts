import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './markers.css';
import { voronkaModdle } from '@voronka/domain';
import { type RefObject, useEffect, useState } from 'react';
import { i18n } from '../../../app/i18n';
import type { ServiceLocator } from './diagram';
import { diagramTranslation } from './diagram-translations';

/** A bpmn-js modeler or viewer with the diagram imported. */
export type BpmnDiagram = ServiceLocator & {
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
};

type State = { diagram: BpmnDiagram | null; error: string | null };

type Box = { x: number; y: number; width: number; height: number };

/** The part of diagram-js's canvas used here. */
type Canvas = {
  zoom(level: 'fit-viewport' | number, center: 'auto'): number;
  viewbox(): Box & { inner: Box; outer: { width: number; height: number } };
  viewbox(box: Box): void;
};

/** The smallest zoom at which the designer opens a diagram: labels stay legible. */
const readableZoom = 0.75;

/** Shows the left end of the diagram (where processes start) at the readable zoom, centred vertically if it fits. */
function showStart(canvas: Canvas): void {
  const { inner, outer } = canvas.viewbox();
  const width = outer.width / readableZoom;
  const height = outer.height / readableZoom;
  // Screen pixels to the left of the start: the palette floats over the canvas's left edge.
  const left = 140 / readableZoom;
  const y = inner.height <= height ? inner.y + inner.height / 2 - height / 2 : inner.y - 24;
  canvas.viewbox({ x: inner.x - left, y, width, height });
}

/**
 * Shows a BPMN diagram in the container: the Modeler to edit, the NavigatedViewer (pan and zoom only) to
 * look. Our `voronka:` moddle extension is registered, so its elements survive import and export. The
 * library is loaded on first use.
 */
export function useBpmn(
  container: RefObject<HTMLDivElement | null>,
  xml: string,
  mode: 'edit' | 'view',
): State {
  const [state, setState] = useState<State>({ diagram: null, error: null });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let destroyed = false;
    let instance: { destroy(): void } | null = null;
    void (async () => {
      const { default: Diagram } =
        mode === 'edit' ? await import('bpmn-js/lib/Modeler') : await import('bpmn-js/lib/NavigatedViewer');
      if (destroyed) return;
      const diagram = new Diagram({
        container: element,
        moddleExtensions: { voronka: voronkaModdle },
        additionalModules: [diagramTranslation(i18n.language)],
      });
      instance = diagram;
      try {
        await diagram.importXML(xml);
        if (destroyed) return;
        // Fit a large diagram into view, but do not blow a small one (a new process) up.
        const canvas = diagram.get<Canvas>('canvas');
        const fitted = canvas.zoom('fit-viewport', 'auto');
        if (fitted > 1) canvas.zoom(1, 'auto');
        // A long process (a template) fitted whole is too small to read in the designer: show its start
        // at a readable size instead, to pan from. The monitor keeps the whole path in view.
        else if (mode === 'edit' && fitted < readableZoom) showStart(canvas);
        setState({ diagram: diagram as unknown as BpmnDiagram, error: null });
      } catch (error) {
        if (!destroyed)
          setState({ diagram: null, error: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      destroyed = true;
      instance?.destroy();
      setState({ diagram: null, error: null });
    };
  }, [container, xml, mode]);

  return state;
}
