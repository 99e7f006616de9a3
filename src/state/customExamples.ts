/**
 * Typed-in surfaces worth trying, offered in the examples menu (each item is
 * a link) and used as the default when the user first picks "Your own f(x, y)".
 * Boxes are the usual plotting domains of these test functions.
 */
import type { ViewBox } from '../core/types';

export interface CustomExample {
  /** Stable id; the menu's words live in the catalogues as `custom.example.<id>`. */
  id: 'twoValleys' | 'himmelblau' | 'matyas' | 'booth' | 'rippleBowl';
  expression: string;
  box: ViewBox;
}

export const customExamples: readonly CustomExample[] = [
  // A double well tilted by −0.3x: a local minimum on the left, where runs from the default start (upper left)
  // roll first, the global one on the right, a saddle between; momentum or a large step may cross over.
  { id: 'twoValleys', expression: '(x^2 - 1)^2 - 0.3*x + 2*y^2', box: { x: [-2, 2], y: [-1.5, 1.5] } },
  { id: 'himmelblau', expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', box: { x: [-5, 5], y: [-5, 5] } },
  { id: 'matyas', expression: '0.26*(x^2 + y^2) - 0.48*x*y', box: { x: [-10, 10], y: [-10, 10] } },
  { id: 'booth', expression: '(x + 2*y - 7)^2 + (2*x + y - 5)^2', box: { x: [-10, 10], y: [-10, 10] } },
  // A bowl with ripples: eight local minima ring the global one at the centre; a small learning rate stops in the first.
  { id: 'rippleBowl', expression: '(x^2 + y^2)/2 - cos(3*x) - cos(3*y)', box: { x: [-2.5, 2.5], y: [-2.5, 2.5] } },
];

/** What "Your own f(x, y)" shows first, and what a link with a broken expression falls back to. */
export const defaultCustom = customExamples[0];
