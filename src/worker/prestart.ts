/**
 * Imported first by main.tsx, so the worker starts loading before React, d3
 * and the app are evaluated (see prestartWorker). Only a head start: the
 * worker client takes this worker when the page creates it.
 */
import { prestartWorker } from './client';

prestartWorker();
