// brain.js 2.0.0-beta.24 (installed as the alias brain-v2): NeuralNetwork.train, CPU path.
// Its peer gpu.js pulls the optional native `gl`, which may fail to build; the CPU
// NeuralNetwork never touches it.
import { createRequire } from 'node:module';
import { versionOf } from './harness.mjs';
import { runBrain } from './brain-common.mjs';

const require = createRequire(import.meta.url);
await runBrain({ library: 'brain.js@2', version: versionOf('brain-v2'), brain: require('brain-v2') });
