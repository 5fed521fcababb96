import { readFileSync } from 'node:fs';
import type { Variables } from '@voronka/domain';

/** What bpmn-engine calls a service: `implementation="${environment.services.<name>}"` in the file. */
export type BpmnEngineService = (scope: { environment: { variables: Variables } }, done: () => void) => void;

/**
 * One benchmark process: the BPMN file both engines run, the variables an instance starts with, and what
 * bpmn-engine needs in place of our `voronka:` extensions. Its services and conditions are hand-written
 * JavaScript equivalents of the FEEL in the file, so bpmn-engine pays nothing for expressions while our
 * engine evaluates FEEL: the comparison leans in bpmn-engine's favour.
 */
export interface ProcessCase {
  name: string;
  /** The process id in the file (the definition key once published). */
  key: string;
  xml: string;
  /** User tasks each instance waits at; completing all of them ends it. */
  userTasks: number;
  /** Events each instance takes to completion: the start and one per user task. */
  steps: number;
  startVariables(index: number): Variables;
  /** Form values a person submits when completing one of its user tasks. */
  completion: Variables;
  services: Record<string, BpmnEngineService>;
  /** FEEL condition text → the same condition as JavaScript over the process variables. */
  conditions: Record<string, (variables: Variables) => boolean>;
}

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}.bpmn`, import.meta.url), 'utf8');

const deal = (index: number) => ({
  id: `deal-${index}`,
  title: `Поставка станков №${index}`,
  // Every instance takes the approval branch: the discount is always above 5,000.
  amount: 150_000 + (index % 1000) * 100,
});

const amountOf = (variables: Variables) => (variables.deal as { amount: number }).amount;

export const processCases: ProcessCase[] = [
  {
    name: 'service → exclusive → user task',
    key: 'bench-deal-discount',
    xml: fixture('deal-discount'),
    userTasks: 1,
    steps: 2,
    startVariables: (index) => ({ deal: deal(index) }),
    completion: { approved: true, comment: 'Согласовано' },
    services: {
      score(scope, done) {
        const variables = scope.environment.variables;
        const amount = amountOf(variables);
        variables.discount = amount * 0.05;
        variables.discountedAmount = amount - amount * 0.05;
        done();
      },
    },
    conditions: { 'discount > 5000': (variables) => (variables.discount as number) > 5000 },
  },
  {
    name: 'service → parallel fork (2 user tasks) → join → service',
    key: 'bench-contract-review',
    xml: fixture('contract-review'),
    userTasks: 2,
    steps: 3,
    startVariables: (index) => ({ deal: deal(index) }),
    completion: { legalOk: true, financeOk: true },
    services: {
      prepare(scope, done) {
        scope.environment.variables.total = amountOf(scope.environment.variables) * 1.2;
        done();
      },
      archive(scope, done) {
        scope.environment.variables.reviewed = true;
        done();
      },
    },
    conditions: {},
  },
];
