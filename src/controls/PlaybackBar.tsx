/** Play, pause, single step, reset, speed, "show all", and a timeline to scrub. */
import { memo } from 'react';
import { appStore, useAppStore } from '../state/store';
import { effectiveSpeed } from '../state/playbackSlice';
import { useT } from '../i18n';

const speeds = [5, 20, 60, 200, 1000, 5000];

/** Memoised: it reads the store itself, so the plot column's re-renders (every zoom step) pass it by. */
export const PlaybackBar = memo(function PlaybackBar() {
  const playback = useAppStore((s) => s.playback);
  const steps = useAppStore((s) => s.scene.steps);
  const { play, pause, stepForward, stepBack, resetPlayback, setSpeed, setAutoSpeed, showAll, setStep } = appStore.getState();
  const auto = effectiveSpeed({ ...playback, autoSpeed: true }, steps);
  const current = playback.showAll ? steps : playback.step;
  const t = useT();
  return (
    <div className="playback" role="group" aria-label={t('playback.group')}>
      <button type="button" onClick={resetPlayback} title={t('playback.resetTitle')}>↺ {t('playback.reset')}</button>
      <button type="button" onClick={stepBack} title={t('playback.backTitle')}>‹ {t('playback.back')}</button>
      {playback.playing ? (
        <button type="button" className="primary" onClick={pause} title={t('playback.pauseTitle')} data-testid="pause">❚❚ {t('playback.pause')}</button>
      ) : (
        <button type="button" className="primary" onClick={play} title={t('playback.playTitle')} data-testid="play">▶ {t('playback.play')}</button>
      )}
      <button type="button" onClick={stepForward} title={t('playback.stepTitle')} data-testid="step">{t('playback.step')} ›</button>
      <button type="button" onClick={showAll} aria-pressed={playback.showAll} data-testid="show-all">{t('playback.showAll')}</button>
      <label className="field speed">
        {t('playback.speed')}
        <select
          value={playback.autoSpeed ? 'auto' : playback.speed}
          onChange={(e) => (e.target.value === 'auto' ? setAutoSpeed() : setSpeed(Number(e.target.value)))}
        >
          <option value="auto">{t('playback.auto', { rate: auto })}</option>
          {!playback.autoSpeed && !speeds.includes(playback.speed) && <option value={playback.speed}>{t('playback.rate', { rate: playback.speed })}</option>}
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
        onChange={(e) => setStep(Number(e.target.value))}
      />
      <output className="step-count" data-testid="step-count">
        {t('playback.count', { step: current, steps })}
      </output>
    </div>
  );
});
