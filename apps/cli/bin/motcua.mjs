#!/usr/bin/env node
// The `motcua` command. TypeScript sources run through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/main.ts');
const code = await run(process.argv);
// A command may already have set a failure code (some lines failed) without throwing.
process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
