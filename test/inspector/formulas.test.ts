import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { createOptimizer, optimizerIds, optimizerInfo } from '../../src/core';
import type { OptimizerConfig } from '../../src/core/types';
import { updateRule } from '../../src/inspector/formulas';
import { katexOptions } from '../../src/inspector/katexLoader';
import { carriedState, derivedState, matrixState, symbolIds as S } from '../../src/inspector/symbols';

/** Every optimizer with every combination of the options it has. */
function everyVariant(): OptimizerConfig[] {
  const out: OptimizerConfig[] = [];
  for (const id of optimizerIds) {
    const uses = optimizerInfo[id].hyperparameters;
    const forms = uses.includes('form') ? (['heavy-ball', 'ema'] as const) : [undefined];
    const corrections = uses.includes('biasCorrection') ? [true, false] : [undefined];
    const amsgrads = uses.includes('amsgrad') ? [false, true] : [undefined];
    for (const form of forms) {
      for (const biasCorrection of corrections) {
        for (const amsgrad of amsgrads) {
          const config: OptimizerConfig = { id };
          if (form) config.form = form;
          if (biasCorrection !== undefined) config.biasCorrection = biasCorrection;
          if (amsgrad !== undefined) config.amsgrad = amsgrad;
          out.push(config);
        }
      }
    }
  }
  return out;
}

const variants = everyVariant();
const render = (tex: string) => katex.renderToString(tex, katexOptions);

describe('the update rules', () => {
  it('give every optimizer and option, minimizing and maximizing, a rule of its own', () => {
    expect(variants.length).toBe(10 + 1 + 3 + 3); // momentum ×2, adam ×4, adamw ×4
    const ids = new Set<string>();
    for (const config of variants) {
      for (const maximize of [false, true]) {
        const rule = updateRule(config, maximize);
        expect(rule.tex.length, rule.id).toBeGreaterThan(40);
        ids.add(rule.id);
      }
    }
    expect(ids.size).toBe(2 * variants.length);
  });

  it('parse under KaTeX in strict mode and mark every symbol they list', () => {
    for (const config of variants) {
      for (const maximize of [false, true]) {
        const rule = updateRule(config, maximize);
        const html = render(rule.tex);
        expect(html, rule.id).toContain('class="katex-display"');
        expect(html, rule.id).not.toContain('katex-error');
        for (const id of rule.symbols) expect(html, `${rule.id}: ${id}`).toContain(`data-sym="${id}"`);
        // The symbols every step has: its gradient, the step, and the two points.
        for (const id of [S.gradient, S.delta, S.from, S.to]) expect(rule.symbols, rule.id).toContain(id);
      }
    }
  });

  it('tie every piece of optimizer state the core records to a symbol', () => {
    for (const config of variants) {
      const rule = updateRule(config);
      const names = Object.keys(createOptimizer(config).state);
      const corrected = config.biasCorrection ?? true;
      for (const name of names) {
        if ((carriedState as readonly string[]).includes(name)) {
          expect(rule.symbols, `${rule.id}: ${name}`).toContain(S.after(name));
          expect(rule.symbols, `${rule.id}: ${name} before`).toContain(S.before(name));
        } else if (matrixState[name]) {
          expect(rule.symbols, `${rule.id}: ${name}`).toContain(S.derived(matrixState[name]));
        } else {
          expect(derivedState as readonly string[], name).toContain(name);
          // Without bias correction the core still fills m̂ = m and ŝ = s; the rule has no hats to show.
          if (!corrected && (name === 'mHat' || name === 'sHat')) expect(rule.symbols).not.toContain(name);
          else expect(rule.symbols, `${rule.id}: ${name}`).toContain(S.derived(name));
        }
      }
    }
  });

  it('write the decay and the max only where the options ask for them', () => {
    expect(updateRule({ id: 'adam' }).symbols).not.toContain(S.lambda);
    expect(updateRule({ id: 'adamw' }).symbols).toContain(S.lambda);
    expect(updateRule({ id: 'adam', amsgrad: true }).symbols).toContain('sMax');
    expect(updateRule({ id: 'adam', biasCorrection: false }).tex).not.toContain('\\hat');
    expect(updateRule({ id: 'momentum', form: 'ema' }).tex).toContain('(1 - \\htmlData{sym=beta}{\\beta})');
    expect(updateRule({ id: 'momentum' }).tex).not.toContain('(1 -');
    expect(updateRule({ id: 'gd' }, true).tex).toContain('-\\nabla f');
  });

  it('name the conventions where the course notes differ, in English and Korean', () => {
    const text = (config: OptimizerConfig) => updateRule(config).conventions.map((s) => s.en).join(' ');
    expect(text({ id: 'momentum' })).toMatch(/PyTorch/);
    expect(text({ id: 'momentum' })).toMatch(/Saito writes v ← αv − η∇f, x ← x \+ v/);
    expect(text({ id: 'momentum' })).toMatch(/Ng/);
    expect(text({ id: 'momentum', form: 'ema' })).toMatch(/Ng/);
    expect(text({ id: 'adam' })).toMatch(/ε outside the root/);
    expect(text({ id: 'adam' })).toMatch(/Ng's notes put ε inside/);
    expect(text({ id: 'adam' })).toMatch(/Saito/);
    expect(text({ id: 'rmsprop' })).toMatch(/√\(s \+ ε\)/);
    for (const config of variants) {
      for (const sentence of updateRule(config, true).conventions) {
        expect(sentence.en.trim()).not.toBe('');
        expect(sentence.ko).toMatch(/[가-힣]/);
      }
    }
  });

  it('are rendered with trust for the data-sym marker and nothing else', () => {
    expect(render('\\htmlData{sym=x}{x}')).toContain('data-sym="x"');
    const refused = [
      '\\htmlData{onclick=alert(1)}{x}',
      '\\htmlData{sym=x,style=color:red}{x}',
      '\\htmlClass{evil}{x}',
      '\\htmlStyle{color:red}{x}',
      '\\htmlId{evil}{x}',
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://example.com}',
      '\\includegraphics{https://example.com/a.png}',
    ];
    for (const tex of refused) {
      // Only the rendered part: the MathML annotation quotes the TeX source as text.
      const html = render(tex).replace(/<annotation[^>]*>.*?<\/annotation>/s, '');
      expect(html, tex).not.toMatch(/onclick|data-style|class="evil|id="evil|href=|<img|style="color:red/);
      expect(html, tex).toContain('#cc0000'); // KaTeX shows a refused command as red source text
    }
  });
});
