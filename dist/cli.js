#!/usr/bin/env node
import 'node:path';
import 'node:util';
export { V as VERSION, m as main, p as parseCommandLine, r as runCli } from './cli-cli.js';
import 'node:child_process';
import 'node:buffer';
import 'node:fs';
import 'node:os';
import 'node:crypto';
import 'node:perf_hooks';
import 'node:fs/promises';
import 'node:http';
import 'node:https';
import 'node:tls';
