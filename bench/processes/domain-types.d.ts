// The domain package declares bpmn-moddle's types for its compiler; the server's tsconfig lists that file,
// bench/tsconfig.json does not, so the benchmarks pull it in here.
/// <reference path="../../packages/domain/src/process/bpmn-moddle.d.ts" />
