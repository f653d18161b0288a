import { e as exec } from './index-main.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:fs';
import 'node:os';
import 'node:path';
import 'node:buffer';
import './index-commonjs-helpers.js';
import 'node:child_process';
import 'node:crypto';
import 'node:module';
import 'node:fs/promises';

// A process's command, run as GitHub runs a `run:` step: `bash --noprofile --norc -eo pipefail -c
// <script>`. The script is the graph file's text, handed to bash as one argument; nothing is
// built from it. Through exec.ts, whose timeout kills the whole process group.
/** Output kept per process for its log group: the last this-many characters of lines. */
const DEFAULT_MAX_OUTPUT_CHARS = 8 * 1024 * 1024;
class BashProcessRunner {
    maxOutputChars;
    constructor(maxOutputChars = DEFAULT_MAX_OUTPUT_CHARS) {
        this.maxOutputChars = maxOutputChars;
    }
    async run(run) {
        const output = [];
        let chars = 0;
        let droppedLines = 0;
        let first = 0;
        const onLine = (line) => {
            output.push(line);
            chars += line.length + 1;
            // Drop from the front lazily: shifting a large array per line would be quadratic.
            while (chars > this.maxOutputChars && first < output.length - 1) {
                chars -= output[first].length + 1;
                first++;
                droppedLines++;
            }
            if (first > 4096) {
                output.splice(0, first);
                first = 0;
            }
            run.onLine?.(line);
        };
        const result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', run.script], {
            cwd: run.cwd,
            env: run.env,
            timeoutMs: run.timeoutSeconds * 1000,
            onStdoutLine: onLine,
            onStderrLine: onLine,
            // The lines above are the output; exec's own buffers need hold nothing much.
            maxBuffer: 64 * 1024
        });
        return {
            exitCode: result.code,
            signal: result.signal,
            timedOut: result.timedOut,
            output: first > 0 ? output.slice(first) : output,
            droppedLines
        };
    }
}

export { BashProcessRunner };
