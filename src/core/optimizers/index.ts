/** The optimizer registry: factories, PyTorch defaults and what each one exposes to the UI. */
import type { OptimizerConfig, OptimizerId } from '../types';
import type { Optimizer } from './optimizer';
import { createGd } from './gd';
import { createMomentum } from './momentum';
import { createNesterov } from './nesterov';
import { createAdagrad } from './adagrad';
import { createRmsprop } from './rmsprop';
import { createAdadelta } from './adadelta';
import { createAdam, createAdamw } from './adam';
import { createNewton } from './newton';
import { createLinesearch } from './linesearch';

export type { Optimizer, Objective } from './optimizer';
export { lineSearchSteps } from './linesearch';

export type Hyperparameter =
  | 'learningRate' | 'beta' | 'beta1' | 'beta2' | 'epsilon' | 'weightDecay' | 'form' | 'biasCorrection' | 'amsgrad';

export interface OptimizerInfo {
  name: string;
  hyperparameters: Hyperparameter[];
}

export const optimizerIds: OptimizerId[] = [
  'gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam', 'adamw', 'newton', 'linesearch',
];

export const optimizerInfo: Record<OptimizerId, OptimizerInfo> = {
  gd: { name: 'GD / SGD', hyperparameters: ['learningRate'] },
  momentum: { name: 'Momentum', hyperparameters: ['learningRate', 'beta', 'form'] },
  nesterov: { name: 'Nesterov', hyperparameters: ['learningRate', 'beta'] },
  adagrad: { name: 'AdaGrad', hyperparameters: ['learningRate', 'epsilon'] },
  rmsprop: { name: 'RMSProp', hyperparameters: ['learningRate', 'beta', 'epsilon'] },
  adadelta: { name: 'Adadelta', hyperparameters: ['learningRate', 'beta', 'epsilon'] },
  adam: { name: 'Adam', hyperparameters: ['learningRate', 'beta1', 'beta2', 'epsilon', 'biasCorrection', 'amsgrad'] },
  adamw: {
    name: 'AdamW',
    hyperparameters: ['learningRate', 'beta1', 'beta2', 'epsilon', 'weightDecay', 'biasCorrection', 'amsgrad'],
  },
  newton: { name: 'Newton', hyperparameters: ['learningRate'] },
  linesearch: { name: 'Line search', hyperparameters: [] },
};

/**
 * PyTorch's defaults (torch.optim), except where PyTorch has none worth
 * showing: GD at 0.1 as the course notes use, Newton at a full step.
 */
const defaults: Record<OptimizerId, OptimizerConfig> = {
  gd: { id: 'gd', learningRate: 0.1 },
  momentum: { id: 'momentum', learningRate: 0.01, beta: 0.9, form: 'heavy-ball' },
  nesterov: { id: 'nesterov', learningRate: 0.01, beta: 0.9 },
  adagrad: { id: 'adagrad', learningRate: 0.01, epsilon: 1e-10 },
  rmsprop: { id: 'rmsprop', learningRate: 0.01, beta: 0.99, epsilon: 1e-8 },
  adadelta: { id: 'adadelta', learningRate: 1, beta: 0.9, epsilon: 1e-6 },
  adam: { id: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, biasCorrection: true, amsgrad: false },
  adamw: {
    id: 'adamw', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01,
    biasCorrection: true, amsgrad: false,
  },
  newton: { id: 'newton', learningRate: 1 },
  linesearch: { id: 'linesearch' },
};

/** Every hyperparameter the optimizer uses, filled with its default. */
export function optimizerDefaults(id: OptimizerId): OptimizerConfig {
  return { ...defaults[id] };
}

/** A fresh optimizer with its own state; missing hyperparameters take the defaults. */
export function createOptimizer(config: OptimizerConfig): Optimizer {
  const full = { ...defaults[config.id], ...config };
  switch (config.id) {
    case 'gd': return createGd();
    case 'momentum': return createMomentum(full);
    case 'nesterov': return createNesterov(full);
    case 'adagrad': return createAdagrad(full);
    case 'rmsprop': return createRmsprop(full);
    case 'adadelta': return createAdadelta(full);
    case 'adam': return createAdam(full);
    case 'adamw': return createAdamw(full);
    case 'newton': return createNewton();
    case 'linesearch': return createLinesearch();
    default: throw new Error(`Unknown optimizer '${String((config as OptimizerConfig).id)}'`);
  }
}
