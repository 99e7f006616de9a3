/**
 * The user's own f(x, y) in the state: the link keys fx= and box=, their
 * validation and notices, the store's setters, and what reaches the worker.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeScene, encodeScene } from '../../src/state/urlCodec';
import { createAppStore, type AppStore } from '../../src/state/store';
import { defaultScene } from '../../src/state/defaults';
import { customExamples, defaultCustom } from '../../src/state/customExamples';
import { selectSimulationConfigs, selectSurfaceSpec } from '../../src/state/selectors';
import { limits, type Scene } from '../../src/state/scene';
import { normalizeScene } from '../../src/state/normalize';
import { withoutKeys } from './arbitraries';

const custom = (expression: string, box = { x: [-3, 3] as [number, number], y: [-2, 2] as [number, number] }): Scene =>
  // No start: the surface's own default start, as a link without start= gives.
  normalizeScene({ ...defaultScene(), start: undefined as never, surface: { id: 'custom', ripple: 0, expression, box } });

describe('the link of a custom surface', () => {
  it('writes s=custom, the expression (readable where the grammar allows) and the box', () => {
    const hash = encodeScene(custom('(x+1)^2 + 10*y^2'));
    expect(hash).toContain('s=custom&fx=(x+1)%5E2%20+%2010*y%5E2&box=-3,3,-2,2');
  });

  it.each([
    'x^2 + 10*y^2', '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', 'log(x) + sqrt(y)', 'max(x, y) - pow(x, 2)/2', '1e-3*x - -y',
    'sigmoid(x)*tanh(y) + pi - e', 'x² − y·π', '  x  ', 'x&#38;'.slice(0, 1), 'sin(x)\t+\ncos(y)', '2^-x^2',
  ])('round-trips %j exactly, with no notices', (expression) => {
    const scene = custom(expression, { x: [0.5, 3], y: [0.25, 2] });
    expect(scene.surface.expression).toBe(expression);
    const { scene: back, notices } = decodeScene(encodeScene(scene));
    expect(notices).toEqual([]);
    expect(withoutKeys(back)).toEqual(withoutKeys(scene));
  });

  it('round-trips every example of the menu, with its default start left out of the link', () => {
    for (const example of customExamples) {
      const scene = custom(example.expression, example.box);
      const hash = encodeScene(scene);
      expect(hash).not.toContain('start=');
      expect(withoutKeys(decodeScene(hash).scene)).toEqual(withoutKeys(scene));
    }
  });

  it('reads a hand-typed expression with raw + * ^ and spaces escaped or not', () => {
    const { scene, notices } = decodeScene('s=custom&fx=x^2+y^2&box=-1,1,-1,1');
    expect(notices).toEqual([]);
    expect(scene.surface).toEqual({ id: 'custom', ripple: 0, expression: 'x^2+y^2', box: { x: [-1, 1], y: [-1, 1] } });
  });

  it('says where a broken expression went wrong and shows the default example instead', () => {
    const { scene, notices } = decodeScene('s=custom&fx=cos(x&box=-1,1,-1,1');
    expect(notices).toEqual([
      `Ignored the expression 'cos(x': expected ')' after 'cos(x' (column 6); showing '(x^2 - 1)^2 - 0.3*x + 2*…'.`,
    ]);
    expect(scene.surface).toEqual({ id: 'custom', ripple: 0, expression: defaultCustom.expression, box: defaultCustom.box });
    expect(scene.start).toEqual([-1, 0.75]);
  });

  it('refuses an expression longer than the limit, quoting only its start', () => {
    const long = 'x+'.repeat(400) + 'x';
    const { notices } = decodeScene(`s=custom&fx=${long}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^Ignored the expression 'x\\+x\\+.{20}…': the expression is longer than ${limits.expression.maxLength} characters \\(column 501\\)`));
    expect(notices[0].length).toBeLessThan(200);
  });

  it('turns markup, unicode look-alikes and deep nesting into a notice of plain text', () => {
    const cases: Array<[string, RegExp]> = [
      ['%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', /unexpected character '<' \(column 1\)/],
      ['x%E2%81%B4', /unexpected character '⁴' \(column 2\)/],
      ['x%E2%80%AE+y', /unexpected character 'U\+202E' \(column 2\)/],
      ['('.repeat(100) + 'x' + ')'.repeat(100), /nested too deeply \(more than 64 levels\) \(column 65\)/],
      ['2x', /expected an operator between '2' and 'x' \(column 2\)/],
      ['ln(x)', /unknown function 'ln' \(log is the natural logarithm\)/],
    ];
    for (const [fx, expected] of cases) {
      const { scene, notices } = decodeScene(`s=custom&fx=${fx}`);
      expect(notices[0], fx).toMatch(expected);
      // Quoted text is cut to 24 characters and cleaned of invisible ones; the page shows notices as React text.
      expect(notices[0]).not.toMatch(/\u202e/u);
      expect(notices[0].length).toBeLessThan(200);
      expect(scene.surface.expression).toBe(defaultCustom.expression);
    }
  });

  it('falls back when f is finite nowhere in the box', () => {
    const { scene, notices } = decodeScene('s=custom&fx=log(x)&box=-3,-1,-1,1');
    expect(notices).toEqual([
      `Ignored the expression 'log(x)': f has no finite value anywhere in the view; showing '(x^2 - 1)^2 - 0.3*x + 2*…'.`,
    ]);
    expect(scene.surface.box).toEqual(defaultCustom.box);
  });

  it('asks for fx when s=custom comes without one', () => {
    const { scene, notices } = decodeScene('s=custom');
    expect(notices).toEqual([`A custom surface needs its expression (fx); showing '(x^2 - 1)^2 - 0.3*x + 2*…'.`]);
    expect(scene.surface.expression).toBe(defaultCustom.expression);
  });

  it('validates the box like the view: four numbers, ordered, within ±1e6', () => {
    expect(decodeScene('s=custom&fx=x&box=1,2,3').notices).toEqual(["Box needs 4 numbers; ignored '1,2,3'."]);
    expect(decodeScene('s=custom&fx=x&box=a,1,0,1').notices).toEqual(["Box 'a' is not a number; ignored it."]);
    expect(decodeScene('s=custom&fx=x&box=1,0,0,1').notices).toEqual(['Ignored an empty box; used -2,2,-1.5,1.5.']);
    const { scene, notices } = decodeScene('s=custom&fx=x&box=-1e9,1,0,1');
    expect(notices).toEqual(['Box edge -1000000000 is out of range; used -1000000.']);
    expect(scene.surface.box).toEqual({ x: [-1e6, 1], y: [0, 1] });
  });

  it('ignores fx and box on a built-in surface, and says so', () => {
    const { scene, notices } = decodeScene('s=bowl&fx=x&box=0,1,0,1');
    expect(scene.surface).toEqual({ id: 'bowl', ripple: 0 });
    expect(notices).toEqual(["Ignored 'fx': only s=custom has it.", "Ignored 'box': only s=custom has it."]);
  });

  it('keeps a start given in the link, even where f is undefined (the run then says why it could not begin)', () => {
    const { scene } = decodeScene('s=custom&fx=log(x)&box=-1,3,-1,1&start=-0.5,0');
    expect(scene.start).toEqual([-0.5, 0]);
  });
});

describe('the store with a custom surface', () => {
  let store: AppStore;
  const state = () => store.getState();
  beforeEach(() => {
    store = createAppStore();
  });

  it('picking "Your own f(x, y)" shows the default example from its default start, in its box', () => {
    state().setSurface('custom');
    expect(state().scene.surface).toEqual({ id: 'custom', ripple: 0, expression: defaultCustom.expression, box: defaultCustom.box });
    expect(state().scene.start).toEqual([-1, 0.75]);
    expect(state().scene.view).toBeNull();
  });

  it('applies an expression that parses, and refuses one that does not, keeping the last good one', () => {
    state().setSurface('custom');
    expect(state().setCustomSurface({ expression: 'x^2 + y^2' })).toBe(true);
    const good = state().scene;
    expect(state().setCustomSurface({ expression: 'cos(x' })).toBe(false);
    expect(state().setCustomSurface({ expression: 'log(-1 - x^2)' })).toBe(false);
    expect(state().scene).toBe(good);
  });

  it('keeps the start where f is finite in the box, and moves it where f is not', () => {
    state().setSurface('custom');
    state().setStart([1.5, 1]);
    state().setCustomSurface({ expression: 'x^2 + y^2' });
    expect(state().scene.start).toEqual([1.5, 1]);
    expect(state().notices).toEqual([]);
    state().setCustomSurface({ expression: 'log(-x) + y^2' });
    expect(state().scene.start).toEqual([-1, 0.75]);
    // The runs jump elsewhere, and the page says why.
    expect(state().notices).toEqual([
      'The start (1.5, 1) is outside the domain of the new f or outside its box: the runs start at (−1, 0.75).',
    ]);
    // The next f is defined there: the notice about the last one goes, other notices stay.
    state().addNotices(['Something else.']);
    state().setCustomSurface({ expression: 'x^2 + y^2' });
    expect(state().notices).toEqual(['Something else.']);
  });

  it('a new box resets the zoom and must be a proper box', () => {
    state().setSurface('custom');
    state().setView({ x: [0, 1], y: [0, 1] });
    expect(state().setCustomSurface({ box: { x: [1, 0], y: [0, 1] } })).toBe(false);
    expect(state().scene.view).toEqual({ x: [0, 1], y: [0, 1] });
    expect(state().setCustomSurface({ box: { x: [-4, 4], y: [-4, 4] } })).toBe(true);
    expect(state().scene.surface.box).toEqual({ x: [-4, 4], y: [-4, 4] });
    expect(state().scene.view).toBeNull();
  });

  it('remembers the typed surface when the user visits another surface and comes back', () => {
    state().setSurface('custom');
    state().setCustomSurface({ expression: 'x^4 + y^2', box: { x: [-1, 1], y: [-1, 1] } });
    state().setSurface('bowl');
    expect(state().scene.surface).toEqual({ id: 'bowl', ripple: 0 });
    state().setSurface('custom');
    expect(state().scene.surface).toMatchObject({ expression: 'x^4 + y^2', box: { x: [-1, 1], y: [-1, 1] } });
  });

  it('hands the worker the expression and its box as a core CustomSurfaceSpec, for every gradient source', () => {
    state().setSurface('custom');
    state().setCustomSurface({ expression: 'x^2 + 3*y^2' });
    const [first] = state().scene.runs;
    state().updateRun(first.key, { gradient: { kind: 'central', h: 1e-4 } });
    const configs = selectSimulationConfigs(state().scene);
    expect(configs[0].config.surface).toEqual({ id: 'custom', expression: 'x^2 + 3*y^2', view: defaultCustom.box });
    expect(configs[0].config.gradient).toEqual({ kind: 'central', h: 1e-4 });
    expect(selectSurfaceSpec(state().scene.surface)).toBe(selectSurfaceSpec(state().scene.surface));
  });

  it('does nothing when the surface is not custom', () => {
    expect(state().setCustomSurface({ expression: 'x' })).toBe(false);
    expect(state().scene.surface).toEqual({ id: 'ellipse', ripple: 0 });
  });
});
