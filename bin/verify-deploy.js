#!/usr/bin/env node
// The executable only hands over to the CLI; everything else lives in src/ (built to dist/).
import { main } from '../dist/cli/main.js';

main(process.argv);
