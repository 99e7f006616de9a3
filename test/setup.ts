// Every unit test can show Korean at once, as a page does once its chunk has loaded
// (src/i18n/index.ts loads it on demand in the browser).
import { registerCatalogue } from '../src/i18n';
import { ko } from '../src/i18n/ko';

registerCatalogue('ko', ko);

// The formula engine is a chunk of its own on the page (src/state/formulaEngine.ts), there from the start in tests.
import '../src/state/formulaEngineChunk';
