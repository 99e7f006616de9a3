/**
 * How long a control change takes to reach the screen, as User Timing
 * entries a benchmark can read (`performance.getEntriesByName`):
 * - `optiscope:input-to-paint`  input event → the canvas painted the finished new runs
 * - `optiscope:input-to-frame`  input event → the animation frame after that paint
 * - `optiscope:first-paths`     mark: the first paint that showed every run finished
 * - `optiscope:first-contours`  mark: the first contour bands committed to the page
 * - `optiscope:grid`            mark: a contour grid arrived from the worker
 * Only the latest input counts: a newer one replaces a pending measurement.
 */
let firstPaths = false;
/** Paths were painted with points, finished or still streaming. */
let pathsShown = false;
let firstContours = false;
const firstPictureListeners = new Set<() => void>();

/**
 * Whether the first picture has been drawn: contours, and paths either
 * finished or streaming in (a long run must not hold back what waits for the
 * picture until it ends).
 */
export function firstPictureDrawn(): boolean {
  return (firstPaths || pathsShown) && firstContours;
}

/**
 * Call `listener` once, when the first picture has been drawn (at once if it
 * has). Parts of the page below the plot wait for it, so opening a link spends
 * the main thread on what the reader looks at first. Returns a cancel function.
 */
export function onFirstPicture(listener: () => void): () => void {
  if (firstPictureDrawn()) {
    listener();
    return () => {};
  }
  firstPictureListeners.add(listener);
  return () => firstPictureListeners.delete(listener);
}

function checkFirstPicture(): void {
  if (!firstPictureDrawn()) return;
  const listeners = [...firstPictureListeners];
  firstPictureListeners.clear();
  for (const listener of listeners) listener();
}

/** Mark once, the first time contour bands are on the page. */
export function noteContours(): void {
  if (firstContours) return;
  firstContours = true;
  performance.mark('optiscope:first-contours');
  checkFirstPicture();
}

export function noteGrid(): void {
  // Only the latest is kept: a long zoom session must not fill the performance timeline.
  performance.clearMarks('optiscope:grid');
  performance.mark('optiscope:grid');
}

let pendingInput: number | null = null;
let measured = 0;

/** Call from a control's input handler, before the store changes. */
export function markInput(): void {
  pendingInput = performance.now();
}

/**
 * Call after a paint of the paths; measures when the painted data was
 * complete. `showsPoints`: the paint drew at least one run's points.
 */
export function notePaint(complete: boolean, showsPoints = false): void {
  if (complete && !firstPaths) {
    firstPaths = true;
    performance.mark('optiscope:first-paths');
    checkFirstPicture();
  } else if (showsPoints && !pathsShown) {
    pathsShown = true;
    checkFirstPicture();
  }
  if (pendingInput === null || !complete) return;
  const start = pendingInput;
  pendingInput = null;
  // Bounded: an afternoon of slider play must not fill the performance timeline.
  if (++measured % 1000 === 0) {
    performance.clearMeasures('optiscope:input-to-paint');
    performance.clearMeasures('optiscope:input-to-frame');
  }
  performance.measure('optiscope:input-to-paint', { start, end: performance.now() });
  requestAnimationFrame(() => performance.measure('optiscope:input-to-frame', { start, end: performance.now() }));
}
