#!/usr/bin/env node
// The credit-workbench command: loads tsx's TypeScript loader, then runs cli/main.ts found beside this file, so it
// works from any working directory (npx, npm link, a global install) without a build step.

import { register } from 'tsx/esm/api';

register();
const { runCli } = await import(new URL('../cli/main.ts', import.meta.url).href);
const { runProcess } = await import(new URL('../cli/node-io.ts', import.meta.url).href);
await runProcess(runCli);
