/**
 * The lecture's assignments as commands, registered in one call from cli-main.ts: `problems`
 * (a problem sheet per student), `exercise` (a file with blanks) and `grade` (the grader).
 */
import type { Command } from 'commander';
import { exerciseCommand } from './exercise.js';
import { gradeCommand } from './grade.js';
import { problemsCommand } from './problems.js';
import type { Io } from './io.js';

export function registerAssignments(program: Command, io: Io, exit: (code: number) => void): void {
  program
    .command('problems')
    .description("a problem sheet (Markdown) from the lecture's worked examples, numbers varied per student")
    .option('--student <id>', "vary the numbers by this id (default: the lecture's numbers)")
    .option('--lang <code>', 'en or ko', 'en')
    .option('--answers', 'add the worked solutions (what the lab computes)')
    .action((opts) => exit(problemsCommand(opts, io)));

  program
    .command('exercise')
    .description('write an exercise file with numbered blanks: perceptron, delta, backprop, softmax, relu-dropout')
    .argument('<name>', 'the exercise')
    .option('--lang <code>', 'the language of its comments: en or ko', 'en')
    .option('--out <file>', 'where to write it (default: <name>.js; an existing file is never overwritten)')
    .action((name: string, opts) => exit(exerciseCommand(name, opts, io)));

  program
    .command('grade')
    .description('grade exercise files, each blank on its own, then train the result; each file in a worker with time and memory limits')
    .argument('<file...>', 'exercise files (a whole folder: submissions/*.js)')
    .option('--json', 'one JSON document on stdout')
    .option('--csv <file>', 'also write the scores per blank, one row per file')
    .option('--timeout <seconds>', 'time a file may take in all', '60')
    .option('--blank-timeout <seconds>', 'time one blank may take', '5')
    .option('--memory <mb>', 'heap a file may use', '256')
    .option('--no-digits', 'backprop: skip the run on the digits challenge (about 3 s a file)')
    .action(async (files: string[], opts) => exit(await gradeCommand(files, opts, io)));
}
