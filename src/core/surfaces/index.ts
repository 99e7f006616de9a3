/** The surface registry: every surface by id, built once per option set. */
import type { Surface, SurfaceId, SurfaceSpec } from '../types';
import { bowl } from './bowl';
import { ellipse } from './ellipse';
import { createBumpy } from './bumpy';
import { saddle } from './saddle';
import { plateau } from './plateau';
import { rosenbrock } from './rosenbrock';
import { beale } from './beale';
import { himmelblau } from './himmelblau';
import { rastrigin } from './rastrigin';
import { createLinreg } from './linreg';
import { createLogreg } from './logreg';
import { cachedCustomSurface } from '../expression/customSurface';

/** The built-in surfaces, the ones a picker lists; `custom` needs an expression, so it is not among them. */
export const surfaceIds: SurfaceId[] = [
  'bowl', 'ellipse', 'bumpy', 'saddle', 'plateau', 'rosenbrock', 'beale', 'himmelblau', 'rastrigin', 'linreg', 'logreg',
];

export interface SurfaceInfo {
  name: string;
  formula: string;
  hasRipple: boolean;
  isData: boolean;
}

export const surfaceInfo: Record<SurfaceId, SurfaceInfo> = {
  bowl: { name: 'Bowl (sum of squares)', formula: 'x² + y²', hasRipple: false, isData: false },
  ellipse: { name: 'Ellipse', formula: 'x²/20 + y²', hasRipple: false, isData: false },
  bumpy: { name: 'Bumpy x·cos(πx)', formula: 'x·cos(πx) + y·cos(πy)', hasRipple: true, isData: false },
  saddle: { name: 'Saddle', formula: 'x² − y²', hasRipple: false, isData: false },
  plateau: { name: 'Plateau (tanh)', formula: 'tanh(x² + y²)', hasRipple: false, isData: false },
  rosenbrock: { name: 'Rosenbrock', formula: '(1 − x)² + 100(y − x²)²', hasRipple: false, isData: false },
  beale: { name: 'Beale', formula: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²', hasRipple: false, isData: false },
  himmelblau: { name: 'Himmelblau', formula: '(x² + y − 11)² + (x + y² − 7)²', hasRipple: false, isData: false },
  rastrigin: { name: 'Rastrigin', formula: '20 + x² − 10cos 2πx + y² − 10cos 2πy', hasRipple: false, isData: false },
  linreg: { name: 'Linear regression loss', formula: '½·mean((w·xᵢ + b − yᵢ)²)', hasRipple: false, isData: true },
  logreg: { name: 'Logistic regression loss', formula: 'mean cross-entropy of σ(w·xᵢ + b)', hasRipple: false, isData: true },
  custom: { name: 'Your own f(x, y)', formula: 'f(x, y), as typed', hasRipple: false, isData: false },
};

const fixed: Partial<Record<SurfaceId, Surface>> = { bowl, ellipse, saddle, plateau, rosenbrock, beale, himmelblau, rastrigin };
const cache = new Map<string, Surface>();

/** The surface for a spec. Built lazily and cached: critical-point searches run once. */
export function createSurface(spec: SurfaceSpec): Surface {
  if (typeof spec !== 'string' && 'expression' in spec) return cachedCustomSurface(spec);
  return createBuiltinSurface(typeof spec === 'string' ? spec : spec.id, typeof spec === 'string' ? 0 : (spec.ripple ?? 0));
}

/**
 * A built-in surface (cached like createSurface's). Apart from createSurface
 * so that code needing only these does not import the formula engine: the
 * page's first download leaves it out (src/state/formulaEngine.ts).
 */
export function createBuiltinSurface(id: SurfaceId, ripple = 0): Surface {
  const known = fixed[id];
  if (known) return known;
  const key = id === 'bumpy' ? `bumpy:${ripple}` : id;
  let surface = cache.get(key);
  if (!surface) {
    if (id === 'bumpy') surface = createBumpy(Number.isFinite(ripple) ? ripple : 0);
    else if (id === 'linreg') surface = createLinreg();
    else if (id === 'logreg') surface = createLogreg();
    else if (id === 'custom') throw new Error('The custom surface needs an expression and a view box.');
    else throw new Error(`Unknown surface '${String(id)}'`);
    cache.set(key, surface);
  }
  return surface;
}
