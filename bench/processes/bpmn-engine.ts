import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { deserialize, type SerializableContext, TypeResolver } from 'moddle-context-serializer';
import type { ProcessCase } from './cases';
import type { InMemoryEngine } from './engine-driver';

interface ConditionScript {
  execute(
    scope: { environment: { variables: Record<string, unknown> } },
    done: (error: null, result: boolean) => void,
  ): void;
}

interface FlowLike {
  id: string;
  behaviour?: { conditionExpression?: { body?: string } };
}

/**
 * bpmn-engine evaluates a condition with a `language` through the script registry it is given. The
 * default one runs JavaScript in a fresh `vm` context per evaluation; this one hands out the case's
 * precompiled JavaScript for each FEEL condition, which is the cheapest it can be.
 */
function feelAsJavaScript(process: ProcessCase) {
  const scripts = new Map<string, ConditionScript>();
  for (const [body, condition] of Object.entries(process.conditions)) {
    scripts.set(body, { execute: (scope, done) => done(null, condition(scope.environment.variables)) });
  }
  return {
    register: () => undefined,
    getScript(language: string, flow: FlowLike): ConditionScript {
      if (!/^feel$/i.test(language))
        throw new Error(`${process.key}: ${flow.id} has a ${language} condition`);
      const body = flow.behaviour?.conditionExpression?.body?.trim() ?? '';
      const script = scripts.get(body);
      if (!script) throw new Error(`${process.key}: no JavaScript for the condition on ${flow.id}: ${body}`);
      return script;
    },
  };
}

/**
 * The file is parsed once: bpmn-engine's own state carries the serialised moddle context, which every
 * instance's engine then takes as `sourceContext` (re-parsing the XML per instance would cost bpmn-engine
 * far more than the run itself). One Engine per instance is how bpmn-engine models an instance.
 */
async function parseOnce(xml: string): Promise<SerializableContext> {
  const template = new Engine({ name: 'template', source: xml });
  const state = await template.getState();
  const source = state.definitions[0]?.source;
  if (!source) throw new Error('bpmn-engine returned no source in its state');
  return deserialize(JSON.parse(source), TypeResolver({ ...Elements }));
}

export async function bpmnEngine(process: ProcessCase): Promise<InMemoryEngine> {
  const sourceContext = await parseOnce(process.xml);
  const scripts = feelAsJavaScript(process);
  const start = async (index: number) => {
    const engine = new Engine({
      name: process.key,
      sourceContext,
      scripts,
      services: process.services,
      Logger: silentLogger,
    });
    const execution = await engine.execute({ variables: process.startVariables(index) });
    const tasks = execution.getPostponed().filter((activity) => activity.type === 'bpmn:UserTask');
    if (tasks.length !== process.userTasks) {
      throw new Error(`${process.key}: ${tasks.length} user tasks waiting, expected ${process.userTasks}`);
    }
    return { engine, tasks };
  };
  return {
    async runToCompletion(index) {
      const { engine, tasks } = await start(index);
      const ended = engine.waitFor('end');
      for (const task of tasks) task.signal({ ...process.completion });
      await ended;
    },
    async startWaiting(index) {
      return (await start(index)).engine;
    },
    async stateBytes(waiting) {
      const state = await (waiting as Engine).getState();
      const withoutSource = {
        ...state,
        definitions: state.definitions.map(({ source: _source, ...definition }) => definition),
      };
      return {
        bytes: Buffer.byteLength(JSON.stringify(state)),
        withoutSource: Buffer.byteLength(JSON.stringify(withoutSource)),
      };
    },
  };
}

const silent = () => undefined;
function silentLogger() {
  return { debug: silent, error: silent, warn: silent };
}
