/** The numerical core's public entry. Plain TypeScript: runs in Node, in the worker and in tests alike. */
export * from './types';
export { createBuiltinSurface, createSurface, surfaceIds, surfaceInfo, type SurfaceInfo } from './surfaces';
export {
  createOptimizer, optimizerDefaults, optimizerIds, optimizerInfo, lineSearchSteps,
  type Hyperparameter, type OptimizerInfo,
} from './optimizers';
export { learningRateAt } from './schedules';
export { simulate, createSimulation, maxSteps, divergenceBound, formatPoint, type Simulation } from './simulate';
export { sampleGrid } from './grid';
export { searchCriticalPoints, separableCriticalPoints } from './criticalPoints';
export { describeCriticalPoints } from './surfaces/define';
export { symmetricEigenvalues, classifyEigenvalues } from './linalg';
export { createRng } from './rng';
export { sampleCount } from './data';
export * from './expression';
