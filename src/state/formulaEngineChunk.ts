/**
 * The formula engine's chunk (formulaEngine.ts): importing it, statically or
 * not, makes the engine available to the page's scene code.
 */
import { prepareCustomSurface } from '../core/expression/customSurface';
import { provideFormulaEngine } from './formulaEngine';

provideFormulaEngine(prepareCustomSurface);
