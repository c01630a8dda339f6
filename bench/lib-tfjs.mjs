// @tensorflow/tfjs 4.22.0 on its pure-JavaScript 'cpu' backend.
import { runTfjs } from './tfjs-common.mjs';

await runTfjs({ library: 'tfjs-cpu', backend: 'cpu' });
