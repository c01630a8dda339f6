// brain.js 1.6.1 (installed as the alias brain-v1): NeuralNetwork.train, CPU.
import { createRequire } from 'node:module';
import { versionOf } from './harness.mjs';
import { runBrain } from './brain-common.mjs';

const require = createRequire(import.meta.url);
await runBrain({ library: 'brain.js@1', version: versionOf('brain-v1'), brain: require('brain-v1') });
