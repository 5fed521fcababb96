export { type CompileResult, compileProcess } from './compile';
export { step } from './engine';
export { voronkaModdle, voronkaNamespace } from './extensions';
export {
  addIsoDuration,
  checkFeel,
  evaluateFeel,
  evaluateFeelInstant,
  evaluateUnaryTest,
  FeelError,
  type FeelOptions,
  type FeelSyntaxError,
  type FeelValue,
} from './feel';
export * from './graph';
export {
  type CompileProblem,
  type CompileProblemCode,
  type CompileProblemParams,
  compileProblemCodes,
  compileProblemMessage,
  compileProblemMessages,
  type FeelSubject,
  feelSubjectMessages,
  fillPlaceholders,
} from './problems';
export { maxMovesPerStep } from './run';
export * from './state';
export { validateTaskOutput } from './task-output';
