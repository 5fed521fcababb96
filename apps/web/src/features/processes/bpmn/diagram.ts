import type { BusinessObject, ModdleFactory } from './business-object';

/** A shape or connection on the canvas, as far as the designer and the monitor read it. */
export type DiagramElement = {
  id: string;
  type: string;
  businessObject: BusinessObject;
  parent?: DiagramElement;
  /** Set on external labels: the element the label belongs to. */
  labelTarget?: DiagramElement;
  source?: DiagramElement;
  target?: DiagramElement;
  waypoints?: unknown[];
};

/** The bpmn-js services the designer uses, typed as far as it calls them. */
export type Modeling = {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(
    element: DiagramElement,
    moddleElement: BusinessObject,
    properties: Record<string, unknown>,
  ): void;
  updateLabel(element: DiagramElement, text: string | null): void;
};

export type ElementRegistry = {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
};

export type Canvas = {
  addMarker(element: string | DiagramElement, marker: string): void;
  removeMarker(element: string | DiagramElement, marker: string): void;
  getRootElement(): DiagramElement;
  zoom(level: 'fit-viewport' | number, center?: 'auto'): number;
  scrollToElement(element: string | DiagramElement): void;
};

export type Selection = {
  select(element: DiagramElement | DiagramElement[] | null): void;
  get(): DiagramElement[];
};

export type EventBus = {
  on(event: string | string[], callback: (event: { newSelection?: DiagramElement[] }) => void): void;
  off(event: string | string[], callback: (event: { newSelection?: DiagramElement[] }) => void): void;
};

/** What a viewer or modeler offers: `get(service)`. */
export type ServiceLocator = { get<T>(name: string): T };

export type DesignerServices = {
  modeling: Modeling;
  moddle: ModdleFactory;
  elementRegistry: ElementRegistry;
  canvas: Canvas;
  selection: Selection;
  eventBus: EventBus;
};

/** What a viewer (no modeling) offers: the canvas and its elements. */
export function viewerServices(viewer: ServiceLocator): Pick<DesignerServices, 'canvas' | 'elementRegistry'> {
  return {
    canvas: viewer.get<Canvas>('canvas'),
    elementRegistry: viewer.get<ElementRegistry>('elementRegistry'),
  };
}

export function designerServices(modeler: ServiceLocator): DesignerServices {
  return {
    modeling: modeler.get<Modeling>('modeling'),
    moddle: modeler.get<ModdleFactory>('moddle'),
    elementRegistry: modeler.get<ElementRegistry>('elementRegistry'),
    canvas: modeler.get<Canvas>('canvas'),
    selection: modeler.get<Selection>('selection'),
    eventBus: modeler.get<EventBus>('eventBus'),
  };
}

/** CSS classes the diagrams use for highlighting (see markers.css). */
export const markers = {
  problem: 'voronka-problem',
  waiting: 'voronka-waiting',
  passed: 'voronka-passed',
  incident: 'voronka-incident',
} as const;
