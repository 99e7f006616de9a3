/**
 * The course as ready-made scenes: one preset per concept of the course notes
 * (../shared/seeds/README.md), each with its explanation in English and Korean.
 * A preset is only a Scene, so it is also a link like any other view.
 *
 * Every learning rate, start and step budget here was chosen by running the
 * core so that the story is visible inside the budget; test/state/presets.test.ts
 * replays each preset and checks that it still tells its story. Where two runs
 * would share a path, the run that must stay visible comes last in the legend
 * (paths are drawn in legend order, so the last one is on top).
 *
 * Run labels are part of the link, so they are plain notation ("β 0.5",
 * "η₀·0.99ᵗ") or come in the reader's language from `scene(lang)`.
 */
import type { OptimizerId, SurfaceId, Vec2, ViewBox } from '../core/types';
import type { Lang } from '../i18n';
import type { Scene } from './scene';
import { createRuns, saitoRuns, type RunOverrides } from './defaults';
import { normalizeScene, sceneDefaults, surfaceStart } from './normalize';

/** The same words in both languages of the page. */
export interface Localized {
  en: string;
  ko: string;
}

/** Gallery sections, in the order of the course. */
export type PresetTopic = 'steps' | 'momentum' | 'batches' | 'gradients' | 'landscape';
export const presetTopics: readonly PresetTopic[] = ['steps', 'momentum', 'batches', 'gradients', 'landscape'];

export interface Preset {
  /** Stable, lowercase, hyphenated (e.g. 'learning-rate'). */
  id: string;
  topic: PresetTopic;
  title: Localized;
  /** Two or three sentences: what to look at, and why it happens. */
  description: Localized;
  /** A fresh, normalized scene; labels that are words come in `lang`. */
  scene: (lang?: Lang) => Scene;
}

interface SceneOptions {
  start?: Vec2;
  ripple?: number;
  maximize?: boolean;
  tolerance?: number;
  view?: ViewBox;
}

type RunList = ReadonlyArray<[OptimizerId, RunOverrides?]>;

function scene(surface: SurfaceId, steps: number, runs: RunList, options: SceneOptions = {}): Scene {
  return normalizeScene({
    surface: { id: surface, ripple: options.ripple ?? sceneDefaults.ripple },
    start: options.start ?? surfaceStart(surface),
    steps,
    seed: sceneDefaults.seed,
    tolerance: options.tolerance ?? sceneDefaults.tolerance,
    maximize: options.maximize ?? false,
    runs: createRuns(runs),
    view: options.view ?? null,
  });
}

const lr = (learningRate: number, more: RunOverrides = {}): RunOverrides => ({
  ...more,
  optimizer: { learningRate, ...more.optimizer },
});

const pick = (text: Localized, lang: Lang = 'en') => text[lang] ?? text.en;

/** The linear-regression loss around the walk from the default start to the least-squares point (2.01, −3.06). */
const linregView: ViewBox = { x: [-2, 4], y: [-4.5, 3] };

const learningRatePresets: Preset[] = [
  {
    id: 'first-step',
    topic: 'steps',
    title: { en: 'One step of gradient descent', ko: '경사하강법 한 걸음' },
    description: {
      en: 'On f = x² (here x² + y², starting on the x-axis at (2, 0)) the gradient is 4, so one step with α = 0.01 lands at 2 − 0.01·4 = 1.96, the notes\' worked example. Step through the five steps and read x and f(x): every step is 2% shorter than the one before, because the gradient shrinks with x.',
      ko: 'f = x²에서(여기서는 x² + y²의 x축 위 (2, 0)에서 출발) 기울기는 4이므로, α = 0.01로 한 걸음 가면 2 − 0.01·4 = 1.96, 노트의 예제 그대로입니다. 다섯 걸음을 하나씩 넘기며 x와 f(x)를 읽어 보세요: 기울기가 x에 비례해 작아지므로 걸음도 매번 2%씩 짧아집니다.',
    },
    scene: () => scene('bowl', 5, [['gd', lr(0.01)]], { start: [2, 0], view: { x: [1.75, 2.05], y: [-0.1, 0.1] } }),
  },
  {
    id: 'first-step-left',
    topic: 'steps',
    title: { en: 'A step from the other side', ko: '반대편에서 한 걸음' },
    description: {
      en: 'From x = −3 the gradient of x² is −6, so with α = 0.1 gradient descent moves right: −3 − 0.1·(−6) = −2.4, and f drops from 9 to 5.76. Against the gradient is always downhill, whichever side of the minimum you start on.',
      ko: 'x = −3에서 x²의 기울기는 −6이므로, α = 0.1이면 경사하강법은 오른쪽으로 움직입니다: −3 − 0.1·(−6) = −2.4, f는 9에서 5.76으로 줄어듭니다. 최솟값의 어느 쪽에서 출발하든 기울기의 반대 방향은 언제나 내리막입니다.',
    },
    scene: () => scene('bowl', 5, [['gd', lr(0.1)]], { start: [-3, 0], view: { x: [-3.3, 0.3], y: [-1.2, 1.2] } }),
  },
  {
    id: 'learning-rate',
    topic: 'steps',
    title: { en: 'Five learning rates', ko: '다섯 가지 학습률' },
    description: {
      en: 'Gradient descent on x² + y² from (−1, 1) at the notes\' five rates: 10 and 1.1 diverge, 1 bounces between (−1, 1) and (1, −1) forever, 0.1 converges and 0.01 is still crawling after 100 steps. On a round bowl every path runs along the same line through the minimum, so tell them apart by the moving dots, the loss chart and the legend.',
      ko: '(−1, 1)에서 x² + y²에 노트의 다섯 학습률로 경사하강법을 돌립니다: 10과 1.1은 발산하고, 1은 (−1, 1)과 (1, −1) 사이를 끝없이 오가며, 0.1은 수렴하고, 0.01은 100걸음 뒤에도 아직 기어갑니다. 둥근 그릇에서는 모든 경로가 최솟값을 지나는 같은 직선 위에 있으니, 움직이는 점과 손실 그래프, 범례로 구별하세요.',
    },
    scene: () => scene('bowl', 100, [['gd', lr(10)], ['gd', lr(1.1)], ['gd', lr(1)], ['gd', lr(0.1)], ['gd', lr(0.01)]], {
      start: [-1, 1],
    }),
  },
  {
    id: 'line-search',
    topic: 'steps',
    title: { en: 'Line search picks the step', ko: '라인 서치로 보폭 고르기' },
    description: {
      en: 'Instead of a fixed rate, line search tries the notes\' step sizes 100, 10, 1, … 0.00001 at every step and keeps the one with the lowest f (an f that is not a number counts as ∞). On Rosenbrock\'s valley no fixed rate works, 0.01 diverges and 0.001 crawls, while the search reaches (1, 1) and stops by the tolerance ‖Δx‖ < 10⁻⁶ after about 120 steps.',
      ko: '고정된 학습률 대신, 라인 서치는 매 걸음 노트의 보폭 100, 10, 1, … 0.00001을 모두 시도해 f가 가장 작은 것을 고릅니다(f가 숫자가 아니면 ∞로 칩니다). 로젠브록 골짜기에서는 어떤 고정 학습률도 통하지 않아 0.01은 발산하고 0.001은 기어가지만, 라인 서치는 (1, 1)에 닿아 약 120걸음 뒤 허용 오차 ‖Δx‖ < 10⁻⁶로 멈춥니다.',
    },
    scene: () => scene('rosenbrock', 300, [['gd', lr(0.01)], ['gd', lr(0.001)], ['linesearch']], { tolerance: 1e-6 }),
  },
];

const momentumPresets: Preset[] = [
  {
    id: 'saito',
    topic: 'momentum',
    title: { en: "Saito's four optimizers", ko: '사이토의 네 옵티마이저' },
    description: {
      en: 'Saito\'s figure 6-8: 30 steps from (−7, 2) on the long bowl x²/20 + y². SGD (η 0.95) zig-zags because the gradient points across the narrow valley, not along it; Momentum (0.1) damps the zig-zag, AdaGrad (1.5) shrinks the steps on the steep axis, and Adam (0.3) does both.',
      ko: '사이토의 그림 6-8: 길쭉한 그릇 x²/20 + y²에서 (−7, 2)부터 30걸음. SGD(η 0.95)는 기울기가 좁은 골짜기를 따라가지 않고 가로지르기 때문에 지그재그로 움직이고, Momentum(0.1)은 그 진동을 줄이며, AdaGrad(1.5)는 가파른 축의 보폭을 줄이고, Adam(0.3)은 둘 다 합니다.',
    },
    scene: () => ({ ...scene('ellipse', 30, [], { start: [-7, 2] }), runs: saitoRuns() }),
  },
  {
    id: 'momentum-beta',
    topic: 'momentum',
    title: { en: 'Small and large β', ko: '작은 β와 큰 β' },
    description: {
      en: 'Momentum v ← βv + g at the same rate 0.05 with three values of β; the velocity averages about the last 1/(1 − β) gradients. β = 0.5 remembers 2 of them and creeps along the valley, β = 0.9 (10, the usual choice) settles quickly, β = 0.99 (100) overshoots and is still swinging round the minimum after 100 steps.',
      ko: '같은 학습률 0.05에서 β만 바꾼 모멘텀 v ← βv + g; 속도는 최근 약 1/(1 − β)개의 기울기를 평균합니다. β = 0.5는 2개를 기억해 골짜기를 따라 느리게 기어가고, β = 0.9(10개, 흔한 선택)는 빨리 자리 잡으며, β = 0.99(100개)는 지나쳐 버려 100걸음 뒤에도 최솟값 주위를 휘돌고 있습니다.',
    },
    scene: () => scene('ellipse', 100, [0.5, 0.9, 0.99].map((beta) => (
      ['momentum', lr(0.05, { label: `Momentum · β ${beta}`, optimizer: { beta } })] as [OptimizerId, RunOverrides]
    )), { start: [-7, 2] }),
  },
  {
    id: 'momentum-forms',
    topic: 'momentum',
    title: { en: 'Heavy ball or moving average', ko: '헤비볼과 지수 가중 평균' },
    description: {
      en: 'Two ways to write momentum: PyTorch\'s heavy ball v ← βv + g and Andrew Ng\'s exponentially weighted average v ← βv + (1 − β)g. At the same η = 0.05 the average takes steps 1 − β = 10 times smaller; at η = 0.5 = 0.05/(1 − β) it walks exactly the heavy ball\'s path, which is why the third line covers the first (hide it in the legend to check).',
      ko: '모멘텀을 쓰는 두 방식: PyTorch의 헤비볼 v ← βv + g와 앤드루 응의 지수 가중 평균 v ← βv + (1 − β)g. 같은 η = 0.05에서 평균 형태의 보폭은 1 − β, 즉 10배 작고, η = 0.5 = 0.05/(1 − β)이면 헤비볼과 정확히 같은 경로를 걷습니다. 그래서 세 번째 선이 첫 번째 선을 덮습니다(범례에서 숨겨 확인해 보세요).',
    },
    scene: (lang) => {
      const ema = pick({ en: 'EMA (Ng)', ko: '지수평균(Ng)' }, lang);
      return scene('ellipse', 100, [
        ['momentum', lr(0.05, { label: `${pick({ en: 'Heavy ball', ko: '헤비볼' }, lang)} · lr 0.05`, optimizer: { beta: 0.9 } })],
        ['momentum', lr(0.05, { label: `${ema} · lr 0.05`, optimizer: { beta: 0.9, form: 'ema' } })],
        ['momentum', lr(0.5, { label: `${ema} · lr 0.5`, optimizer: { beta: 0.9, form: 'ema' } })],
      ], { start: [-7, 2] });
    },
  },
  {
    id: 'bias-correction',
    topic: 'momentum',
    title: { en: 'Bias correction on and off', ko: '편향 보정 켜고 끄기' },
    description: {
      en: 'Adam\'s averages start at zero, so at first m holds only (1 − β₁) = 0.1 of the gradient and s only (1 − β₂) = 0.001 of its square. Dividing by 1 − βᵗ corrects both, and the corrected first step is exactly η = 0.1 on each axis; without it the first step is 0.1/√0.001 ≈ 3.2 times longer, and the uncorrected run races ahead and overshoots the minimum.',
      ko: 'Adam의 평균은 0에서 출발하므로 처음에는 m이 기울기의 (1 − β₁) = 0.1배, s가 제곱의 (1 − β₂) = 0.001배밖에 담지 못합니다. 1 − βᵗ로 나누면 둘 다 바로잡혀 첫 걸음이 축마다 정확히 η = 0.1이 되고, 보정하지 않으면 첫 걸음이 0.1/√0.001 ≈ 3.2배 길어 앞서 달려가다 최솟값을 지나칩니다.',
    },
    scene: (lang) => scene('ellipse', 30, [
      ['adam', lr(0.1, { label: pick({ en: 'Adam · no correction', ko: 'Adam · 보정 없음' }, lang), optimizer: { biasCorrection: false } })],
      ['adam', lr(0.1, { label: pick({ en: 'Adam · bias-corrected', ko: 'Adam · 편향 보정' }, lang) })],
    ], { start: [-7, 2] }),
  },
  {
    id: 'rosenbrock',
    topic: 'momentum',
    title: { en: "Rosenbrock's valley", ko: '로젠브록 골짜기' },
    description: {
      en: 'The curved valley of (1 − x)² + 100(y − x²)² from (−1.5, 2). GD at the largest rate that is safe here (0.001) reaches the valley floor and then crawls along it; momentum at the same rate gathers speed along the floor and Adam (0.05) rescales each axis, and both reach the minimum at (1, 1).',
      ko: '(−1.5, 2)에서 출발하는 (1 − x)² + 100(y − x²)²의 휘어진 골짜기. 여기서 안전한 가장 큰 학습률(0.001)의 GD는 골짜기 바닥에 닿은 뒤 바닥을 따라 기어가고, 같은 학습률의 모멘텀은 바닥을 따라 속도를 붙이며 Adam(0.05)은 축마다 보폭을 조절해, 둘 다 (1, 1)의 최솟값에 닿습니다.',
    },
    // GD last, so its line stays on top of the stretch of floor the others also cross.
    scene: () => scene('rosenbrock', 1000, [
      ['adam', lr(0.05)], ['momentum', lr(0.001, { optimizer: { beta: 0.9 } })], ['gd', lr(0.001)],
    ], { start: [-1.5, 2] }),
  },
];

const batchPresets: Preset[] = [
  {
    id: 'mini-batch',
    topic: 'batches',
    title: { en: 'Batch, mini-batch and SGD', ko: '배치, 미니배치, SGD' },
    description: {
      en: 'Fitting a line to 256 points; the plane is the weight w and the bias b. Batch GD uses all 256 points per step and walks smoothly, mini-batches of 8 wobble around its path and single samples (SGD) wander around the minimum, all at the same rate 0.1. The samples are shuffled afresh every epoch from the seed in the link, so everyone who opens it sees the same noise.',
      ko: '256개의 점에 직선을 맞춥니다(평면의 두 축은 가중치 w와 편향 b). 같은 학습률 0.1에서 배치 GD는 매 걸음 256개를 모두 써서 매끄럽게 걷고, 크기 8의 미니배치는 그 경로 주위에서 흔들리며, 샘플 하나씩 쓰는 SGD는 최솟값 근처를 떠돕니다. 샘플은 에포크마다 링크에 담긴 시드로 새로 섞이므로, 링크를 여는 누구나 같은 잡음을 봅니다.',
    },
    // Full batch last: drawn on top, the noisy paths show wherever they leave it.
    scene: (lang) => scene('linreg', 300, [
      ['gd', lr(0.1, { batchSize: 1, label: pick({ en: 'SGD · batch 1', ko: 'SGD · 배치 1' }, lang) })],
      ['gd', lr(0.1, { batchSize: 8, label: pick({ en: 'Mini-batch · 8', ko: '미니배치 · 8' }, lang) })],
      ['gd', lr(0.1, { batchSize: 256, label: pick({ en: 'Batch GD · 256', ko: '배치 GD · 256' }, lang) })],
    ], { view: linregView }),
  },
  {
    id: 'schedules',
    topic: 'batches',
    title: { en: 'Learning-rate decay', ko: '학습률 감쇠' },
    description: {
      en: 'Mini-batches of 4, the same starting rate η₀ = 0.2 and four schedules: constant, inverse time η₀/(1 + 0.02t), exponential 0.99ᵗ·η₀ and step decay (halved every 100 steps); the notes count t in epochs, here t counts steps. With a constant rate the batch noise never dies down and the path keeps jittering around the minimum; every decay shrinks the steps until the path comes to rest.',
      ko: '크기 4의 미니배치, 같은 초기 학습률 η₀ = 0.2에 네 가지 스케줄: 고정, 역시간 η₀/(1 + 0.02t), 지수 0.99ᵗ·η₀, 계단식(100걸음마다 절반). 노트는 t를 에포크로 세지만 여기서는 걸음으로 셉니다. 고정 학습률에서는 배치 잡음이 가라앉지 않아 경로가 최솟값 주위에서 계속 떨리고, 감쇠를 쓰면 보폭이 줄어 경로가 멈춰 섭니다.',
    },
    // Constant first: its jitter shows around the calmer paths drawn over it.
    scene: () => scene('linreg', 400, [
      ['gd', lr(0.2, { batchSize: 4, label: 'GD · η₀' })],
      ['gd', lr(0.2, { batchSize: 4, label: 'GD · η₀/(1 + 0.02t)', schedule: { kind: 'inverse-time', k: 0.02 } })],
      ['gd', lr(0.2, { batchSize: 4, label: 'GD · η₀·0.99ᵗ', schedule: { kind: 'exponential', gamma: 0.99 } })],
      ['gd', lr(0.2, { batchSize: 4, label: 'GD · η₀·0.5^⌊t/100⌋', schedule: { kind: 'step', gamma: 0.5, every: 100 } })],
    ], { view: linregView }),
  },
  {
    id: 'warm-up',
    topic: 'batches',
    title: { en: 'Learning-rate warm-up', ko: '학습률 워밍업' },
    description: {
      en: 'Momentum on Rosenbrock at rate 0.003 diverges within ten steps, because the valley\'s walls are steepest where the run starts. A linear warm-up over 50 steps starts the rate near zero, lets the run settle into the valley first and only then runs at the full rate, reaching (1, 1) while the safe constant rate 0.001 is still on its way.',
      ko: '로젠브록에서 학습률 0.003의 모멘텀은 열 걸음 안에 발산합니다. 출발점 근처의 골짜기 벽이 가장 가파르기 때문입니다. 50걸음 선형 워밍업은 학습률을 0 근처에서 시작해 먼저 골짜기에 자리 잡게 한 뒤에야 전체 학습률로 달려 (1, 1)에 닿고, 안전한 고정 학습률 0.001은 아직 가는 중입니다.',
    },
    scene: (lang) => scene('rosenbrock', 400, [
      ['momentum', lr(0.003, { optimizer: { beta: 0.9 } })],
      ['momentum', lr(0.001, { optimizer: { beta: 0.9 } })],
      ['momentum', lr(0.003, {
        label: `Momentum · lr 0.003 · ${pick({ en: 'warm-up', ko: '워밍업' }, lang)} 50`,
        optimizer: { beta: 0.9 },
        schedule: { kind: 'constant', warmup: 50 },
      })],
    ], { start: [-1.5, 2] }),
  },
];

const gradientPresets: Preset[] = [
  {
    id: 'numeric-gradient',
    topic: 'gradients',
    title: { en: 'A numerical gradient with h = 10', ko: 'h = 10인 수치 기울기' },
    description: {
      en: 'The notes\' difference quotient (f(x + h) − f(x))/h with h = 10 estimates the derivative of x² as 2x + 10 instead of 2x. Gradient descent trusts it and settles where the estimate is zero, at (−5, −5) instead of (0, 0); with h = 1 the error shrinks to (−0.5, −0.5), and the analytic gradient finds the true minimum.',
      ko: '노트의 차분 몫 (f(x + h) − f(x))/h에 h = 10을 쓰면 x²의 도함수를 2x가 아니라 2x + 10으로 추정합니다. 경사하강법은 이 값을 믿고 추정값이 0이 되는 (−5, −5)에 멈추며, h = 1이면 오차가 (−0.5, −0.5)로 줄고, 해석적 기울기는 진짜 최솟값 (0, 0)을 찾습니다.',
    },
    scene: (lang) => {
      const forward = pick({ en: 'forward h', ko: '전진 차분 h' }, lang);
      return scene('bowl', 60, [
        ['gd', lr(0.1, { label: `GD · ${forward} = 10`, gradient: { kind: 'forward', h: 10 } })],
        ['gd', lr(0.1, { label: `GD · ${forward} = 1`, gradient: { kind: 'forward', h: 1 } })],
        ['gd', lr(0.1, { label: pick({ en: 'GD · analytic gradient', ko: 'GD · 해석적 기울기' }, lang) })],
      ], { start: [2, 1], view: { x: [-6, 3], y: [-6, 3] } });
    },
  },
  {
    id: 'gradient-ascent',
    topic: 'gradients',
    title: { en: 'Gradient ascent', ko: '경사 상승법' },
    description: {
      en: 'With Maximize on, every optimizer minimizes −f, the notes\' way of climbing: the paths go uphill instead of down. From (0.9, 0.8), beside the deepest valley, both runs climb to the peak at (0.27, 0.27), a maximum whose Hessian eigenvalues are both negative.',
      ko: '최대화를 켜면 모든 옵티마이저가 −f를 최소화합니다. 노트가 오르막을 오르는 방법으로, 경로가 내려가는 대신 올라갑니다. 가장 깊은 골짜기 옆 (0.9, 0.8)에서 출발한 두 실행은 (0.27, 0.27)의 봉우리에 오르는데, 그곳은 헤시안 고윳값이 둘 다 음수인 극대점입니다.',
    },
    scene: () => scene('bumpy', 100, [['gd', lr(0.05)], ['adam', lr(0.05)]], { start: [0.9, 0.8], maximize: true }),
  },
];

const bumpyRuns: RunList = [['gd', lr(0.05)], ['momentum', lr(0.02, { optimizer: { beta: 0.9 } })]];
const riskRuns: RunList = [['gd', lr(0.02)], ['momentum', lr(0.02, { optimizer: { beta: 0.9 } })]];

const landscapePresets: Preset[] = [
  {
    id: 'local-minimum',
    topic: 'landscape',
    title: { en: 'Caught in a local minimum', ko: '지역 최솟값에 갇히기' },
    description: {
      en: 'On −1 ≤ x ≤ 2, f = x·cos(πx) has a shallow local minimum near x = −0.27 and its global minimum near x = 1.09; the surface adds the same curve in y. Started at (−0.8, −0.6), both runs settle into the local minimum (f ≈ −0.36) and stay: the gradient there is zero, so nothing tells them a deeper valley exists.',
      ko: '−1 ≤ x ≤ 2에서 f = x·cos(πx)는 x ≈ −0.27에 얕은 지역 최솟값, x ≈ 1.09에 전역 최솟값을 가집니다. 이 곡면은 y에도 같은 곡선을 더합니다. (−0.8, −0.6)에서 출발한 두 실행은 지역 최솟값(f ≈ −0.36)에 자리 잡고 머뭅니다: 그곳의 기울기는 0이라 더 깊은 골짜기가 있다는 것을 알려 줄 것이 없습니다.',
    },
    scene: () => scene('bumpy', 100, bumpyRuns, { start: [-0.8, -0.6] }),
  },
  {
    id: 'global-minimum',
    topic: 'landscape',
    title: { en: 'Reaching the global minimum', ko: '전역 최솟값에 닿기' },
    description: {
      en: 'The same surface and the same two runs as "Caught in a local minimum", started at (0.5, 0.6) instead. Now both descend into the global minimum at (1.09, 1.09), f ≈ −2.09: the start point decides which minimum gradient descent finds.',
      ko: '"지역 최솟값에 갇히기"와 같은 곡면, 같은 두 실행을 (0.5, 0.6)에서 출발시킵니다. 이번에는 둘 다 (1.09, 1.09)의 전역 최솟값(f ≈ −2.09)으로 내려갑니다: 경사하강법이 어떤 최솟값을 찾을지는 출발점이 정합니다.',
    },
    scene: () => scene('bumpy', 100, bumpyRuns, { start: [0.5, 0.6] }),
  },
  {
    id: 'risk',
    topic: 'landscape',
    title: { en: 'Risk', ko: '위험(risk)' },
    description: {
      en: 'The risk f = x·cos(πx) (in x and in y) stands for the loss over all the data there could ever be. From (0.45, 0.5) gradient descent and momentum both reach its minimum at (1.09, 1.09); open "Empirical risk" next, which adds the wiggles of a finite training set.',
      ko: '위험 f = x·cos(πx)(x와 y 모두)는 있을 수 있는 모든 데이터에 대한 손실을 뜻합니다. (0.45, 0.5)에서 경사하강법과 모멘텀 모두 (1.09, 1.09)의 최솟값에 닿습니다. 다음으로 유한한 훈련 데이터의 잔물결을 더한 "경험적 위험"을 열어 보세요.',
    },
    scene: () => scene('bumpy', 150, riskRuns, { start: [0.45, 0.5] }),
  },
  {
    id: 'empirical-risk',
    topic: 'landscape',
    title: { en: 'Empirical risk', ko: '경험적 위험' },
    description: {
      en: 'The empirical risk g = f + 0.2·cos(5πx) is the loss on a finite training set: the same shape with ripples. From the same start as "Risk", gradient descent is caught in a ripple at (0.65, 0.65); momentum rolls over the ripples to g\'s minimum at (1.02, 1.02), which is still not the risk\'s minimum at (1.09, 1.09).',
      ko: '경험적 위험 g = f + 0.2·cos(5πx)는 유한한 훈련 데이터에서의 손실로, 같은 모양에 잔물결이 더해졌습니다. "위험"과 같은 출발점에서 경사하강법은 (0.65, 0.65)의 잔물결에 걸리고, 모멘텀은 잔물결을 넘어 g의 최솟값 (1.02, 1.02)에 닿지만, 그곳도 위험의 최솟값 (1.09, 1.09)은 아닙니다.',
    },
    scene: () => scene('bumpy', 150, riskRuns, { start: [0.45, 0.5], ripple: 0.2 }),
  },
  {
    id: 'saddle',
    topic: 'landscape',
    title: { en: 'A saddle point', ko: '안장점' },
    description: {
      en: 'At the origin of x² − y² the gradient is zero, but the Hessian\'s eigenvalues are 2 and −2: a minimum along x and a maximum along y, so a saddle (point at its ✕ marker on the plot to read them). Started just off the ridge, GD, momentum and Adam slowly slide off down the y direction, while Newton\'s method, which jumps to where its quadratic model is flat, lands exactly on the saddle in one step.',
      ko: 'x² − y²의 원점에서 기울기는 0이지만 헤시안 고윳값은 2와 −2입니다. x 방향으로는 최소, y 방향으로는 최대인 안장점입니다(그림의 ✕ 표식을 가리키면 고윳값이 나옵니다). 능선에서 살짝 벗어나 출발한 GD, 모멘텀, Adam은 y 방향 내리막으로 천천히 미끄러져 내려가지만, 이차 모델이 평평한 곳으로 뛰는 뉴턴 방법은 한 걸음에 정확히 안장점에 내려앉습니다.',
    },
    scene: () => scene('saddle', 40, [
      ['gd', lr(0.1)], ['momentum', lr(0.05, { optimizer: { beta: 0.9 } })], ['adam', lr(0.05)], ['newton', lr(1)],
    ], { start: [-0.9, 0.01] }),
  },
  {
    id: 'plateau',
    topic: 'landscape',
    title: { en: 'Escaping a plateau', ko: '플래토 벗어나기' },
    description: {
      en: 'Far from the origin the slope of tanh(x² + y²) all but vanishes, like tanh′(4) ≈ 0.0013 in the notes: at (2, 1.5) the gradient is about 10⁻⁴. GD\'s steps are η times that, so after 300 steps its f still reads 0.99999; RMSProp and Adam divide by the gradient\'s recent size, take full-size steps and walk off the plateau to the minimum.',
      ko: 'tanh(x² + y²)는 원점에서 멀어지면 기울기가 거의 사라집니다. 노트의 tanh′(4) ≈ 0.0013처럼, (2, 1.5)에서 기울기는 약 10⁻⁴입니다. GD의 보폭은 그 η배라 300걸음 뒤에도 f가 여전히 0.99999이고, RMSProp과 Adam은 기울기의 최근 크기로 나누어 제 크기의 보폭으로 플래토를 벗어나 최솟값으로 갑니다.',
    },
    scene: () => scene('plateau', 300, [['gd', lr(0.1)], ['rmsprop', lr(0.01)], ['adam', lr(0.1)]], { start: [2, 1.5] }),
  },
];

export const presets: readonly Preset[] = [
  ...learningRatePresets, ...momentumPresets, ...batchPresets, ...gradientPresets, ...landscapePresets,
];

/** The preset with this id, if any. */
export function findPreset(id: string): Preset | undefined {
  return presets.find((preset) => preset.id === id);
}
