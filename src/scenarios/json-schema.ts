/** The JSON Schema of scenario files, generated from the zod schema (editors validate with it). */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'neural-eras scenario' }, null, 2)}\n`;
}
