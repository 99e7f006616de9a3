/**
 * Names the core gives in English (surfaceInfo, optimizerInfo), in the page's
 * language. A name the catalogue lacks is shown as the core gives it, so a new
 * surface or optimizer is never nameless.
 */
import type { OptimizerId, SurfaceId } from '../core/types';
import { optimizerInfo, surfaceInfo } from '../core';
import { isMessageKey, type Translate } from './index';

function named(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function surfaceName(t: Translate, id: SurfaceId): string {
  return named(t, `surface.${id}`, surfaceInfo[id].name);
}

/** The formula as shown after "f = "; only the ones holding words are in the catalogue. */
export function surfaceFormula(t: Translate, id: SurfaceId): string {
  return named(t, `formula.${id}`, surfaceInfo[id].formula);
}

/** Optimizer names stay as they are (Adam, RMSProp …) except the generic ones (GD / SGD, line search). */
export function optimizerName(t: Translate, id: OptimizerId): string {
  return named(t, `optimizer.${id}`, optimizerInfo[id].name);
}
