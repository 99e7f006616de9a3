/**
 * The opening view's note, and three presets opened the way a learner does
 * (Presets, then a card), and what each should show: the plateau that stalls
 * GD while Adam escapes, the five learning rates of which two diverge, and
 * Saito's zig-zagging SGD. Each preset's explanation is on the page, in the
 * page's language.
 */
import type { Page } from '@playwright/test';
import { findPreset } from '../../../src/state/presets';
import { expect, test, exportJson, openApp, runsSettled, showWholePaths, type ExportedRun } from '../visualizer/helpers';

/** Open the gallery from the header and choose a preset's card. */
async function choosePreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('presets').click();
  const gallery = page.getByTestId('preset-gallery');
  await expect(gallery).toBeVisible();
  await gallery.getByTestId(`preset-card-${id}`).getByRole('button').click();
  await expect(gallery).toHaveCount(0);
  await runsSettled(page);
}

/** The preset's note above the plot shows its title and explanation in `lang`. */
async function expectNote(page: Page, id: string, lang: 'en' | 'ko'): Promise<void> {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset '${id}'`);
  const note = page.getByTestId('preset-note');
  await expect(note).toBeVisible();
  await expect(note.locator('h2')).toContainText(preset.title[lang]);
  await expect(note.locator('p').first()).toHaveText(preset.description[lang]);
}

/** The exported run whose simulated optimizer is `optimizer`. */
function runOf(runs: ExportedRun[], optimizer: string): ExportedRun {
  const found = runs.filter((r) => (r.config as { optimizer: { id: string } }).optimizer.id === optimizer);
  expect(found, `exactly one ${optimizer} run`).toHaveLength(1);
  return found[0];
}

const startF = (run: ExportedRun) => run.points[0][2];
const finalF = (run: ExportedRun) => run.points[run.points.length - 1][2];

test('the plateau preset: GD stays on the plateau while Adam walks off it to the minimum', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'plateau');
  await expectNote(page, 'plateau', 'en');
  await showWholePaths(page);
  await runsSettled(page);

  const data = await exportJson(page);
  expect(data.runs).toHaveLength(3);
  for (const run of data.runs) expect(run.steps, `${run.label} ran its 300 steps`).toBe(300);
  const gd = runOf(data.runs, 'gd');
  const adam = runOf(data.runs, 'adam');
  expect(startF(gd)).toBeGreaterThan(0.99);
  expect(Math.abs(finalF(gd) - startF(gd)), "GD's f barely moves").toBeLessThan(1e-3);
  expect(finalF(adam), "Adam's final f").toBeLessThan(1e-3);
  expect(startF(adam)).toBe(startF(gd));
});

test('the learning-rate preset: η = 10 and 1.1 diverge, the other three do not', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'learning-rate');
  await expectNote(page, 'learning-rate', 'en');

  const data = await exportJson(page);
  const rates = data.runs.map((r) => (r.config as { optimizer: { learningRate: number } }).optimizer.learningRate);
  expect(rates).toEqual([10, 1.1, 1, 0.1, 0.01]);
  const expected = ['diverged', 'diverged', 'ok', 'ok', 'ok'];
  for (const [i, rate] of rates.entries()) {
    const status = page.getByTestId(`run-${i}-status`);
    if (expected[i] === 'diverged') {
      await expect(status, `η = ${rate}`).toHaveAttribute('data-status', 'diverged');
      expect(data.runs[i].status).toBe('diverged');
    } else {
      await expect(status, `η = ${rate}`).not.toHaveAttribute('data-status', /diverged|singular/);
      expect(data.runs[i].status).not.toBe('diverged');
      expect(data.runs[i].steps, `η = ${rate} ran its 100 steps`).toBe(100);
    }
  }
});

test("the saito preset: four runs take their 30 steps, and SGD's path zig-zags across the valley", async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'saito');
  await expectNote(page, 'saito', 'en');
  await showWholePaths(page);

  const data = await exportJson(page);
  expect(data.runs.map((r) => (r.config as { optimizer: { id: string } }).optimizer.id)).toEqual(['gd', 'momentum', 'adagrad', 'adam']);
  for (const run of data.runs) {
    expect(run.steps, `${run.label} ran its 30 steps`).toBe(30);
    expect(run.points[0].slice(0, 2)).toEqual([-7, 2]);
  }
  const sgd = runOf(data.runs, 'gd');
  let signChanges = 0;
  for (let k = 1; k < sgd.points.length; k++) if (Math.sign(sgd.points[k][1]) * Math.sign(sgd.points[k - 1][1]) < 0) signChanges++;
  expect(signChanges, "SGD's y changes sign").toBeGreaterThanOrEqual(10);
});

test('the bare page explains what it shows and what to try, in either language, until closed', async ({ page }) => {
  await page.goto('./');
  const note = page.getByTestId('opening-note');
  // Part of the first render: there before the plot's first picture, so the settings never move under it.
  await expect(note).toBeVisible();
  await expect(note).toContainText('Four optimizers on a long bowl');
  await expect(note).toContainText('open Presets');
  await runsSettled(page);
  await page.getByTestId('lang-ko').click();
  await expect(note).toContainText('길쭉한 그릇 위의 네 옵티마이저');
  await page.getByTestId('opening-note-close').click();
  await expect(note).toHaveCount(0);
  // A preset's note takes its place; closing that one does not bring it back.
  await page.getByTestId('lang-en').click();
  await choosePreset(page, 'saddle');
  await page.getByTestId('preset-note-close').click();
  await expect(page.getByTestId('preset-note')).toHaveCount(0);
  await expect(note).toHaveCount(0);
});

test('a link to a scene shows no opening note', async ({ page }) => {
  await page.goto('./');
  await runsSettled(page);
  await page.getByTestId('steps').fill('17');
  await page.getByTestId('steps').press('Enter');
  await expect(page).toHaveURL(/#v=/);
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await runsSettled(other);
  await expect(other.getByTestId('contour-plot')).toBeVisible();
  await expect(other.getByTestId('opening-note')).toHaveCount(0);
});

test("a preset chosen in Korean explains itself in Korean", async ({ page }) => {
  await page.goto('./?lang=ko');
  await runsSettled(page);
  await choosePreset(page, 'plateau');
  await expectNote(page, 'plateau', 'ko');
  await expect(page.getByTestId('preset-note')).toContainText('이 장면에 대해');
  // Switching language re-words the note in place.
  await page.getByTestId('lang-en').click();
  await expectNote(page, 'plateau', 'en');
});

test('the note says when the view has changed since the preset, offers it back, and goes with another surface', async ({ page }) => {
  await openApp(page);
  await choosePreset(page, 'saddle');
  await expectNote(page, 'saddle', 'en');
  const changed = page.getByTestId('preset-note-changed');
  // Laid out but hidden, so its appearing moves nothing.
  await expect(changed).toBeHidden();
  // Zooming in to look closer is still the preset's view.
  await page.getByRole('button', { name: 'Zoom in' }).first().click();
  await expect(changed).toBeHidden();
  // A setting changed: the note stays, and says it describes the preset as it was.
  await page.getByTestId('steps').fill('17');
  await page.getByTestId('steps').press('Enter');
  await expect(changed).toBeVisible();
  await changed.getByRole('button', { name: 'Back to the preset' }).click();
  await runsSettled(page);
  await expect(changed).toBeHidden();
  await expectNote(page, 'saddle', 'en');
  // Another surface: the note was about x² − y², so it goes.
  await page.getByTestId('surface').selectOption('rastrigin');
  await expect(page.getByTestId('preset-note')).toHaveCount(0);
});
