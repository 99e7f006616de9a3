/**
 * The replay's row as it looks: its buttons, speed, timeline and step count.
 * PlaybackBar gives it the store's state and actions; without actions it is
 * the row's stand-in (PlotControls), the same elements hidden and inert, so
 * it wraps exactly as the real row will with whatever fonts the machine has.
 */
import { useT } from '../i18n';
import { effectiveSpeed, type Playback } from '../state/playbackSlice';

const speeds = [5, 20, 60, 200, 1000, 5000];

export interface PlaybackActions {
  play(): void;
  pause(): void;
  stepForward(): void;
  stepBack(): void;
  resetPlayback(): void;
  setSpeed(speed: number): void;
  setAutoSpeed(): void;
  showAll(): void;
  setStep(step: number): void;
}

export interface PlaybackRowProps {
  playing: boolean;
  showAll: boolean;
  autoSpeed: boolean;
  speed: number;
  /** Steps a second the automatic speed stands for. */
  autoRate: number;
  steps: number;
  current: number;
  /** Absent: the row's hidden stand-in until the live one comes. */
  actions?: PlaybackActions;
}

/** The row's state from the store's replay and step budget. */
export function rowState(playback: Playback, steps: number): Omit<PlaybackRowProps, 'actions'> {
  return {
    playing: playback.playing,
    showAll: playback.showAll,
    autoSpeed: playback.autoSpeed,
    speed: playback.speed,
    autoRate: effectiveSpeed({ ...playback, autoSpeed: true }, steps),
    steps,
    current: playback.showAll ? steps : playback.step,
  };
}

const noop = () => {};
const inertActions: PlaybackActions = {
  play: noop, pause: noop, stepForward: noop, stepBack: noop, resetPlayback: noop,
  setSpeed: noop, setAutoSpeed: noop, showAll: noop, setStep: noop,
};

export function PlaybackRow({ playing, showAll, autoSpeed, speed, autoRate, steps, current, actions }: PlaybackRowProps) {
  const t = useT();
  const live = actions !== undefined;
  const act = actions ?? inertActions;
  const frame = live
    ? { className: 'playback', role: 'group', 'aria-label': t('playback.group') }
    : { className: 'playback playback-placeholder', 'aria-hidden': true, inert: true };
  return (
    <div {...frame}>
      <button type="button" onClick={act.resetPlayback} title={t('playback.resetTitle')}>↺ {t('playback.reset')}</button>
      <button type="button" onClick={act.stepBack} title={t('playback.backTitle')}>‹ {t('playback.back')}</button>
      {playing ? (
        <button type="button" className="primary" onClick={act.pause} title={t('playback.pauseTitle')} data-testid={live ? 'pause' : undefined}>❚❚ {t('playback.pause')}</button>
      ) : (
        <button type="button" className="primary" onClick={act.play} title={t('playback.playTitle')} data-testid={live ? 'play' : undefined}>▶ {t('playback.play')}</button>
      )}
      <button type="button" onClick={act.stepForward} title={t('playback.stepTitle')} data-testid={live ? 'step' : undefined}>{t('playback.step')} ›</button>
      <button type="button" onClick={act.showAll} aria-pressed={showAll} data-testid={live ? 'show-all' : undefined}>{t('playback.showAll')}</button>
      <label className="field speed">
        {t('playback.speed')}
        <select
          value={autoSpeed ? 'auto' : speed}
          onChange={(e) => (e.target.value === 'auto' ? act.setAutoSpeed() : act.setSpeed(Number(e.target.value)))}
        >
          <option value="auto">{t('playback.auto', { rate: autoRate })}</option>
          {!autoSpeed && !speeds.includes(speed) && <option value={speed}>{t('playback.rate', { rate: speed })}</option>}
          {speeds.map((s) => (
            <option key={s} value={s}>{t('playback.rate', { rate: s })}</option>
          ))}
        </select>
      </label>
      <input
        className="timeline"
        type="range"
        min={0}
        max={steps}
        step={1}
        value={current}
        aria-label={t('playback.timeline')}
        aria-valuetext={t('playback.timelineValue', { step: current, steps })}
        onChange={(e) => act.setStep(Number(e.target.value))}
      />
      {/* As wide as its widest text, the last step's (drawn hidden by CSS from data-widest), so
          the row does not move or rewrap as the count gets more digits during the replay. */}
      <output className="step-count" data-testid={live ? 'step-count' : undefined} data-widest={t('playback.count', { step: steps, steps })}>
        <span>{t('playback.count', { step: current, steps })}</span>
      </output>
    </div>
  );
}
