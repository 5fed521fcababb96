export {
  type CompileProblem,
  type CompileProblemCode,
  type CompileResult,
  compileProblemCodes,
  compileProcess,
} from './compile';
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
export { maxMovesPerStep } from './run';
export * from './state';
export { validateTaskOutput } from './task-output';
