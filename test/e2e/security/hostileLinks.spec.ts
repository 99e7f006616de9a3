/**
 * Hostile links against the production build and its CSP. Each link is
 * opened fresh in one shared page (a full load, as when someone clicks it);
 * then: no dialog, no script ran, no CSP violation, no console or page
 * error, the notice lists what was changed (and only appears when something
 * was), labels are literal text, no NaN/Infinity/undefined on screen, and
 * the plot still draws.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  expectNoBrokenNumbers, expectNothingRan, installGuards, noticeTexts, paintedPixels, trajectoryPrints, type Guards,
} from './pageGuards';

interface HostileLink {
  name: string;
  hash: string;
  /** Each must match one notice; [] means the page shows no notice at all. */
  notices: RegExp[] | 'any';
  /** Runs on the plot after decoding. */
  runs?: number;
  /** The first run's label, exactly as it must read on screen. */
  label?: string;
}

const img = '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E';
const longLabel = 'A'.repeat(100_000);

const links: HostileLink[] = [
  { name: 'an <img onerror> in a label', hash: `run=gd(lr=0.1,label=${img})`, notices: [], runs: 1, label: '<img src=x onerror=alert(1)>' },
  {
    name: 'a <script> in a label', hash: `run=adam(label=${encodeURIComponent('<script>window.__pwned=1</script>')})`,
    notices: [], runs: 1, label: '<script>window.__pwned=1</script>',
  },
  { name: 'a javascript: URL as a label', hash: 'run=gd(label=javascript%3Aalert(document.domain))', notices: [], label: 'javascript:alert(document.domain)' },
  {
    name: 'an attribute break-out in a label', hash: `run=gd(label=${encodeURIComponent('"><svg onload=window.__pwned=1>')})`,
    notices: [], label: '"><svg onload=window.__pwned=1>',
  },
  { name: 'HTML entities in a label', hash: 'run=gd(label=%26lt%3Bb%26gt%3Bbold%26amp%3B)', notices: [], label: '&lt;b&gt;bold&amp;' },
  {
    name: 'a style-sheet break-out in a label', hash: `run=gd(label=${encodeURIComponent('</style><style>*{display:none}</style>')})`,
    notices: [], label: '</style><style>*{display:none}</style>',
  },
  // Removing invisible characters may or may not be announced; either is fine here.
  { name: 'bidi overrides and control characters in a label', hash: 'run=gd(label=a%E2%80%AEb%00c%0Ad%1B)', notices: 'any', label: 'abcd' },
  { name: 'a 100 KB label', hash: `run=gd(label=${longLabel})`, notices: [/too long; only its first 8000/, /Missing '\)'/], label: 'A'.repeat(40) },
  { name: 'a template-injection label', hash: 'run=gd(label=%7B%7Bthis.constructor.constructor(%22x%22)()%7D%7D)', notices: [], label: '{{this.constructor.constructor("x")()}}' },
  { name: 'a javascript: surface', hash: 's=javascript:alert(1)', notices: [/Ignored unknown surface 'javascript:alert\(1\)'/] },
  { name: 'a javascript: optimizer', hash: 'run=javascript:alert(1)&run=gd', notices: [/Ignored unknown optimizer 'javascript:alert/], runs: 1 },
  { name: 'a markup surface name', hash: `s=${img}`, notices: [/Ignored unknown surface '<img src=x onerror=alert…'/] },
  { name: 'an unknown surface', hash: 's=moon&run=adam', notices: [/Ignored unknown surface 'moon'; showing the ellipse/], runs: 1 },
  { name: 'a look-alike surface (Cyrillic e)', hash: 's=%D0%B5llipse', notices: [/Ignored unknown surface 'еllipse'/] },
  { name: 'an unknown optimizer', hash: 'run=lion(lr=1)&run=adam', notices: [/Ignored unknown optimizer 'lion'/], runs: 1 },
  { name: 'a billion steps', hash: 'n=1e9&run=gd', notices: [/Steps 1000000000 is out of range; used 100000/], runs: 1 },
  { name: 'negative steps', hash: 'n=-5', notices: [/Steps -5 is out of range; used 1\./] },
  { name: 'NaN steps', hash: 'n=NaN', notices: [/Steps 'NaN' is not a number/] },
  {
    name: '300 runs', hash: Array.from({ length: 300 }, (_, i) => `run=gd(lr=0.0${(i % 9) + 1})`).join('&'),
    notices: [/Kept the first 12 runs; dropped 288/], runs: 12,
  },
  { name: 'a NaN learning rate', hash: 'run=adam(lr=NaN)', notices: [/Run 1: Learning rate 'NaN' is not a number/], runs: 1 },
  { name: 'a 1e999 learning rate', hash: 's=rosenbrock&run=gd(lr=1e999)', notices: [/Learning rate Infinity is out of range; used 1000/], runs: 1 },
  { name: 'a -Infinity learning rate', hash: 'run=momentum(lr=-Infinity)', notices: [/Learning rate -Infinity is out of range; used 0.00001/] },
  { name: 'out-of-range betas and ε', hash: 'run=adam(b1=2,b2=-1,eps=0)', notices: [/β1 2 is out of range/, /β2 -1 is out of range/, /ε 0 is out of range/] },
  { name: 'a NaN start', hash: 'start=NaN,NaN', notices: [/Start 'NaN' is not a number/] },
  {
    name: 'an infinite start in an infinite view', hash: 'start=1e999,-1e999&view=-1e999,1e999,-1e999,1e999&run=gd',
    notices: [/Start x Infinity is out of range; used 1000000/, /View edge -Infinity is out of range; used -1000000/],
  },
  { name: 'a NaN view', hash: 'view=NaN,1,2,3', notices: [/View 'NaN' is not a number/] },
  { name: 'an astronomical view', hash: 'view=-1e308,1e308,-1e999,1e999', notices: [/View edge -1e\+308 is out of range/] },
  { name: 'an inverted view', hash: 'view=5,1,0,1', notices: [/Ignored an empty view/] },
  { name: 'garbage schedules', hash: 'run=gd(sched=step:NaN:0)&run=adam(sched=exp:1e999,warm=-3)', notices: [/Decay γ 'NaN' is not a number/, /Decay γ Infinity is out of range/], runs: 2 },
  { name: 'broken difference steps', hash: 'run=gd(grad=central:0)&run=gd(grad=forward:NaN)', notices: [/Difference step h 0 is out of range/, /Difference step h 'NaN'/], runs: 2 },
  { name: 'a batch size of a billion', hash: 's=linreg&run=gd(bs=1e9)', notices: [/Batch size 1000000000 is out of range/], runs: 1 },
  { name: 'a seed of -1e999', hash: 'seed=-1e999', notices: [/Seed -Infinity is out of range; used 0/] },
  { name: 'a NaN ripple', hash: 's=bumpy&r=NaN', notices: [/Ripple 'NaN' is not a number/] },
  { name: 'an infinite tolerance', hash: 'tol=Infinity&run=gd', notices: [/Tolerance Infinity is out of range; used 1\./] },
  { name: 'colours off the palette', hash: 'run=gd(c=99)&run=gd(c=-1)', notices: [/Colour 99 is out of range; used 11/, /Colour -1 is out of range; used 0/], runs: 2 },
  { name: 'broken percent-encoding', hash: 'run=gd(label=Hi%E0%A4%A%ZZ%)&s=%', notices: [/broken %-escapes/] },
  { name: 'double-encoded markup', hash: 'run=gd(label=%253Cscript%253Ealert(1)%253C%252Fscript%253E)', notices: [], label: '%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { name: 'a 100 KB hash of junk', hash: `s=bowl&${'junk=%3Cscript%3E&'.repeat(6_000)}`, notices: [/too long; only its first 8000/, /Ignored unknown setting 'junk'/] },
  {
    name: '__proto__ and constructor keys', hash: '__proto__=1&constructor=2&__proto__%5Bpolluted%5D=1&run=adam(__proto__=1,constructor=x,toString=3)',
    notices: [/Ignored unknown setting '__proto__'/, /Ignored unknown setting 'constructor'/], runs: 1,
  },
  { name: 'repeated keys', hash: 'n=10&n=20&s=bowl&s=saddle', notices: [/Ignored a repeated 'n'/, /Ignored a repeated 's'/] },
  { name: 'a version from the future', hash: 'v=999&s=saddle', notices: [/newer Optiscope/] },
  { name: 'binary garbage', hash: '%00%FF%FE%01&=&&==%C0%AF', notices: [/broken %-escapes/] },
  { name: 'a hash inside the hash', hash: 's=bowl#run=gd(label=x)', notices: [/Ignored unknown surface 'bowl#run=gd\(label=x\)'/] },
  { name: 'a climb to infinity (maximize, huge η)', hash: 's=saddle&max=1&n=100000&run=adam(lr=1000)&run=gd(lr=1000)', notices: [], runs: 2 },
  { name: 'Newton on a singular Hessian', hash: 's=plateau&run=newton&run=linesearch', notices: [], runs: 2 },
  // The user's own f(x, y): the expression is text, parsed (never evaluated as code) and shown as text.
  { name: 'an <img onerror> as the expression', hash: `s=custom&fx=${img}&run=gd`, notices: [/Ignored the expression '<img src=x onerror=alert…': unexpected character '<' \(column 1\)/], runs: 1 },
  {
    name: 'a <script> as the expression', hash: `s=custom&fx=${encodeURIComponent('<script>window.__pwned=1</script>')}`,
    notices: [/Ignored the expression '<script>window.__pwned=1…': unexpected character '<' \(column 1\)/],
  },
  { name: 'JavaScript as the expression', hash: 's=custom&fx=constructor.constructor(%22alert(1)%22)()', notices: [/Ignored the expression 'constructor.constructor\(/] },
  { name: 'a 100 KB expression', hash: `s=custom&fx=${'x+'.repeat(50_000)}x`, notices: [/too long; only its first 8000/, /the expression is longer than 500 characters/] },
  { name: 'an expression nested 5,000 deep', hash: `s=custom&fx=${'('.repeat(5000)}x${')'.repeat(5000)}`, notices: [/longer than 500 characters|nested too deeply/] },
  { name: 'sin( nested 70 deep', hash: `s=custom&fx=${'sin('.repeat(70)}x${')'.repeat(70)}`, notices: [/nested too deeply \(more than 64 levels\)/] },
  { name: 'a bidi override in the expression', hash: 's=custom&fx=x%E2%80%AE%2By', notices: [/unexpected character 'U\+202E' \(column 2\)/] },
  { name: 'an expression finite nowhere', hash: 's=custom&fx=log(-1-x%5E2)', notices: [/f has no finite value anywhere in the view/] },
  { name: 'an infinite box', hash: 's=custom&fx=x&box=-1e999,1e999,NaN,1', notices: [/Box 'NaN' is not a number/] },
  { name: 'fx on a built-in surface', hash: 's=bowl&fx=x&box=0,1,0,1', notices: [/Ignored 'fx': only s=custom has it/, /Ignored 'box': only s=custom has it/] },
  { name: 'runs leaving the domain of log', hash: 's=custom&fx=log(x)%2By%5E2&box=-1,3,-1,1&start=0.5,0.5&run=gd(lr=100)&run=newton', notices: [], runs: 2 },
];

let page: Page;
let guards: Guards;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  guards = await installGuards(page);
});

test.afterAll(async () => {
  await page.close();
});

test('has at least thirty kinds of hostile link', () => {
  expect(links.length).toBeGreaterThanOrEqual(30);
  expect(new Set(links.map((l) => l.name)).size).toBe(links.length);
});

test('sees a blocked inline handler, so a clean report means something', async () => {
  await page.goto('./');
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  // What an innerHTML bug would do with a label: the CSP blocks the handler and reports it.
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<img src="data:," onerror="window.__pwned = 1">';
    document.body.append(div);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.goto('about:blank');
});

/**
 * Every fourth link is opened with a full page load (about:blank first, so the
 * app boots from the link); the rest by changing the hash of the open page, the
 * way a second link pasted into the same tab arrives. Both paths decode the same way.
 */
async function open(link: HostileLink, fullLoad: boolean): Promise<void> {
  if (fullLoad) {
    await page.goto('about:blank');
    await page.goto(`./#${link.hash}`);
  } else {
    await page.evaluate((hash) => {
      (window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0;
      // Resolve once the app's own hashchange listener (registered earlier, so run first) has loaded the scene.
      return new Promise<void>((resolve) => {
        window.addEventListener('hashchange', () => requestAnimationFrame(() => resolve()), { once: true });
        window.location.hash = hash;
      });
    }, link.hash);
  }
  await expect(page.getByTestId('contour-plot')).toBeVisible();
  const quick = { intervals: [50, 100, 200] };
  await expect.poll(async () => Number(await page.getByTestId('contour-bands').getAttribute('data-bands')), { ...quick, message: 'contour bands' }).toBeGreaterThan(2);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __optiscope: { trajectories: { complete(): boolean } } })
    .__optiscope.trajectories.complete()), { ...quick, message: 'every run computed', timeout: 20_000 }).toBe(true);
  await expect(page.locator('[data-testid$="-status"][data-status="running"]')).toHaveCount(0);
  // The settings column (run cards and their status) is built a frame after the first picture.
  await expect(page.locator('aside.controls')).toHaveAttribute('aria-busy', 'false');
}

links.forEach((link, i) => {
  test(`survives ${link.name}`, async () => {
    guards.clear();
    // The first link always boots the page; a failed test gets a fresh worker (and page), so boot again.
    await open(link, i % 4 === 0 || page.url() === 'about:blank');

    await expectNothingRan(page, guards);

    const notices = await noticeTexts(page);
    if (link.notices.length === 0) expect(notices, 'no notice for a link with nothing to correct').toEqual([]);
    for (const pattern of link.notices === 'any' ? [] : link.notices) expect(notices.some((n) => pattern.test(n)), `a notice matching ${pattern} among ${JSON.stringify(notices)}`).toBe(true);

    const runCount = await page.locator('[data-testid^="run-"][data-testid$="-status"]').count();
    if (link.runs !== undefined) expect(runCount).toBe(link.runs);
    if (link.label !== undefined) {
      // Literal text in the legend and in the card's label field: never parsed as markup.
      await expect(page.getByTestId('run-legend').locator('.legend-label').first()).toHaveText(link.label, { useInnerText: true });
      await expect(page.getByLabel('Label of run 1')).toHaveValue(link.label);
    }

    await expectNoBrokenNumbers(page);

    // The plot still draws: every run has at least its start point, and visible runs are painted.
    const prints = await trajectoryPrints(page);
    expect(prints).toHaveLength(runCount);
    for (const run of prints) expect(run.count, `points of ${run.key}`).toBeGreaterThan(0);
    if (runCount > 0) await expect.poll(() => paintedPixels(page), { intervals: [50, 100, 200], message: 'painted path pixels' }).toBeGreaterThan(0);
  });
});
