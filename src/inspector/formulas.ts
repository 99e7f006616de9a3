/**
 * Every optimizer's update rule as TeX, one per optimizer and option (form,
 * bias correction, AMSGrad, AdamW's decay, maximizing), written for step t:
 * it moves x_{t−1} to x_t using g_t, the gradient at x_{t−1}. The rules are
 * the ones the core runs (src/core/optimizers/*.ts, torch.optim semantics).
 *
 * Symbols the inspector shows numbers for are wrapped in \htmlData{sym=id}{…};
 * KaTeX turns that into data-sym="id" on the symbol's span, which is how a
 * number in the panel and its symbol in the formula find each other. The TeX
 * is ours alone, never user text, and rendering trusts \htmlData and nothing else.
 *
 * Where the course notes write a rule differently, `conventions` says how
 * (PyTorch, Andrew Ng's EMA form, Saito's "Deep Learning from Scratch").
 */
import type { OptimizerConfig, OptimizerId } from '../core/types';
import { symbolIds as S } from './symbols';

export interface Sentence {
  en: string;
  ko: string;
}

export interface UpdateRule {
  /** Which variant, e.g. "adam+amsgrad", "momentum/ema"; unique per distinct rule. */
  id: string;
  /** Display-mode TeX of the whole rule (an aligned block). */
  tex: string;
  /** Symbol ids the TeX marks with \htmlData. */
  symbols: string[];
  /** How the notes and libraries differ, shortest first. */
  conventions: Sentence[];
}

const sym = (id: string, tex: string) => `\\htmlData{sym=${id}}{${tex}}`;

// The recurring pieces, each tied to the number the panel shows for it.
const g = sym(S.gradient, 'g_t');
// Powers go inside the marked group, so the exponent sits on the symbol, not after its box.
const gSquared = sym(S.gradient, 'g_t^{2}');
const eta = sym(S.learningRate, '\\eta_t');
const xPrev = sym(S.from, 'x_{t-1}');
const xNext = sym(S.to, 'x_t');
const dx = sym(S.delta, '\\Delta x');
const beta = sym(S.beta, '\\beta');
const beta1 = sym(S.beta1, '\\beta_1');
const beta2 = sym(S.beta2, '\\beta_2');
const eps = sym(S.epsilon, '\\epsilon');
const t = sym(S.step, 't');
const beta1Power = sym(S.beta1, `\\beta_1^{${t}}`);
const beta2Power = sym(S.beta2, `\\beta_2^{${t}}`);
const prev = (name: string, tex: string) => sym(S.before(name), `${tex}_{t-1}`);
const next = (name: string, tex: string) => sym(S.after(name), `${tex}_t`);

function block(lines: string[]): string {
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

function gradientLine(maximize: boolean): string {
  return maximize ? `${g} &= -\\nabla f(${xPrev})` : `${g} &= \\nabla f(${xPrev})`;
}

const moveLine = `${xNext} &= ${xPrev} + ${dx}`;

const elementwise: Sentence = {
  en: 'Squares, roots and divisions act on each axis separately.',
  ko: '제곱, 제곱근, 나눗셈은 축마다 따로 계산합니다.',
};
const ascent: Sentence = {
  en: 'Maximizing: the optimizer minimizes −f, so g is the gradient of −f (gradient ascent).',
  ko: '최대화: 옵티마이저는 −f를 최소화하므로 g는 −f의 기울기입니다(경사 상승법).',
};

/** The rule `optimizer` follows (missing options take the core's defaults). */
export function updateRule(optimizer: OptimizerConfig, maximize = false): UpdateRule {
  const rule = baseRule(optimizer, maximize);
  const lines = [gradientLine(maximize), ...rule.lines, moveLine];
  const tex = block(lines);
  return {
    id: maximize ? `${rule.id}/max` : rule.id,
    tex,
    symbols: [...new Set([...tex.matchAll(/\\htmlData\{sym=([^}]+)\}/g)].map((m) => m[1]))],
    conventions: maximize ? [...rule.conventions, ascent] : rule.conventions,
  };
}

interface BaseRule {
  id: string;
  lines: string[];
  conventions: Sentence[];
}

function baseRule(optimizer: OptimizerConfig, maximize: boolean): BaseRule {
  const id: OptimizerId = optimizer.id;
  switch (id) {
    case 'gd':
      return {
        id,
        lines: [`${dx} &= -${eta}\\, ${g}`],
        conventions: [{
          en: 'Plain gradient descent, torch.optim.SGD without momentum. The notes write α for η.',
          ko: '기본 경사 하강법(모멘텀 없는 torch.optim.SGD). 노트에서는 η 대신 α라고 씁니다.',
        }],
      };
    case 'momentum': {
      const v = next('velocity', 'v');
      const vPrev = prev('velocity', 'v');
      if (optimizer.form === 'ema') {
        return {
          id: 'momentum/ema',
          lines: [`${v} &= ${beta}\\, ${vPrev} + (1 - ${beta})\\, ${g}`, `${dx} &= -${eta}\\, ${v}`],
          conventions: [{
            en: "Andrew Ng's exponentially weighted average. Once v is warm it takes the same path as PyTorch's heavy ball v ← βv + g at η(1 − β).",
            ko: 'Andrew Ng의 지수 가중 이동 평균 형태입니다. v가 충분히 쌓이면 PyTorch의 heavy ball(v ← βv + g)을 η(1 − β)로 돌린 것과 같은 경로를 갑니다.',
          }],
        };
      }
      return {
        id: 'momentum/heavy-ball',
        lines: [`${v} &= ${beta}\\, ${vPrev} + ${g}`, `${dx} &= -${eta}\\, ${v}`],
        conventions: [
          {
            en: "PyTorch's heavy ball, torch.optim.SGD(momentum=β).",
            ko: 'PyTorch의 heavy ball 형태(torch.optim.SGD(momentum=β))입니다.',
          },
          {
            en: "Saito writes v ← αv − η∇f, x ← x + v: the same path while η is constant, with his v equal to −η times this v.",
            ko: 'Saito(밑바닥부터 시작하는 딥러닝)는 v ← αv − η∇f, x ← x + v로 씁니다. η가 일정하면 같은 경로이고, 그의 v는 여기 v의 −η배입니다.',
          },
          {
            en: "Andrew Ng's form v ← βv + (1 − β)g is the EMA form (form = ema).",
            ko: 'Andrew Ng의 v ← βv + (1 − β)g는 EMA 형태(form = ema)입니다.',
          },
        ],
      };
    }
    case 'nesterov':
      return {
        id,
        lines: [
          `${next('velocity', 'v')} &= ${beta}\\, ${prev('velocity', 'v')} + ${g}`,
          `${dx} &= -${eta}\\,(${g} + ${beta}\\, ${next('velocity', 'v')})`,
        ],
        conventions: [{
          en: "torch.optim.SGD(nesterov=True): the look-ahead is folded into the gradient at x (Sutskever's form), so no second gradient is taken. CS231n and Saito write it with an explicit look-ahead point.",
          ko: 'torch.optim.SGD(nesterov=True): 앞을 내다보는 항을 현재 점의 기울기에 접어 넣은 Sutskever 형태라 기울기를 한 번만 계산합니다. CS231n과 Saito는 앞선 점을 따로 두고 씁니다.',
        }],
      };
    case 'adagrad':
      return {
        id,
        lines: [
          `${next('s', 's')} &= ${prev('s', 's')} + ${gSquared}`,
          `${dx} &= -${eta}\\, \\frac{${g}}{\\sqrt{${next('s', 's')}} + ${eps}}`,
        ],
        conventions: [
          {
            en: 'ε outside the root, as in PyTorch (ε = 1e−10) and Saito (h for s, 1e−7 for ε).',
            ko: 'ε는 제곱근 밖에 있습니다. PyTorch(ε = 1e−10)와 Saito(s 대신 h, ε = 1e−7)도 같습니다.',
          },
          elementwise,
        ],
      };
    case 'rmsprop':
      return {
        id,
        lines: [
          `${next('s', 's')} &= ${beta}\\, ${prev('s', 's')} + (1 - ${beta})\\, ${gSquared}`,
          `${dx} &= -${eta}\\, \\frac{${g}}{\\sqrt{${next('s', 's')}} + ${eps}}`,
        ],
        conventions: [
          {
            en: "PyTorch's RMSprop (alpha = β) puts ε outside the root, as here; Andrew Ng's notes write √(s + ε).",
            ko: 'PyTorch의 RMSprop(alpha = β)은 여기처럼 ε를 제곱근 밖에 둡니다. Andrew Ng의 노트는 √(s + ε)로 씁니다.',
          },
          elementwise,
        ],
      };
    case 'adadelta':
      return {
        id,
        lines: [
          `${next('s', 's')} &= ${beta}\\, ${prev('s', 's')} + (1 - ${beta})\\, ${gSquared}`,
          `${sym(S.derived('delta'), 'd_t')} &= \\frac{\\sqrt{${prev('u', 'u')} + ${eps}}}{\\sqrt{${next('s', 's')} + ${eps}}}\\, ${g}`,
          `${next('u', 'u')} &= ${beta}\\, ${prev('u', 'u')} + (1 - ${beta})\\, ${sym(S.derived('delta'), 'd_t^{2}')}`,
          `${dx} &= -${eta}\\, ${sym(S.derived('delta'), 'd_t')}`,
        ],
        conventions: [
          {
            en: "torch.optim.Adadelta (rho = β). Zeiler's paper has no η: the ratio of RMS step to RMS gradient gives the step its units, hence η = 1.",
            ko: 'torch.optim.Adadelta(rho = β)입니다. Zeiler의 논문에는 η가 없습니다. 스텝의 RMS와 기울기의 RMS의 비가 단위를 맞춰 주므로 η = 1을 씁니다.',
          },
          elementwise,
        ],
      };
    case 'adam':
    case 'adamw':
      return adamRule(optimizer, id === 'adamw');
    case 'newton':
      return {
        id,
        lines: [
          `${sym(S.derived('hessian'), 'H')} &= ${maximize ? '-' : ''}\\nabla^2 f(${xPrev})`,
          `${sym(S.derived('direction'), 'p_t')} &= H^{-1} ${g}`,
          `${dx} &= -${eta}\\, ${sym(S.derived('direction'), 'p_t')}`,
        ],
        conventions: [{
          en: "Newton's method jumps to the stationary point of the local quadratic, whatever its kind: on a saddle it walks straight in. |det H| < 1e−12 stops the run.",
          ko: '뉴턴 방법은 국소 이차 근사의 정류점으로 곧장 뛰어갑니다. 그 점이 안장점이어도 그대로 들어갑니다. |det H| < 1e−12이면 멈춥니다.',
        }],
      };
    case 'linesearch': {
      const alpha = sym(S.derived('stepSize'), '\\alpha_t');
      const objective = maximize ? '-f' : 'f';
      return {
        id,
        lines: [
          `${alpha} &= \\operatorname*{arg\\,min}_{\\alpha \\in \\{100,\\, 10,\\, \\dots,\\, 10^{-5}\\}} ${objective}(${xPrev} - \\alpha\\, ${g})`,
          `${dx} &= -${alpha}\\, ${g}`,
        ],
        conventions: [{
          en: "Data Science from Scratch's minimize_batch: try every step size, keep the lowest f (a non-finite f counts as +∞). η is not used; the run stops when no step lowers f.",
          ko: '밑바닥부터 시작하는 데이터 과학의 minimize_batch입니다. 모든 스텝 크기를 시도해 f가 가장 낮은 것을 고릅니다(유한하지 않은 f는 +∞). η는 쓰지 않고, 어떤 스텝도 f를 낮추지 못하면 멈춥니다.',
        }],
      };
    }
    default:
      throw new Error(`No update rule for optimizer '${String(id)}'.`);
  }
}

function adamRule(optimizer: OptimizerConfig, decoupled: boolean): BaseRule {
  const correct = optimizer.biasCorrection ?? true;
  const amsgrad = optimizer.amsgrad ?? false;
  const m = next('m', 'm');
  const s = next('s', 's');
  const sMax = next('sMax', 's^{\\max}');
  const second = amsgrad ? sMax : s;
  const lines = [
    `${m} &= ${beta1}\\, ${prev('m', 'm')} + (1 - ${beta1})\\, ${g}`,
    `${s} &= ${beta2}\\, ${prev('s', 's')} + (1 - ${beta2})\\, ${gSquared}`,
  ];
  if (amsgrad) lines.push(`${sMax} &= \\max(${prev('sMax', 's^{\\max}')},\\, ${s})`);
  let first = m;
  let root = second;
  if (correct) {
    first = sym(S.derived('mHat'), '\\hat m_t');
    root = sym(S.derived('sHat'), '\\hat s_t');
    lines.push(`${first} &= \\frac{${m}}{1 - ${beta1Power}}, \\quad ${root} = \\frac{${second}}{1 - ${beta2Power}}`);
  }
  const decay = decoupled ? `-${eta}\\, ${sym(S.lambda, '\\lambda')}\\, ${xPrev} ` : '';
  lines.push(`${dx} &= ${decay}-${eta}\\, \\frac{${first}}{\\sqrt{${root}} + ${eps}}`);

  const id = `${decoupled ? 'adamw' : 'adam'}${correct ? '' : '-nobc'}${amsgrad ? '+amsgrad' : ''}`;
  const conventions: Sentence[] = [];
  if (decoupled) {
    conventions.push({
      en: 'AdamW (Loshchilov & Hutter), as torch.optim.AdamW: the weights shrink by ηλ directly, not through the gradient.',
      ko: 'AdamW(Loshchilov & Hutter)는 torch.optim.AdamW처럼 가중치를 기울기를 거치지 않고 ηλ만큼 직접 줄입니다.',
    });
  }
  conventions.push(correct
    ? {
        en: "ε outside the root, after the bias correction: PyTorch and the paper's Algorithm 1. Andrew Ng's notes put ε inside, √(ŝ + ε).",
        ko: 'ε는 편향 보정 뒤 제곱근 밖에 있습니다(PyTorch, 논문의 Algorithm 1). Andrew Ng의 노트는 √(ŝ + ε)처럼 안에 넣습니다.',
      }
    : {
        en: 'No bias correction: m and s start at 0, so the first steps are short until they warm up (the notes\' bias correction divides by 1 − βᵗ).',
        ko: '편향 보정 없음: m과 s가 0에서 시작하므로 처음 몇 스텝은 짧습니다(노트의 편향 보정은 1 − βᵗ로 나눕니다).',
      });
  if (correct) {
    conventions.push({
      en: "Saito writes η_t = η√(1 − β₂ᵗ)/(1 − β₁ᵗ), x ← x − η_t m/(√s + ε): ε is added before the correction, so it weighs 1/√(1 − β₂ᵗ) times more (≈ 32× at t = 1).",
      ko: 'Saito는 η_t = η√(1 − β₂ᵗ)/(1 − β₁ᵗ), x ← x − η_t m/(√s + ε)로 씁니다. ε를 보정 전에 더하므로 그 비중이 1/√(1 − β₂ᵗ)배 커집니다(t = 1에서 약 32배).',
    });
  }
  if (amsgrad) {
    conventions.push({
      en: 'AMSGrad (Reddi et al.) as PyTorch: the running maximum of s, then the correction.',
      ko: 'AMSGrad(Reddi 외)는 PyTorch처럼 s의 누적 최댓값을 쓰고 그다음 보정합니다.',
    });
  }
  conventions.push(elementwise);
  return { id, lines, conventions };
}
