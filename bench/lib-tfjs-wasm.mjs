// @tensorflow/tfjs 4.22.0 on @tensorflow/tfjs-backend-wasm 4.22.0 (SIMD; Node gets the
// single-threaded build).
import { runTfjs } from './tfjs-common.mjs';

await runTfjs({ library: 'tfjs-wasm', backend: 'wasm' });
