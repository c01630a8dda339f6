// The API from a Node script: the perceptron and a back-propagation net on XOR, same data and seed.
// Prints the numbers `neural-eras run perceptron-xor -m perceptron -m mlp-backprop -s 1 --json` has.
import { loadScenario, runScenario } from 'neural-eras';

const scenario = loadScenario('perceptron-xor');
let epochs = 0;
const report = runScenario(scenario, { seed: 1, models: ['perceptron', 'mlp-backprop'], onEpoch: () => epochs++ });
for (const run of report.runs) {
  console.log(`${run.id}: ${run.outcome} after ${run.epochs} epochs, loss ${run.metrics.loss}, accuracy ${run.metrics.accuracy}`);
  for (const c of run.claims) console.log(`  ${c.holds ? 'holds' : 'fails'}: ${c.metric} ${c.relation} ${c.bound} (actual ${c.actual})`);
}
console.log(`${epochs} epochs trained; share ${report.share}`);
