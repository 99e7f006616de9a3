/** Play, pause, single step, reset, speed, "show all", and a timeline to scrub. */
import { appStore, useAppStore } from '../state/store';
import { effectiveSpeed } from '../state/playbackSlice';

const speeds = [5, 20, 60, 200, 1000, 5000];

export function PlaybackBar() {
  const playback = useAppStore((s) => s.playback);
  const steps = useAppStore((s) => s.scene.steps);
  const { play, pause, stepForward, stepBack, resetPlayback, setSpeed, setAutoSpeed, showAll, setStep } = appStore.getState();
  const auto = effectiveSpeed({ ...playback, autoSpeed: true }, steps);
  const current = playback.showAll ? steps : playback.step;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button type="button" onClick={resetPlayback} title="Back to the start">↺ Reset</button>
      <button type="button" onClick={stepBack} title="One step back">‹ Back</button>
      {playback.playing ? (
        <button type="button" className="primary" onClick={pause} title="Pause (space)" data-testid="pause">❚❚ Pause</button>
      ) : (
        <button type="button" className="primary" onClick={play} title="Play (space)" data-testid="play">▶ Play</button>
      )}
      <button type="button" onClick={stepForward} title="One step (→)" data-testid="step">Step ›</button>
      <button type="button" onClick={showAll} aria-pressed={playback.showAll} data-testid="show-all">Show all</button>
      <label className="field speed">
        speed
        <select
          value={playback.autoSpeed ? 'auto' : playback.speed}
          onChange={(e) => (e.target.value === 'auto' ? setAutoSpeed() : setSpeed(Number(e.target.value)))}
        >
          <option value="auto">auto ({auto} steps/s)</option>
          {!playback.autoSpeed && !speeds.includes(playback.speed) && <option value={playback.speed}>{playback.speed}/s</option>}
          {speeds.map((s) => (
            <option key={s} value={s}>{s} steps/s</option>
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
        aria-label="Step shown"
        aria-valuetext={`step ${current} of ${steps}`}
        onChange={(e) => setStep(Number(e.target.value))}
      />
      <output className="step-count" data-testid="step-count">
        step {current} / {steps}
      </output>
    </div>
  );
}
