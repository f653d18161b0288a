import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, realpathSync, lstatSync, readlinkSync, statSync, existsSync, chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import * as os from 'node:os';
import { tmpdir, homedir } from 'node:os';
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { rm, lstat, realpath } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import * as tls from 'node:tls';

// The one process-spawning helper every adapter uses: an argument array (never a shell string),
// optional stdin, stdout to a pipe or a file, a chosen environment, live lines, a timeout that
// kills the whole process group (the command and every child it started).
/** Thrown when the command cannot be started at all (not found, not executable, bad cwd). */
class SpawnError extends Error {
    command;
    code;
    constructor(command, code, message) {
        super(message);
        this.command = command;
        this.code = code;
    }
}
class Tail {
    max;
    chunks = [];
    size = 0;
    constructor(max) {
        this.max = max;
    }
    push(b) {
        this.chunks.push(b);
        this.size += b.length;
        while (this.size > this.max && this.chunks.length > 1)
            this.size -= this.chunks.shift().length;
    }
    buffer() {
        const all = Buffer.concat(this.chunks);
        return all.length > this.max ? all.subarray(all.length - this.max) : all;
    }
}
function lineSplitter(onLine) {
    let pending = '';
    return {
        push(b) {
            pending += b.toString('utf8');
            let nl;
            while ((nl = pending.indexOf('\n')) !== -1) {
                onLine(pending.slice(0, nl).replace(/\r$/, ''));
                pending = pending.slice(nl + 1);
            }
        },
        end() {
            if (pending)
                onLine(pending);
            pending = '';
        }
    };
}
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // already gone
        }
    }
}
/**
 * Runs `command` with `args` and resolves when it has exited and its streams are closed. A non-zero
 * exit is a result, not an error; only a failure to start rejects (with a SpawnError).
 */
function exec(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = spawn(command, args, {
                cwd: options.cwd,
                env: options.env ?? process.env,
                stdio: [
                    options.input === undefined ? 'ignore' : 'pipe',
                    options.stdoutFd ?? 'pipe',
                    'pipe'
                ],
                // Its own process group, so that a timeout kills what it started too.
                detached: true
            });
        }
        catch (e) {
            reject(new SpawnError(command, e.code, e.message));
            return;
        }
        const max = options.maxBuffer ?? Number.MAX_SAFE_INTEGER;
        const out = new Tail(max);
        const err = new Tail(max);
        const outLines = options.onStdoutLine ? lineSplitter(options.onStdoutLine) : undefined;
        const errLines = options.onStderrLine ? lineSplitter(options.onStderrLine) : undefined;
        child.stdout?.on('data', (b) => {
            out.push(b);
            outLines?.push(b);
        });
        child.stderr.on('data', (b) => {
            err.push(b);
            errLines?.push(b);
        });
        let timedOut = false;
        let timer;
        let killTimer;
        if (options.timeoutMs !== undefined) {
            timer = setTimeout(() => {
                timedOut = true;
                killGroup(child.pid, 'SIGTERM');
                killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000);
                killTimer.unref();
            }, options.timeoutMs);
        }
        let failed = false;
        child.on('error', e => {
            failed = true;
            if (timer)
                clearTimeout(timer);
            reject(new SpawnError(command, e.code, `could not run ${command}: ${e.message}`));
        });
        child.on('close', (code, signal) => {
            if (failed)
                return;
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            // The command is done; anything it left running in its group goes with it.
            if (timedOut)
                killGroup(child.pid, 'SIGKILL');
            outLines?.end();
            errLines?.end();
            resolve({ code, signal, stdout: out.buffer(), stderr: err.buffer(), timedOut });
        });
        if (options.input !== undefined) {
            child.stdin.on('error', () => undefined); // a child that exits without reading stdin
            child.stdin.end(options.input);
        }
    });
}
/**
 * A long-lived child that answers requests written to its stdin (`git cat-file --batch`): the
 * same argument-array spawn, in its own process group. It holds this process open only while a
 * request waits for its answer, so an idle session never delays exit (it ends with its stdin).
 */
class Session {
    child;
    waiting = 0;
    failure;
    constructor(command, args, options, onStdout) {
        this.child = spawn(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true
        });
        const stderr = [];
        this.child.stdout.on('data', onStdout);
        this.child.stderr.on('data', (b) => stderr.push(b));
        this.child.stdin.on('error', () => undefined);
        this.child.on('error', e => {
            this.failure = new SpawnError(command, e.code, `could not run ${command}: ${e.message}`);
        });
        this.child.on('close', code => {
            this.failure ??= new Error(`${command} ${args.join(' ')} ended (${code}): ${Buffer.concat(stderr).toString('utf8').trim()}`);
            this.onEnd?.(this.failure);
        });
        this.idle();
    }
    /** Called once when the child is gone (an answer still awaited then will never come). */
    onEnd;
    get ended() {
        return this.failure;
    }
    /** Writes a request; the caller calls answered() once its answer has come. */
    write(data) {
        if (this.waiting++ === 0)
            this.busy();
        this.child.stdin.write(data);
    }
    answered() {
        if (--this.waiting === 0)
            this.idle();
    }
    /** Ends stdin: the child finishes and exits. */
    close() {
        this.child.stdin.end();
    }
    busy() {
        this.child.ref();
        this.child.stdout.ref?.();
        this.child.stderr.ref?.();
    }
    idle() {
        this.child.unref();
        this.child.stdout.unref?.();
        this.child.stderr.unref?.();
        this.child.stdin.unref?.();
    }
}

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

/** A mistake the user can fix (bad graph file, unknown revision, bad flag). Exit status 1, no stack. */
class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
function formatProblem(p) {
    const where = p.path ? ` ${p.path}:` : '';
    const level = p.severity === 'warning' ? ' warning:' : '';
    return `${p.file}:${p.line}:${p.col}${where}${level} ${p.message}`;
}
/** Problems in the order a reader meets them in the file. */
function sortProblems(problems) {
    return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
/** Every problem of a graph file at once, one line each. */
class GraphError extends UserError {
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
        this.name = 'GraphError';
    }
}
/** Suggestions are worked out for at most this many different unknown words per Suggestions. */
const MAX_SUGGESTED_WORDS = 100;
/** The farthest a suggestion may be from the word: a third of its length, at least 2. */
function suggestionLimit(word) {
    return Math.max(2, Math.floor(word.length / 3));
}
/** ` (did you mean 'x'?)` for the closest candidate within reach, or ''. First of equals wins. */
function didYouMean(word, candidates) {
    const best = closestWord(word, candidates);
    return best === undefined ? '' : ` (did you mean '${best}'?)`;
}
/** The candidate closest to word within reach (for a message's did-you-mean), if any. */
function closestWord(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    // Once one is found only a closer candidate matters: the bound shrinks as they come.
    let bound = suggestionLimit(word);
    for (const c of candidates) {
        if (Math.abs(c.length - word.length) > bound)
            continue;
        const d = boundedEditDistance(lower, c.toLowerCase(), bound);
        if (d > bound)
            continue;
        best = c;
        if (d === 0)
            break;
        bound = d - 1;
    }
    return best;
}
/**
 * didYouMean over one large set of names for many unknown words: each word is worked out once,
 * and after MAX_SUGGESTED_WORDS different words no more are (a file with that many typos needs no
 * hints), so that a graph of thousands of nodes with one renamed shared input validates at once.
 */
class Suggestions {
    candidates;
    cache = new Map();
    constructor(candidates) {
        this.candidates = [...candidates];
    }
    for(word) {
        const known = this.cache.get(word);
        if (known !== undefined)
            return known;
        if (this.cache.size >= MAX_SUGGESTED_WORDS)
            return '';
        const out = didYouMean(word, this.candidates);
        this.cache.set(word, out);
        return out;
    }
}
/**
 * Levenshtein distance of a and b, or bound + 1 as soon as it is certain to exceed bound: only a
 * band of 2 * bound + 1 cells per row is filled, and a row whose every cell exceeds bound stops.
 */
function boundedEditDistance(a, b, bound) {
    if (Math.abs(a.length - b.length) > bound)
        return bound + 1;
    const over = bound + 1;
    let previous = new Array(b.length + 1);
    let current = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        previous[j] = j <= bound ? j : over;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - bound);
        const to = Math.min(b.length, i + bound);
        current.fill(over);
        current[0] = i <= bound ? i : over;
        let rowMin = current[0];
        for (let j = from; j <= to; j++) {
            const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
            const d = Math.min(previous[j] + 1, current[j - 1] + 1, substitution, over);
            current[j] = d;
            if (d < rowMin)
                rowMin = d;
        }
        if (rowMin > bound)
            return over;
        [previous, current] = [current, previous];
    }
    return Math.min(previous[b.length], over);
}

// Image references as registries read them: `registry/repository[:tag][@digest]`, with the rules of
// the OCI distribution spec for repository names, tags and digests, and errors that say what is
// allowed. Pure: the registry client and the graph checks both use it.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
/** Known digest algorithms and the length of their hex encoding. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
const DOMAIN_COMPONENT = /^(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])$/;
/** Docker's limit on `registry/repository`. */
const MAX_NAME_LENGTH = 255;
/** Why `tag` is not a valid tag, or undefined when it is one. */
function tagProblem(tag) {
    if (TAG.test(tag))
        return undefined;
    if (tag === '')
        return 'tag is empty';
    if (tag.length > 128)
        return `tag '${tag}' is ${tag.length} characters long; at most 128 are allowed`;
    if (/^[.-]/.test(tag))
        return `tag '${tag}' starts with '${tag[0]}'; a tag starts with a letter, digit or '_'`;
    const bad = [...tag].find(c => !/[A-Za-z0-9_.-]/.test(c));
    return `tag '${tag}' contains ${JSON.stringify(bad)}; a tag holds only letters, digits, '_', '.' and '-'`;
}
/** Why `repository` is not a valid repository name, or undefined when it is one. */
function repositoryProblem(repository) {
    if (repository === '')
        return 'repository name is empty';
    if (repository.length > MAX_NAME_LENGTH)
        return `repository '${repository}' is ${repository.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`;
    const components = repository.split('/');
    for (const c of components) {
        if (COMPONENT.test(c))
            continue;
        const what = `repository '${repository}'`;
        if (c === '')
            return `${what} has an empty path component (a leading, trailing or double '/')`;
        if (/[A-Z]/.test(c))
            return `${what} has uppercase letters in '${c}'; repository names are lowercase`;
        const bad = [...c].find(ch => !/[a-z0-9._-]/.test(ch));
        if (bad !== undefined)
            return `${what} contains ${JSON.stringify(bad)} in '${c}'; a path component holds lowercase letters, digits and the separators '.', '_', '__', '-'`;
        return `${what} has a misplaced separator in '${c}'; '.', '_', '__' or '-' may only stand between letters or digits`;
    }
    return undefined;
}
/** Why `digest` is not a digest this tool accepts, or undefined when it is one. */
function digestProblem(digest) {
    const colon = digest.indexOf(':');
    if (colon < 0)
        return `digest '${digest}' has no algorithm; write it as 'sha256:<64 hex digits>'`;
    const algorithm = digest.slice(0, colon);
    const hex = digest.slice(colon + 1);
    const length = DIGEST_HEX_LENGTH[algorithm];
    if (length === undefined)
        return `digest '${digest}' uses algorithm '${algorithm}'; allowed: ${Object.keys(DIGEST_HEX_LENGTH).join(', ')}`;
    if (hex.length !== length || !/^[a-f0-9]+$/.test(hex))
        return `digest '${digest}': a ${algorithm} digest is ${length} lowercase hex digits`;
    return undefined;
}
/** Why `registry` is not a `host[:port]`, or undefined when it is one. */
function registryProblem(registry) {
    const m = /^(\[[0-9A-Fa-f:.]+\]|[^:/]+)(?::(\d+))?$/.exec(registry);
    const what = `registry '${registry}'`;
    if (!m)
        return `${what} is not host[:port] (no scheme, no path)`;
    const [, host, port] = m;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
        return `${what} has port ${port}; a port is 1 to 65535`;
    if (host.startsWith('['))
        return undefined;
    if (!host.split('.').every(c => DOMAIN_COMPONENT.test(c)))
        return `${what}: '${host}' is not a host name or IPv4 address`;
    return undefined;
}
function isDigest(reference) {
    return digestProblem(reference) === undefined;
}
/** Throws a UserError when `tag` is not a valid tag; `what` names where it came from. */
function assertTag(tag, what = 'tag') {
    const p = tagProblem(tag);
    if (p)
        throw new UserError(`${what}: ${p}`);
}
/** Throws a UserError when `repository` is not a valid repository name. */
function assertRepository(repository, what = 'repository') {
    const p = repositoryProblem(repository);
    if (p)
        throw new UserError(`${what}: ${p}`);
}
/** A manifest reference is a tag or a digest; throws a UserError when it is neither. */
function assertManifestReference(reference, what = 'reference') {
    if (reference.includes(':')) {
        const p = digestProblem(reference);
        if (p)
            throw new UserError(`${what}: ${p}`);
    }
    else
        assertTag(reference, what);
}

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs$1 (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var re = {exports: {}};

var constants$1;
var hasRequiredConstants$1;

function requireConstants$1 () {
	if (hasRequiredConstants$1) return constants$1;
	hasRequiredConstants$1 = 1;

	// Note: this is the semver.org version of the spec that it implements
	// Not necessarily the package version of this code.
	const SEMVER_SPEC_VERSION = '2.0.0';

	const MAX_LENGTH = 256;
	const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
	/* istanbul ignore next */ 9007199254740991;

	// Max safe segment length for coercion.
	const MAX_SAFE_COMPONENT_LENGTH = 16;

	// Max safe length for a build identifier. The max length minus 6 characters for
	// the shortest version with a build 0.0.0+BUILD.
	const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;

	// ECMAScript whitespace and line terminators matched by \s.
	const WHITESPACE_CHARACTERS = [
	  '\t',
	  '\n',
	  '\v',
	  '\f',
	  '\r',
	  ' ',
	  '\u00a0',
	  '\u1680',
	  '\u2000',
	  '\u2001',
	  '\u2002',
	  '\u2003',
	  '\u2004',
	  '\u2005',
	  '\u2006',
	  '\u2007',
	  '\u2008',
	  '\u2009',
	  '\u200a',
	  '\u2028',
	  '\u2029',
	  '\u202f',
	  '\u205f',
	  '\u3000',
	  '\ufeff',
	];

	const RELEASE_TYPES = [
	  'major',
	  'premajor',
	  'minor',
	  'preminor',
	  'patch',
	  'prepatch',
	  'prerelease',
	];

	constants$1 = {
	  MAX_LENGTH,
	  MAX_SAFE_COMPONENT_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  MAX_SAFE_INTEGER,
	  WHITESPACE_CHARACTERS,
	  RELEASE_TYPES,
	  SEMVER_SPEC_VERSION,
	  FLAG_INCLUDE_PRERELEASE: 0b001,
	  FLAG_LOOSE: 0b010,
	};
	return constants$1;
}

var debug_1;
var hasRequiredDebug;

function requireDebug () {
	if (hasRequiredDebug) return debug_1;
	hasRequiredDebug = 1;

	const debug = (
	  typeof process === 'object' &&
	  process.env &&
	  process.env.NODE_DEBUG &&
	  /\bsemver\b/i.test(process.env.NODE_DEBUG)
	) ? (...args) => console.error('SEMVER', ...args)
	  : () => {};

	debug_1 = debug;
	return debug_1;
}

var hasRequiredRe;

function requireRe () {
	if (hasRequiredRe) return re.exports;
	hasRequiredRe = 1;
	(function (module, exports) {

		const {
		  MAX_SAFE_COMPONENT_LENGTH,
		  MAX_SAFE_BUILD_LENGTH,
		  MAX_LENGTH,
		} = requireConstants$1();
		const debug = requireDebug();
		exports = module.exports = {};

		// The actual regexps go on exports.re
		const re = exports.re = [];
		const safeRe = exports.safeRe = [];
		const src = exports.src = [];
		const safeSrc = exports.safeSrc = [];
		const t = exports.t = {};
		let R = 0;

		const LETTERDASHNUMBER = '[a-zA-Z0-9-]';

		// Replace some greedy regex tokens to prevent regex dos issues. These regex are
		// used internally via the safeRe object since all inputs in this library get
		// normalized first to trim and collapse all extra whitespace. The original
		// regexes are exported for userland consumption and lower level usage. A
		// future breaking change could export the safer regex only with a note that
		// all input should have extra whitespace removed.
		const safeRegexReplacements = [
		  ['\\s', 1],
		  ['\\d', MAX_LENGTH],
		  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
		];

		const makeSafeRegex = (value) => {
		  for (const [token, max] of safeRegexReplacements) {
		    value = value
		      .split(`${token}*`).join(`${token}{0,${max}}`)
		      .split(`${token}+`).join(`${token}{1,${max}}`);
		  }
		  return value
		};

		const createToken = (name, value, isGlobal) => {
		  const safe = makeSafeRegex(value);
		  const index = R++;
		  debug(name, index, value);
		  t[name] = index;
		  src[index] = value;
		  safeSrc[index] = safe;
		  re[index] = new RegExp(value, isGlobal ? 'g' : undefined);
		  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined);
		};

		// The following Regular Expressions can be used for tokenizing,
		// validating, and parsing SemVer version strings.

		// ## Numeric Identifier
		// A single `0`, or a non-zero digit followed by zero or more digits.

		createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*');
		createToken('NUMERICIDENTIFIERLOOSE', '\\d+');

		// ## Non-numeric Identifier
		// Zero or more digits, followed by a letter or hyphen, and then zero or
		// more letters, digits, or hyphens.

		createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);

		// ## Main Version
		// Three dot-separated numeric identifiers.

		createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
		                   `(${src[t.NUMERICIDENTIFIER]})`);

		createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
		                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version Identifier
		// A numeric identifier, or a non-numeric identifier.
		// Non-numeric identifiers include numeric identifiers but can be longer.
		// Therefore non-numeric identifiers must go first.

		createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIER]})`);

		createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
		}|${src[t.NUMERICIDENTIFIERLOOSE]})`);

		// ## Pre-release Version
		// Hyphen, followed by one or more dot-separated pre-release version
		// identifiers.

		createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
		}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);

		createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
		}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);

		// ## Build Metadata Identifier
		// Any combination of digits, letters, or hyphens.

		createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`);

		// ## Build Metadata
		// Plus sign, followed by one or more period-separated build metadata
		// identifiers.

		createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
		}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);

		// ## Full Version String
		// A main version, followed optionally by a pre-release version and
		// build metadata.

		// Note that the only major, minor, patch, and pre-release sections of
		// the version string are capturing groups.  The build metadata is not a
		// capturing group, because it should not ever be used in version
		// comparison.

		createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
		}${src[t.PRERELEASE]}?${
		  src[t.BUILD]}?`);

		createToken('FULL', `^${src[t.FULLPLAIN]}$`);

		// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
		// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
		// common in the npm registry.
		createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
		}${src[t.PRERELEASELOOSE]}?${
		  src[t.BUILD]}?`);

		createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`);

		createToken('GTLT', '((?:<|>)?=?)');

		// Something like "2.*" or "1.2.x".
		// Note that "x.x" is a valid xRange identifier, meaning "any version"
		// Only the first item is strictly required.
		createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
		createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);

		createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
		                   `(?:${src[t.PRERELEASE]})?${
		                     src[t.BUILD]}?` +
		                   `)?)?`);

		createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
		                        `(?:${src[t.PRERELEASELOOSE]})?${
		                          src[t.BUILD]}?` +
		                        `)?)?`);

		createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
		createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);

		// Coercion.
		// Extract anything that could conceivably be a part of a valid semver
		createToken('COERCEPLAIN', `${'(^|[^\\d])' +
		              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
		              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
		createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
		createToken('COERCEFULL', src[t.COERCEPLAIN] +
		              `(?:${src[t.PRERELEASE]})?` +
		              `(?:${src[t.BUILD]})?` +
		              `(?:$|[^\\d])`);
		createToken('COERCERTL', src[t.COERCE], true);
		createToken('COERCERTLFULL', src[t.COERCEFULL], true);

		// Tilde ranges.
		// Meaning is "reasonably at or greater than"
		createToken('LONETILDE', '(?:~>?)');

		createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true);
		exports.tildeTrimReplace = '$1~';

		createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
		createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);

		// Caret ranges.
		// Meaning is "at least and backwards compatible with"
		createToken('LONECARET', '(?:\\^)');

		createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true);
		exports.caretTrimReplace = '$1^';

		createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
		createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);

		// A simple gt/lt/eq thing, or just "" to indicate "any version"
		createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
		createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);

		// An expression to strip any whitespace between the gtlt and the thing
		// it modifies, so that `> 1.2.3` ==> `>1.2.3`
		createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
		}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
		exports.comparatorTrimReplace = '$1$2$3';

		// Something like `1.2.3 - 1.2.4`
		// Note that these all use the loose form, because they'll be
		// checked against either the strict or loose comparator form
		// later.
		createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
		                   `\\s+-\\s+` +
		                   `(${src[t.XRANGEPLAIN]})` +
		                   `\\s*$`);

		createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s+-\\s+` +
		                        `(${src[t.XRANGEPLAINLOOSE]})` +
		                        `\\s*$`);

		// Star ranges basically just allow anything at all.
		createToken('STAR', '(<|>)?=?\\s*\\*');
		// >=0.0.0 is like a star
		createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$');
		createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$'); 
	} (re, re.exports));
	return re.exports;
}

var parseOptions_1;
var hasRequiredParseOptions;

function requireParseOptions () {
	if (hasRequiredParseOptions) return parseOptions_1;
	hasRequiredParseOptions = 1;

	// parse out just the options we care about
	const looseOption = Object.freeze({ loose: true });
	const emptyOpts = Object.freeze({ });
	const parseOptions = options => {
	  if (!options) {
	    return emptyOpts
	  }

	  if (typeof options !== 'object') {
	    return looseOption
	  }

	  return options
	};
	parseOptions_1 = parseOptions;
	return parseOptions_1;
}

var identifiers;
var hasRequiredIdentifiers;

function requireIdentifiers () {
	if (hasRequiredIdentifiers) return identifiers;
	hasRequiredIdentifiers = 1;

	const numeric = /^[0-9]+$/;
	const compareIdentifiers = (a, b) => {
	  if (typeof a === 'number' && typeof b === 'number') {
	    return a === b ? 0 : a < b ? -1 : 1
	  }

	  const anum = numeric.test(a);
	  const bnum = numeric.test(b);

	  if (anum && bnum) {
	    a = +a;
	    b = +b;
	  }

	  return a === b ? 0
	    : (anum && !bnum) ? -1
	    : (bnum && !anum) ? 1
	    : a < b ? -1
	    : 1
	};

	const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);

	identifiers = {
	  compareIdentifiers,
	  rcompareIdentifiers,
	};
	return identifiers;
}

var semver$2;
var hasRequiredSemver$1;

function requireSemver$1 () {
	if (hasRequiredSemver$1) return semver$2;
	hasRequiredSemver$1 = 1;

	const debug = requireDebug();
	const { MAX_LENGTH, MAX_SAFE_INTEGER } = requireConstants$1();
	const { safeRe: re, t } = requireRe();

	const parseOptions = requireParseOptions();
	const { compareIdentifiers } = requireIdentifiers();

	const isPrereleaseIdentifier = (prerelease, identifier) => {
	  const identifiers = identifier.split('.');
	  if (identifiers.length > prerelease.length) {
	    return false
	  }

	  for (let i = 0; i < identifiers.length; i++) {
	    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
	      return false
	    }
	  }

	  return true
	};

	class SemVer {
	  constructor (version, options) {
	    options = parseOptions(options);

	    if (version instanceof SemVer) {
	      if (version.loose === !!options.loose &&
	        version.includePrerelease === !!options.includePrerelease) {
	        return version
	      } else {
	        version = version.version;
	      }
	    } else if (typeof version !== 'string') {
	      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
	    }

	    if (version.length > MAX_LENGTH) {
	      throw new TypeError(
	        `version is longer than ${MAX_LENGTH} characters`
	      )
	    }

	    debug('SemVer', version, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    // this isn't actually relevant for versions, but keep it so that we
	    // don't run into trouble passing this.options around.
	    this.includePrerelease = !!options.includePrerelease;

	    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);

	    if (!m) {
	      throw new TypeError(`Invalid Version: ${version}`)
	    }

	    this.raw = version;

	    // these are actually numbers
	    this.major = +m[1];
	    this.minor = +m[2];
	    this.patch = +m[3];

	    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
	      throw new TypeError('Invalid major version')
	    }

	    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
	      throw new TypeError('Invalid minor version')
	    }

	    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
	      throw new TypeError('Invalid patch version')
	    }

	    // numberify any prerelease numeric ids
	    if (!m[4]) {
	      this.prerelease = [];
	    } else {
	      this.prerelease = m[4].split('.').map((id) => {
	        if (/^[0-9]+$/.test(id)) {
	          const num = +id;
	          if (num >= 0 && num < MAX_SAFE_INTEGER) {
	            return num
	          }
	        }
	        return id
	      });
	    }

	    this.build = m[5] ? m[5].split('.') : [];
	    this.format();
	  }

	  format () {
	    this.version = `${this.major}.${this.minor}.${this.patch}`;
	    if (this.prerelease.length) {
	      this.version += `-${this.prerelease.join('.')}`;
	    }
	    return this.version
	  }

	  toString () {
	    return this.version
	  }

	  compare (other) {
	    debug('SemVer.compare', this.version, this.options, other);
	    if (!(other instanceof SemVer)) {
	      if (typeof other === 'string' && other === this.version) {
	        return 0
	      }
	      other = new SemVer(other, this.options);
	    }

	    if (other.version === this.version) {
	      return 0
	    }

	    return this.compareMain(other) || this.comparePre(other)
	  }

	  compareMain (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    if (this.major < other.major) {
	      return -1
	    }
	    if (this.major > other.major) {
	      return 1
	    }
	    if (this.minor < other.minor) {
	      return -1
	    }
	    if (this.minor > other.minor) {
	      return 1
	    }
	    if (this.patch < other.patch) {
	      return -1
	    }
	    if (this.patch > other.patch) {
	      return 1
	    }
	    return 0
	  }

	  comparePre (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    // NOT having a prerelease is > having one
	    if (this.prerelease.length && !other.prerelease.length) {
	      return -1
	    } else if (!this.prerelease.length && other.prerelease.length) {
	      return 1
	    } else if (!this.prerelease.length && !other.prerelease.length) {
	      return 0
	    }

	    let i = 0;
	    do {
	      const a = this.prerelease[i];
	      const b = other.prerelease[i];
	      debug('prerelease compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  compareBuild (other) {
	    if (!(other instanceof SemVer)) {
	      other = new SemVer(other, this.options);
	    }

	    let i = 0;
	    do {
	      const a = this.build[i];
	      const b = other.build[i];
	      debug('build compare', i, a, b);
	      if (a === undefined && b === undefined) {
	        return 0
	      } else if (b === undefined) {
	        return 1
	      } else if (a === undefined) {
	        return -1
	      } else if (a === b) {
	        continue
	      } else {
	        return compareIdentifiers(a, b)
	      }
	    } while (++i)
	  }

	  // preminor will bump the version up to the next minor release, and immediately
	  // down to pre-release. premajor and prepatch work the same way.
	  inc (release, identifier, identifierBase) {
	    if (release.startsWith('pre')) {
	      if (!identifier && identifierBase === false) {
	        throw new Error('invalid increment argument: identifier is empty')
	      }
	      // Avoid an invalid semver results
	      if (identifier) {
	        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
	        if (!match || match[1] !== identifier) {
	          throw new Error(`invalid identifier: ${identifier}`)
	        }
	      }
	    }

	    switch (release) {
	      case 'premajor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor = 0;
	        this.major++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'preminor':
	        this.prerelease.length = 0;
	        this.patch = 0;
	        this.minor++;
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'prepatch':
	        // If this is already a prerelease, it will bump to the next version
	        // drop any prereleases that might already exist, since they are not
	        // relevant at this point.
	        this.prerelease.length = 0;
	        this.inc('patch', identifier, identifierBase);
	        this.inc('pre', identifier, identifierBase);
	        break
	      // If the input is a non-prerelease version, this acts the same as
	      // prepatch.
	      case 'prerelease':
	        if (this.prerelease.length === 0) {
	          this.inc('patch', identifier, identifierBase);
	        }
	        this.inc('pre', identifier, identifierBase);
	        break
	      case 'release':
	        if (this.prerelease.length === 0) {
	          throw new Error(`version ${this.raw} is not a prerelease`)
	        }
	        this.prerelease.length = 0;
	        break

	      case 'major':
	        // If this is a pre-major version, bump up to the same major version.
	        // Otherwise increment major.
	        // 1.0.0-5 bumps to 1.0.0
	        // 1.1.0 bumps to 2.0.0
	        if (
	          this.minor !== 0 ||
	          this.patch !== 0 ||
	          this.prerelease.length === 0
	        ) {
	          this.major++;
	        }
	        this.minor = 0;
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'minor':
	        // If this is a pre-minor version, bump up to the same minor version.
	        // Otherwise increment minor.
	        // 1.2.0-5 bumps to 1.2.0
	        // 1.2.1 bumps to 1.3.0
	        if (this.patch !== 0 || this.prerelease.length === 0) {
	          this.minor++;
	        }
	        this.patch = 0;
	        this.prerelease = [];
	        break
	      case 'patch':
	        // If this is not a pre-release version, it will increment the patch.
	        // If it is a pre-release it will bump up to the same patch version.
	        // 1.2.0-5 patches to 1.2.0
	        // 1.2.0 patches to 1.2.1
	        if (this.prerelease.length === 0) {
	          this.patch++;
	        }
	        this.prerelease = [];
	        break
	      // This probably shouldn't be used publicly.
	      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
	      case 'pre': {
	        const base = Number(identifierBase) ? 1 : 0;

	        if (this.prerelease.length === 0) {
	          this.prerelease = [base];
	        } else {
	          let i = this.prerelease.length;
	          while (--i >= 0) {
	            if (typeof this.prerelease[i] === 'number') {
	              this.prerelease[i]++;
	              i = -2;
	            }
	          }
	          if (i === -1) {
	            // didn't increment anything
	            if (identifier === this.prerelease.join('.') && identifierBase === false) {
	              throw new Error('invalid increment argument: identifier already exists')
	            }
	            this.prerelease.push(base);
	          }
	        }
	        if (identifier) {
	          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
	          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
	          let prerelease = [identifier, base];
	          if (identifierBase === false) {
	            prerelease = [identifier];
	          }
	          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
	            const prereleaseBase = this.prerelease[identifier.split('.').length];
	            if (isNaN(prereleaseBase)) {
	              this.prerelease = prerelease;
	            }
	          } else {
	            this.prerelease = prerelease;
	          }
	        }
	        break
	      }
	      default:
	        throw new Error(`invalid increment argument: ${release}`)
	    }
	    this.raw = this.format();
	    if (this.build.length) {
	      this.raw += `+${this.build.join('.')}`;
	    }
	    return this
	  }
	}

	semver$2 = SemVer;
	return semver$2;
}

var parse_1$1;
var hasRequiredParse$1;

function requireParse$1 () {
	if (hasRequiredParse$1) return parse_1$1;
	hasRequiredParse$1 = 1;

	const SemVer = requireSemver$1();
	const parse = (version, options, throwErrors = false) => {
	  if (version instanceof SemVer) {
	    return version
	  }
	  try {
	    return new SemVer(version, options)
	  } catch (er) {
	    if (!throwErrors) {
	      return null
	    }
	    throw er
	  }
	};

	parse_1$1 = parse;
	return parse_1$1;
}

var valid_1;
var hasRequiredValid$1;

function requireValid$1 () {
	if (hasRequiredValid$1) return valid_1;
	hasRequiredValid$1 = 1;

	const parse = requireParse$1();
	const valid = (version, options) => {
	  const v = parse(version, options);
	  return v ? v.version : null
	};
	valid_1 = valid;
	return valid_1;
}

var clean_1;
var hasRequiredClean;

function requireClean () {
	if (hasRequiredClean) return clean_1;
	hasRequiredClean = 1;

	const parse = requireParse$1();
	const clean = (version, options) => {
	  const s = parse(version.trim().replace(/^[=v]+/, ''), options);
	  return s ? s.version : null
	};
	clean_1 = clean;
	return clean_1;
}

var inc_1;
var hasRequiredInc;

function requireInc () {
	if (hasRequiredInc) return inc_1;
	hasRequiredInc = 1;

	const SemVer = requireSemver$1();

	const inc = (version, release, options, identifier, identifierBase) => {
	  if (typeof (options) === 'string') {
	    identifierBase = identifier;
	    identifier = options;
	    options = undefined;
	  }

	  try {
	    return new SemVer(
	      version instanceof SemVer ? version.version : version,
	      options
	    ).inc(release, identifier, identifierBase).version
	  } catch (er) {
	    return null
	  }
	};
	inc_1 = inc;
	return inc_1;
}

var diff_1;
var hasRequiredDiff;

function requireDiff () {
	if (hasRequiredDiff) return diff_1;
	hasRequiredDiff = 1;

	const parse = requireParse$1();

	const diff = (version1, version2) => {
	  const v1 = parse(version1, null, true);
	  const v2 = parse(version2, null, true);
	  const comparison = v1.compare(v2);

	  if (comparison === 0) {
	    return null
	  }

	  const v1Higher = comparison > 0;
	  const highVersion = v1Higher ? v1 : v2;
	  const lowVersion = v1Higher ? v2 : v1;
	  const highHasPre = !!highVersion.prerelease.length;
	  const lowHasPre = !!lowVersion.prerelease.length;

	  if (lowHasPre && !highHasPre) {
	    // Going from prerelease -> no prerelease requires some special casing

	    // If the low version has only a major, then it will always be a major
	    // Some examples:
	    // 1.0.0-1 -> 1.0.0
	    // 1.0.0-1 -> 1.1.1
	    // 1.0.0-1 -> 2.0.0
	    if (!lowVersion.patch && !lowVersion.minor) {
	      return 'major'
	    }

	    // If the main part has no difference
	    if (lowVersion.compareMain(highVersion) === 0) {
	      if (lowVersion.minor && !lowVersion.patch) {
	        return 'minor'
	      }
	      return 'patch'
	    }
	  }

	  // add the `pre` prefix if we are going to a prerelease version
	  const prefix = highHasPre ? 'pre' : '';

	  if (v1.major !== v2.major) {
	    return prefix + 'major'
	  }

	  if (v1.minor !== v2.minor) {
	    return prefix + 'minor'
	  }

	  if (v1.patch !== v2.patch) {
	    return prefix + 'patch'
	  }

	  // high and low are prereleases
	  return 'prerelease'
	};

	diff_1 = diff;
	return diff_1;
}

var major_1;
var hasRequiredMajor;

function requireMajor () {
	if (hasRequiredMajor) return major_1;
	hasRequiredMajor = 1;

	const SemVer = requireSemver$1();
	const major = (a, loose) => new SemVer(a, loose).major;
	major_1 = major;
	return major_1;
}

var minor_1;
var hasRequiredMinor;

function requireMinor () {
	if (hasRequiredMinor) return minor_1;
	hasRequiredMinor = 1;

	const SemVer = requireSemver$1();
	const minor = (a, loose) => new SemVer(a, loose).minor;
	minor_1 = minor;
	return minor_1;
}

var patch_1;
var hasRequiredPatch;

function requirePatch () {
	if (hasRequiredPatch) return patch_1;
	hasRequiredPatch = 1;

	const SemVer = requireSemver$1();
	const patch = (a, loose) => new SemVer(a, loose).patch;
	patch_1 = patch;
	return patch_1;
}

var prerelease_1;
var hasRequiredPrerelease;

function requirePrerelease () {
	if (hasRequiredPrerelease) return prerelease_1;
	hasRequiredPrerelease = 1;

	const parse = requireParse$1();
	const prerelease = (version, options) => {
	  const parsed = parse(version, options);
	  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
	};
	prerelease_1 = prerelease;
	return prerelease_1;
}

var compare_1;
var hasRequiredCompare;

function requireCompare () {
	if (hasRequiredCompare) return compare_1;
	hasRequiredCompare = 1;

	const SemVer = requireSemver$1();
	const compare = (a, b, loose) =>
	  new SemVer(a, loose).compare(new SemVer(b, loose));

	compare_1 = compare;
	return compare_1;
}

var rcompare_1;
var hasRequiredRcompare;

function requireRcompare () {
	if (hasRequiredRcompare) return rcompare_1;
	hasRequiredRcompare = 1;

	const compare = requireCompare();
	const rcompare = (a, b, loose) => compare(b, a, loose);
	rcompare_1 = rcompare;
	return rcompare_1;
}

var compareLoose_1;
var hasRequiredCompareLoose;

function requireCompareLoose () {
	if (hasRequiredCompareLoose) return compareLoose_1;
	hasRequiredCompareLoose = 1;

	const compare = requireCompare();
	const compareLoose = (a, b) => compare(a, b, true);
	compareLoose_1 = compareLoose;
	return compareLoose_1;
}

var compareBuild_1;
var hasRequiredCompareBuild;

function requireCompareBuild () {
	if (hasRequiredCompareBuild) return compareBuild_1;
	hasRequiredCompareBuild = 1;

	const SemVer = requireSemver$1();
	const compareBuild = (a, b, loose) => {
	  const versionA = new SemVer(a, loose);
	  const versionB = new SemVer(b, loose);
	  return versionA.compare(versionB) || versionA.compareBuild(versionB)
	};
	compareBuild_1 = compareBuild;
	return compareBuild_1;
}

var sort_1;
var hasRequiredSort;

function requireSort () {
	if (hasRequiredSort) return sort_1;
	hasRequiredSort = 1;

	const compareBuild = requireCompareBuild();
	const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
	sort_1 = sort;
	return sort_1;
}

var rsort_1;
var hasRequiredRsort;

function requireRsort () {
	if (hasRequiredRsort) return rsort_1;
	hasRequiredRsort = 1;

	const compareBuild = requireCompareBuild();
	const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
	rsort_1 = rsort;
	return rsort_1;
}

var gt_1;
var hasRequiredGt;

function requireGt () {
	if (hasRequiredGt) return gt_1;
	hasRequiredGt = 1;

	const compare = requireCompare();
	const gt = (a, b, loose) => compare(a, b, loose) > 0;
	gt_1 = gt;
	return gt_1;
}

var lt_1;
var hasRequiredLt;

function requireLt () {
	if (hasRequiredLt) return lt_1;
	hasRequiredLt = 1;

	const compare = requireCompare();
	const lt = (a, b, loose) => compare(a, b, loose) < 0;
	lt_1 = lt;
	return lt_1;
}

var eq_1;
var hasRequiredEq;

function requireEq () {
	if (hasRequiredEq) return eq_1;
	hasRequiredEq = 1;

	const compare = requireCompare();
	const eq = (a, b, loose) => compare(a, b, loose) === 0;
	eq_1 = eq;
	return eq_1;
}

var neq_1;
var hasRequiredNeq;

function requireNeq () {
	if (hasRequiredNeq) return neq_1;
	hasRequiredNeq = 1;

	const compare = requireCompare();
	const neq = (a, b, loose) => compare(a, b, loose) !== 0;
	neq_1 = neq;
	return neq_1;
}

var gte_1;
var hasRequiredGte;

function requireGte () {
	if (hasRequiredGte) return gte_1;
	hasRequiredGte = 1;

	const compare = requireCompare();
	const gte = (a, b, loose) => compare(a, b, loose) >= 0;
	gte_1 = gte;
	return gte_1;
}

var lte_1;
var hasRequiredLte;

function requireLte () {
	if (hasRequiredLte) return lte_1;
	hasRequiredLte = 1;

	const compare = requireCompare();
	const lte = (a, b, loose) => compare(a, b, loose) <= 0;
	lte_1 = lte;
	return lte_1;
}

var cmp_1;
var hasRequiredCmp;

function requireCmp () {
	if (hasRequiredCmp) return cmp_1;
	hasRequiredCmp = 1;

	const eq = requireEq();
	const neq = requireNeq();
	const gt = requireGt();
	const gte = requireGte();
	const lt = requireLt();
	const lte = requireLte();

	const cmp = (a, op, b, loose) => {
	  switch (op) {
	    case '===':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a === b

	    case '!==':
	      if (typeof a === 'object') {
	        a = a.version;
	      }
	      if (typeof b === 'object') {
	        b = b.version;
	      }
	      return a !== b

	    case '':
	    case '=':
	    case '==':
	      return eq(a, b, loose)

	    case '!=':
	      return neq(a, b, loose)

	    case '>':
	      return gt(a, b, loose)

	    case '>=':
	      return gte(a, b, loose)

	    case '<':
	      return lt(a, b, loose)

	    case '<=':
	      return lte(a, b, loose)

	    default:
	      throw new TypeError(`Invalid operator: ${op}`)
	  }
	};
	cmp_1 = cmp;
	return cmp_1;
}

var coerce_1;
var hasRequiredCoerce;

function requireCoerce () {
	if (hasRequiredCoerce) return coerce_1;
	hasRequiredCoerce = 1;

	const SemVer = requireSemver$1();
	const parse = requireParse$1();
	const { safeRe: re, t } = requireRe();

	const coerce = (version, options) => {
	  if (version instanceof SemVer) {
	    return version
	  }

	  if (typeof version === 'number') {
	    version = String(version);
	  }

	  if (typeof version !== 'string') {
	    return null
	  }

	  options = options || {};

	  let match = null;
	  if (!options.rtl) {
	    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
	  } else {
	    // Find the right-most coercible string that does not share
	    // a terminus with a more left-ward coercible string.
	    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
	    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
	    //
	    // Walk through the string checking with a /g regexp
	    // Manually set the index so as to pick up overlapping matches.
	    // Stop when we get a match that ends at the string end, since no
	    // coercible string can be more right-ward without the same terminus.
	    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
	    let next;
	    while ((next = coerceRtlRegex.exec(version)) &&
	        (!match || match.index + match[0].length !== version.length)
	    ) {
	      if (!match ||
	            next.index + next[0].length !== match.index + match[0].length) {
	        match = next;
	      }
	      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
	    }
	    // leave it in a clean state
	    coerceRtlRegex.lastIndex = -1;
	  }

	  if (match === null) {
	    return null
	  }

	  const major = match[2];
	  const minor = match[3] || '0';
	  const patch = match[4] || '0';
	  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : '';
	  const build = options.includePrerelease && match[6] ? `+${match[6]}` : '';

	  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
	};
	coerce_1 = coerce;
	return coerce_1;
}

var truncate_1;
var hasRequiredTruncate;

function requireTruncate () {
	if (hasRequiredTruncate) return truncate_1;
	hasRequiredTruncate = 1;

	const parse = requireParse$1();
	const constants = requireConstants$1();
	const SemVer = requireSemver$1();

	const truncate = (version, truncation, options) => {
	  if (!constants.RELEASE_TYPES.includes(truncation)) {
	    return null
	  }

	  const clonedVersion = cloneInputVersion(version, options);
	  return clonedVersion && doTruncation(clonedVersion, truncation)
	};

	const cloneInputVersion = (version, options) => {
	  const versionStringToParse = (
	    version instanceof SemVer ? version.version : version
	  );

	  return parse(versionStringToParse, options)
	};

	const doTruncation = (version, truncation) => {
	  if (isPrerelease(truncation)) {
	    return version.version
	  }

	  version.prerelease = [];

	  switch (truncation) {
	    case 'major':
	      version.minor = 0;
	      version.patch = 0;
	      break
	    case 'minor':
	      version.patch = 0;
	      break
	  }

	  return version.format()
	};

	const isPrerelease = (type) => {
	  return type.startsWith('pre')
	};

	truncate_1 = truncate;
	return truncate_1;
}

var lrucache;
var hasRequiredLrucache;

function requireLrucache () {
	if (hasRequiredLrucache) return lrucache;
	hasRequiredLrucache = 1;

	class LRUCache {
	  constructor () {
	    this.max = 1000;
	    this.map = new Map();
	  }

	  get (key) {
	    const value = this.map.get(key);
	    if (value === undefined) {
	      return undefined
	    } else {
	      // Remove the key from the map and add it to the end
	      this.map.delete(key);
	      this.map.set(key, value);
	      return value
	    }
	  }

	  delete (key) {
	    return this.map.delete(key)
	  }

	  set (key, value) {
	    const deleted = this.delete(key);

	    if (!deleted && value !== undefined) {
	      // If cache is full, delete the least recently used item
	      if (this.map.size >= this.max) {
	        const firstKey = this.map.keys().next().value;
	        this.delete(firstKey);
	      }

	      this.map.set(key, value);
	    }

	    return this
	  }
	}

	lrucache = LRUCache;
	return lrucache;
}

var trimComparatorWhitespace_1;
var hasRequiredTrimComparatorWhitespace;

function requireTrimComparatorWhitespace () {
	if (hasRequiredTrimComparatorWhitespace) return trimComparatorWhitespace_1;
	hasRequiredTrimComparatorWhitespace = 1;

	// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
	// validation. Each end-index finder returns an exclusive end, or its start
	// on no match.
	// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
	// range.slice(start, end) gives the matched text, not a converted number.
	const {
	  MAX_LENGTH,
	  MAX_SAFE_BUILD_LENGTH,
	  WHITESPACE_CHARACTERS,
	} = requireConstants$1();

	/**
	 * Remembers the last two rows of digits so their characters need not be reread.
	 * Positions start at -1 until a row has been found.
	 *
	 * @typedef {object} DigitRunCache
	 * @property {number} start The first character of the most recently found row.
	 * @property {number} end The position after that row's last character.
	 * @property {number} previousStart The first character of the previous row.
	 * @property {number} previousEnd The position after the previous row.
	 */

	// One entry per UTF-16 code unit keeps membership checks constant-time.
	const whitespace = new Uint8Array(0x10000);
	for (const char of WHITESPACE_CHARACTERS) {
	  whitespace[char.charCodeAt(0)] = 1;
	}

	/**
	 * Checks whether a character is whitespace, like a space, tab, or newline.
	 * Looking past the end of the string returns false.
	 *
	 * @param {string|undefined} char One character, or undefined past the string's end.
	 * @returns {boolean} Whether the character is whitespace.
	 * @example isWhitespace(' ') // true
	 * @example isWhitespace('1') // false
	 */
	const isWhitespace = char =>
	  char !== undefined && whitespace[char.charCodeAt(0)] === 1;

	/**
	 * Checks for v, =, or whitespace before the version number.
	 * These are historical version prefixes, not range operators:
	 * < and > are handled separately, as are tilde and caret ranges.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can belong to a version prefix.
	 * @example isVersionPrefix('=') // true
	 * @example isVersionPrefix('>') // false
	 */
	const isVersionPrefix = char =>
	  char === 'v' ||
	  char === '=' ||
	  isWhitespace(char);

	/**
	 * Checks whether a character is one of the digits 0 through 9.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII digit.
	 * @example isDigit('7') // true
	 * @example isDigit('.') // false
	 */
	const isDigit = char => char !== undefined && char >= '0' && char <= '9';

	/**
	 * Checks whether a character is an English letter, uppercase or lowercase.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character is an ASCII letter.
	 * @example isLetter('b') // true
	 * @example isLetter('7') // false
	 */
	const isLetter = char =>
	  char !== undefined && (
	    (char >= 'a' && char <= 'z') ||
	    (char >= 'A' && char <= 'Z')
	  );

	/**
	 * Checks for a letter, digit, or hyphen: the characters allowed inside
	 * prerelease and build names such as beta-1.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether the character can be part of an identifier.
	 * @example isIdentifierCharacter('-') // true
	 * @example isIdentifierCharacter('.') // false; dots separate identifiers
	 */
	const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-';

	/**
	 * Checks whether a version component can begin here: with a digit or
	 * a wildcard such as x, X, or *.
	 *
	 * @param {string|undefined} char One character to check.
	 * @returns {boolean} Whether a number or wildcard can start with this character.
	 * @example isVersionStart('x') // true
	 * @example isVersionStart('v') // false; v belongs to the prefix
	 */
	const isVersionStart = char =>
	  isDigit(char) ||
	  char === 'x' ||
	  char === 'X' ||
	  char === '*';

	/**
	 * Finds the end of a row of digits, but returns no more than limit digits.
	 * Remembers the last two rows so looking at them again does not reread them.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first character to check.
	 * @param {number} limit The most digit characters the returned match can include.
	 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
	 * @returns {number} The position after the matched digits, or start if none match.
	 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
	 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
	 */
	const findDigitsEndIndex = (range, start, limit, digitRuns) => {
	  if (!isDigit(range[start])) {
	    return start
	  }
	  if (start >= digitRuns.start && start < digitRuns.end) {
	    return Math.min(start + limit, digitRuns.end)
	  }
	  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
	    return Math.min(start + limit, digitRuns.previousEnd)
	  }
	  let end = start + 1;
	  while (isDigit(range[end])) {
	    end++;
	  }
	  // A failed full version can rewind from its second run to its first.
	  digitRuns.previousStart = digitRuns.start;
	  digitRuns.previousEnd = digitRuns.end;
	  digitRuns.start = start;
	  digitRuns.end = end;
	  return Math.min(start + limit, end)
	};

	/**
	 * Reads a number using the old regex's length and leading-zero rules.
	 * Strict mode reads just the first zero in 012; loose mode can read all three.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the number should begin.
	 * @param {boolean} loose Whether to allow leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched digits, not their numeric value.
	 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
	 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
	 */
	const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
	  if (!loose && range[start] === '0') {
	    return start + 1
	  }
	  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
	  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
	};

	/**
	 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
	 * Tries the letter-or-hyphen form first, then the number-only form.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
	 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
	 */
	const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
	  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
	  // The legacy regex tries a nonnumeric identifier before a numeric one.
	  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
	    let end = digitsEnd + 1;
	    const limit = end + MAX_SAFE_BUILD_LENGTH;
	    while (end < limit && isIdentifierCharacter(range[end])) {
	      end++;
	    }
	    return end
	  }
	  return findVersionNumberEndIndex(range, start, loose, digitRuns)
	};

	/**
	 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
	 * Loose mode also allows the name without its opening hyphen.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the suffix should begin, including -.
	 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched suffix, or start if absent.
	 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
	 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
	 */
	const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
	  const hyphen = range[start] === '-';
	  if (!loose && !hyphen) {
	    return start
	  }
	  const identifierStart = start + (hyphen ? 1 : 0);
	  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
	  if (end === identifierStart) {
	    if (!loose || !hyphen) {
	      return start
	    }
	    // In loose syntax, a lone hyphen can itself be the identifier.
	    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
	  }
	  while (range[end] === '.') {
	    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads one build-name piece, such as sha or 123 in +sha.123.
	 * Stops at a disallowed character or the old regex's length limit.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the identifier should begin.
	 * @returns {number} The position after the identifier, or start if none matches.
	 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
	 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
	 */
	const findBuildIdentifierEndIndex = (range, start) => {
	  let end = start;
	  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
	    end++;
	  }
	  return end
	};

	/**
	 * Reads optional build metadata such as +sha.123.
	 * Leaves the position unchanged if there is no plus sign followed by a name.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the opening + should be.
	 * @returns {number} The position after the matched metadata, or start if absent.
	 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
	 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
	 */
	const findBuildEndIndex = (range, start) => {
	  if (range[start] !== '+') {
	    return start
	  }
	  let end = findBuildIdentifierEndIndex(range, start + 1);
	  if (end === start + 1) {
	    return start
	  }
	  while (range[end] === '.') {
	    const next = findBuildIdentifierEndIndex(range, end + 1);
	    if (next === end + 1) {
	      break
	    }
	    end = next;
	  }
	  return end
	};

	/**
	 * Reads three numbers separated by dots, then any prerelease and build suffixes.
	 * Uses loose rules, so forms such as 01.02.03beta can match here.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of the first number, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the version match, or start if none matches.
	 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
	 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
	 */
	const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
	  let end = start;
	  for (let component = 0; component < 3; component++) {
	    const next = findVersionNumberEndIndex(range, end, true, digitRuns);
	    if (next === end) {
	      return start
	    }
	    end = next;
	    if (component < 2) {
	      if (range[end] !== '.') {
	        return start
	      }
	      end++;
	    }
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
	 * Numbers use strict leading-zero rules; wildcards take up one character.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position where the component should begin.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the component, or start if none matches.
	 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
	 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
	 */
	const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
	  if (isDigit(range[start])) {
	    return findVersionNumberEndIndex(range, start, false, digitRuns)
	  }
	  return isVersionStart(range[start]) ? start + 1 : start
	};

	/**
	 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
	 * After the third component, also reads any strict prerelease and build suffixes.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position after the matched version text.
	 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
	 */
	const findPartialVersionEndIndex = (range, start, digitRuns) => {
	  let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
	  for (let component = 0; component < 2; component++) {
	    if (range[end] !== '.') {
	      return end
	    }
	    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
	    if (next === end + 1) {
	      return end
	    }
	    end = next;
	  }
	  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
	  return findBuildEndIndex(range, prereleaseEnd)
	};

	/**
	 * Finds where a version match ends, without deciding whether the range is valid.
	 * Tries a loose full version first, then a partial or wildcard version, just
	 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
	 *
	 * @param {string} range The text to read; it is not changed.
	 * @param {number} start The position of a number or wildcard, after any prefix.
	 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
	 * @returns {number} The position where scanning the next candidate can resume.
	 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
	 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
	 */
	const findVersionEndIndex = (range, start, digitRuns) => {
	  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
	  return fullVersionEnd !== start
	    ? fullVersionEnd
	    : findPartialVersionEndIndex(range, start, digitRuns)
	};

	/**
	 * Finds the one whitespace character the old replacement would remove.
	 * Keeps leading whitespace, skips an optional operator, and checks immediately
	 * after it. Returns -1 if there is nothing to remove.
	 *
	 * @param {string} range The text containing a candidate already found by the caller.
	 * @param {number} matchStart The candidate's position, including leading whitespace.
	 * @returns {number} The position of the removable whitespace, or -1 if absent.
	 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
	 * @example findRemovableWhitespaceIndex('>1', 0) // -1
	 */
	const findRemovableWhitespaceIndex = (range, matchStart) => {
	  let position = matchStart;
	  if (isWhitespace(range[position])) {
	    position++;
	  }
	  if (range[position] === '<' || range[position] === '>') {
	    position++;
	  }
	  if (range[position] === '=') {
	    position++;
	  }
	  return isWhitespace(range[position]) ? position : -1
	};

	/**
	 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
	 * Copies everything else according to the old regex's matching rules.
	 * Moves forward through prefixes and whole versions to avoid repeatedly
	 * searching the same characters on long inputs.
	 *
	 * @param {string} range The range text to process; the original string is unchanged.
	 * @returns {string} The range with matched operator whitespace removed.
	 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
	 * @example trimComparatorWhitespace('> invalid') // '> invalid'
	 */
	const trimComparatorWhitespace = range => {
	  let result = '';
	  let copyFrom = 0;
	  let cursor = 0;
	  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };

	  while (cursor < range.length) {
	    const matchStart = cursor;
	    if (range[cursor] === '<' || range[cursor] === '>') {
	      cursor++;
	    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
	      cursor++;
	      continue
	    }

	    // Consume a v/=/whitespace run once, even when no version follows it.
	    while (cursor < range.length && isVersionPrefix(range[cursor])) {
	      cursor++;
	    }
	    if (!isVersionStart(range[cursor])) {
	      continue
	    }

	    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
	    if (whitespacePosition !== -1) {
	      result += range.slice(copyFrom, whitespacePosition);
	      copyFrom = whitespacePosition + 1;
	    }

	    // Skip the entire match, so a prerelease's trailing v cannot be
	    // reconsidered as the prefix of another version.
	    cursor = findVersionEndIndex(range, cursor, digitRuns);
	  }

	  return result + range.slice(copyFrom)
	};

	trimComparatorWhitespace_1 = trimComparatorWhitespace;
	return trimComparatorWhitespace_1;
}

var range;
var hasRequiredRange;

function requireRange () {
	if (hasRequiredRange) return range;
	hasRequiredRange = 1;

	const SPACE_CHARACTERS = /\s+/g;

	// hoisted class for cyclic dependency
	class Range {
	  constructor (range, options) {
	    options = parseOptions(options);

	    if (range instanceof Range) {
	      if (
	        range.loose === !!options.loose &&
	        range.includePrerelease === !!options.includePrerelease
	      ) {
	        return range
	      } else {
	        return new Range(range.raw, options)
	      }
	    }

	    if (range instanceof Comparator) {
	      // just put it in the set and return
	      this.raw = range.value;
	      this.set = [[range]];
	      this.formatted = undefined;
	      return this
	    }

	    this.options = options;
	    this.loose = !!options.loose;
	    this.includePrerelease = !!options.includePrerelease;

	    // First reduce all whitespace as much as possible so we do not have to rely
	    // on potentially slow regexes like \s*. This is then stored and used for
	    // future error messages as well.
	    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ');

	    // First, split on ||
	    this.set = this.raw
	      .split('||')
	      // map the range to a 2d array of comparators
	      .map(r => this.parseRange(r.trim()))
	      // throw out any comparator lists that are empty
	      // this generally means that it was not a valid range, which is allowed
	      // in loose mode, but will still throw if the WHOLE range is invalid.
	      .filter(c => c.length);

	    if (!this.set.length) {
	      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
	    }

	    // if we have any that are not the null set, throw out null sets.
	    if (this.set.length > 1) {
	      // keep the first one, in case they're all null sets
	      const first = this.set[0];
	      this.set = this.set.filter(c => !isNullSet(c[0]));
	      if (this.set.length === 0) {
	        this.set = [first];
	      } else if (this.set.length > 1) {
	        // if we have any that are *, then the range is just *
	        for (const c of this.set) {
	          if (c.length === 1 && isAny(c[0])) {
	            this.set = [c];
	            break
	          }
	        }
	      }
	    }

	    this.formatted = undefined;
	  }

	  get range () {
	    if (this.formatted === undefined) {
	      this.formatted = '';
	      for (let i = 0; i < this.set.length; i++) {
	        if (i > 0) {
	          this.formatted += '||';
	        }
	        const comps = this.set[i];
	        for (let k = 0; k < comps.length; k++) {
	          if (k > 0) {
	            this.formatted += ' ';
	          }
	          this.formatted += comps[k].toString().trim();
	        }
	      }
	    }
	    return this.formatted
	  }

	  format () {
	    return this.range
	  }

	  toString () {
	    return this.range
	  }

	  parseRange (range) {
	    // strip build metadata so it can't bleed into the version
	    range = range.replace(BUILDSTRIPRE, '');

	    // memoize range parsing for performance.
	    // this is a very hot path, and fully deterministic.
	    const memoOpts =
	      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
	      (this.options.loose && FLAG_LOOSE);
	    const memoKey = memoOpts + ':' + range;
	    const cached = cache.get(memoKey);
	    if (cached) {
	      return cached
	    }

	    const loose = this.options.loose;
	    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
	    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
	    range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
	    debug('hyphen replace', range);

	    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
	    range = trimComparatorWhitespace(range);
	    debug('comparator trim', range);

	    // `~ 1.2.3` => `~1.2.3`
	    range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
	    debug('tilde trim', range);

	    // `^ 1.2.3` => `^1.2.3`
	    range = range.replace(re[t.CARETTRIM], caretTrimReplace);
	    debug('caret trim', range);

	    // At this point, the range is completely trimmed and
	    // ready to be split into comparators.

	    let rangeList = range
	      .split(' ')
	      .map(comp => parseComparator(comp, this.options))
	      .join(' ')
	      .split(/\s+/)
	      // >=0.0.0 is equivalent to *
	      .map(comp => replaceGTE0(comp, this.options));

	    if (loose) {
	      // in loose mode, throw out any that are not valid comparators
	      rangeList = rangeList.filter(comp => {
	        debug('loose invalid filter', comp, this.options);
	        return !!comp.match(re[t.COMPARATORLOOSE])
	      });
	    }
	    debug('range list', rangeList);

	    // if any comparators are the null set, then replace with JUST null set
	    // if more than one comparator, remove any * comparators
	    // also, don't include the same comparator more than once
	    const rangeMap = new Map();
	    const comparators = rangeList.map(comp => new Comparator(comp, this.options));
	    for (const comp of comparators) {
	      if (isNullSet(comp)) {
	        return [comp]
	      }
	      rangeMap.set(comp.value, comp);
	    }
	    if (rangeMap.size > 1 && rangeMap.has('')) {
	      rangeMap.delete('');
	    }

	    const result = [...rangeMap.values()];
	    cache.set(memoKey, result);
	    return result
	  }

	  intersects (range, options) {
	    if (!(range instanceof Range)) {
	      throw new TypeError('a Range is required')
	    }

	    return this.set.some((thisComparators) => {
	      return (
	        isSatisfiable(thisComparators, options) &&
	        range.set.some((rangeComparators) => {
	          return (
	            isSatisfiable(rangeComparators, options) &&
	            thisComparators.every((thisComparator) => {
	              return rangeComparators.every((rangeComparator) => {
	                return thisComparator.intersects(rangeComparator, options)
	              })
	            })
	          )
	        })
	      )
	    })
	  }

	  // if ANY of the sets match ALL of its comparators, then pass
	  test (version) {
	    if (!version) {
	      return false
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    for (let i = 0; i < this.set.length; i++) {
	      if (testSet(this.set[i], version, this.options)) {
	        return true
	      }
	    }
	    return false
	  }
	}

	range = Range;

	const LRU = requireLrucache();
	const cache = new LRU();

	const parseOptions = requireParseOptions();
	const Comparator = requireComparator();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const trimComparatorWhitespace = requireTrimComparatorWhitespace();
	const {
	  safeRe: re,
	  src,
	  t,
	  tildeTrimReplace,
	  caretTrimReplace,
	} = requireRe();
	const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = requireConstants$1();

	// unbounded global build-metadata stripper used by parseRange
	const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g');

	const isNullSet = c => c.value === '<0.0.0-0';
	const isAny = c => c.value === '';

	// take a set of comparators and determine whether there
	// exists a version which can satisfy it
	const isSatisfiable = (comparators, options) => {
	  let result = true;
	  const remainingComparators = comparators.slice();
	  let testComparator = remainingComparators.pop();

	  while (result && remainingComparators.length) {
	    result = remainingComparators.every((otherComparator) => {
	      return testComparator.intersects(otherComparator, options)
	    });

	    testComparator = remainingComparators.pop();
	  }

	  return result
	};

	// comprised of xranges, tildes, stars, and gtlt's at this point.
	// already replaced the hyphen ranges
	// turn into a set of JUST comparators.
	const parseComparator = (comp, options) => {
	  comp = comp.replace(re[t.BUILD], '');
	  debug('comp', comp, options);
	  comp = replaceCarets(comp, options);
	  debug('caret', comp);
	  comp = replaceTildes(comp, options);
	  debug('tildes', comp);
	  comp = replaceXRanges(comp, options);
	  debug('xrange', comp);
	  comp = replaceStars(comp, options);
	  debug('stars', comp);
	  return comp
	};

	const isX = id => !id || id.toLowerCase() === 'x' || id === '*';

	const invalidXRangeOrder = (M, m, p) => (
	  (isX(M) && !isX(m)) ||
	  (isX(m) && p && !isX(p))
	);

	// ~, ~> --> * (any, kinda silly)
	// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
	// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
	// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
	// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
	// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
	// ~0.0.1 --> >=0.0.1 <0.1.0-0
	const replaceTildes = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceTilde(c, options))
	    .join(' ')
	};

	const replaceTilde = (comp, options) => {
	  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
	  // if we're including prereleases in the match, then the lower bound is
	  // -0, the lowest possible prerelease value, just like x-ranges and carets.
	  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('tilde', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      // ~1.2 == >=1.2.0 <1.3.0-0
	      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	    } else if (pr) {
	      debug('replaceTilde pr', pr);
	      ret = `>=${M}.${m}.${p}-${pr
	      } <${M}.${+m + 1}.0-0`;
	    } else {
	      // ~1.2.3 == >=1.2.3 <1.3.0-0
	      ret = `>=${M}.${m}.${p
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('tilde return', ret);
	    return ret
	  })
	};

	// ^ --> * (any, kinda silly)
	// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
	// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
	// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
	// ^1.2.3 --> >=1.2.3 <2.0.0-0
	// ^1.2.0 --> >=1.2.0 <2.0.0-0
	// ^0.0.1 --> >=0.0.1 <0.0.2-0
	// ^0.1.0 --> >=0.1.0 <0.2.0-0
	const replaceCarets = (comp, options) => {
	  return comp
	    .trim()
	    .split(/\s+/)
	    .map((c) => replaceCaret(c, options))
	    .join(' ')
	};

	const replaceCaret = (comp, options) => {
	  debug('caret', comp, options);
	  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
	  const z = options.includePrerelease ? '-0' : '';
	  return comp.replace(r, (_, M, m, p, pr) => {
	    debug('caret', comp, _, M, m, p, pr);
	    let ret;

	    if (isX(M)) {
	      ret = '';
	    } else if (isX(m)) {
	      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
	    } else if (isX(p)) {
	      if (M === '0') {
	        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
	      } else {
	        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
	      }
	    } else if (pr) {
	      debug('replaceCaret pr', pr);
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p}-${pr
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p}-${pr
	        } <${+M + 1}.0.0-0`;
	      }
	    } else {
	      debug('no pr');
	      if (M === '0') {
	        if (m === '0') {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${m}.${+p + 1}-0`;
	        } else {
	          ret = `>=${M}.${m}.${p
	          } <${M}.${+m + 1}.0-0`;
	        }
	      } else {
	        ret = `>=${M}.${m}.${p
	        } <${+M + 1}.0.0-0`;
	      }
	    }

	    debug('caret return', ret);
	    return ret
	  })
	};

	const replaceXRanges = (comp, options) => {
	  debug('replaceXRanges', comp, options);
	  return comp
	    .split(/\s+/)
	    .map((c) => replaceXRange(c, options))
	    .join(' ')
	};

	const replaceXRange = (comp, options) => {
	  comp = comp.trim();
	  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
	  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
	    debug('xRange', comp, ret, gtlt, M, m, p, pr);
	    if (invalidXRangeOrder(M, m, p)) {
	      return comp
	    }

	    const xM = isX(M);
	    const xm = xM || isX(m);
	    const xp = xm || isX(p);
	    const anyX = xp;

	    if (gtlt === '=' && anyX) {
	      gtlt = '';
	    }

	    // if we're including prereleases in the match, then we need
	    // to fix this to -0, the lowest possible prerelease value
	    pr = options.includePrerelease ? '-0' : '';

	    if (xM) {
	      if (gtlt === '>' || gtlt === '<') {
	        // nothing is allowed
	        ret = '<0.0.0-0';
	      } else {
	        // nothing is forbidden
	        ret = '*';
	      }
	    } else if (gtlt && anyX) {
	      // we know patch is an x, because we have any x at all.
	      // replace X with 0
	      if (xm) {
	        m = 0;
	      }
	      p = 0;

	      if (gtlt === '>') {
	        // >1 => >=2.0.0
	        // >1.2 => >=1.3.0
	        gtlt = '>=';
	        if (xm) {
	          M = +M + 1;
	          m = 0;
	          p = 0;
	        } else {
	          m = +m + 1;
	          p = 0;
	        }
	      } else if (gtlt === '<=') {
	        // <=0.7.x is actually <0.8.0, since any 0.7.x should
	        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
	        gtlt = '<';
	        if (xm) {
	          M = +M + 1;
	        } else {
	          m = +m + 1;
	        }
	      }

	      if (gtlt === '<') {
	        pr = '-0';
	      }

	      ret = `${gtlt + M}.${m}.${p}${pr}`;
	    } else if (xm) {
	      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
	    } else if (xp) {
	      ret = `>=${M}.${m}.0${pr
	      } <${M}.${+m + 1}.0-0`;
	    }

	    debug('xRange return', ret);

	    return ret
	  })
	};

	// Because * is AND-ed with everything else in the comparator,
	// and '' means "any version", just remove the *s entirely.
	const replaceStars = (comp, options) => {
	  debug('replaceStars', comp, options);
	  // Looseness is ignored here.  star is always as loose as it gets!
	  return comp
	    .trim()
	    .replace(re[t.STAR], '')
	};

	const replaceGTE0 = (comp, options) => {
	  debug('replaceGTE0', comp, options);
	  return comp
	    .trim()
	    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
	};

	// This function is passed to string.replace(re[t.HYPHENRANGE])
	// M, m, patch, prerelease, build
	// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
	// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
	// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
	// TODO build?
	const hyphenReplace = incPr => ($0,
	  from, fM, fm, fp, fpr, fb,
	  to, tM, tm, tp, tpr) => {
	  if (isX(fM)) {
	    from = '';
	  } else if (isX(fm)) {
	    from = `>=${fM}.0.0${incPr ? '-0' : ''}`;
	  } else if (isX(fp)) {
	    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`;
	  } else if (fpr) {
	    from = `>=${from}`;
	  } else {
	    from = `>=${from}${incPr ? '-0' : ''}`;
	  }

	  if (isX(tM)) {
	    to = '';
	  } else if (isX(tm)) {
	    to = `<${+tM + 1}.0.0-0`;
	  } else if (isX(tp)) {
	    to = `<${tM}.${+tm + 1}.0-0`;
	  } else if (tpr) {
	    to = `<=${tM}.${tm}.${tp}-${tpr}`;
	  } else if (incPr) {
	    to = `<${tM}.${tm}.${+tp + 1}-0`;
	  } else {
	    to = `<=${to}`;
	  }

	  return `${from} ${to}`.trim()
	};

	const testSet = (set, version, options) => {
	  for (let i = 0; i < set.length; i++) {
	    if (!set[i].test(version)) {
	      return false
	    }
	  }

	  if (version.prerelease.length && !options.includePrerelease) {
	    // Find the set of versions that are allowed to have prereleases
	    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
	    // That should allow `1.2.3-pr.2` to pass.
	    // However, `1.2.4-alpha.notready` should NOT be allowed,
	    // even though it's within the range set by the comparators.
	    for (let i = 0; i < set.length; i++) {
	      debug(set[i].semver);
	      if (set[i].semver === Comparator.ANY) {
	        continue
	      }

	      if (set[i].semver.prerelease.length > 0) {
	        const allowed = set[i].semver;
	        if (allowed.major === version.major &&
	            allowed.minor === version.minor &&
	            allowed.patch === version.patch) {
	          return true
	        }
	      }
	    }

	    // Version has a -pre, but it's not one of the ones we like.
	    return false
	  }

	  return true
	};
	return range;
}

var comparator;
var hasRequiredComparator;

function requireComparator () {
	if (hasRequiredComparator) return comparator;
	hasRequiredComparator = 1;

	const ANY = Symbol('SemVer ANY');
	// hoisted class for cyclic dependency
	class Comparator {
	  static get ANY () {
	    return ANY
	  }

	  constructor (comp, options) {
	    options = parseOptions(options);

	    if (comp instanceof Comparator) {
	      if (comp.loose === !!options.loose) {
	        return comp
	      } else {
	        comp = comp.value;
	      }
	    }

	    comp = comp.trim().split(/\s+/).join(' ');
	    debug('comparator', comp, options);
	    this.options = options;
	    this.loose = !!options.loose;
	    this.parse(comp);

	    if (this.semver === ANY) {
	      this.value = '';
	    } else {
	      this.value = this.operator + this.semver.version;
	    }

	    debug('comp', this);
	  }

	  parse (comp) {
	    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
	    const m = comp.match(r);

	    if (!m) {
	      throw new TypeError(`Invalid comparator: ${comp}`)
	    }

	    this.operator = m[1] !== undefined ? m[1] : '';
	    if (this.operator === '=') {
	      this.operator = '';
	    }

	    // if it literally is just '>' or '' then allow anything.
	    if (!m[2]) {
	      this.semver = ANY;
	    } else {
	      this.semver = new SemVer(m[2], this.options.loose);
	    }
	  }

	  toString () {
	    return this.value
	  }

	  test (version) {
	    debug('Comparator.test', version, this.options.loose);

	    if (this.semver === ANY || version === ANY) {
	      return true
	    }

	    if (typeof version === 'string') {
	      try {
	        version = new SemVer(version, this.options);
	      } catch (er) {
	        return false
	      }
	    }

	    return cmp(version, this.operator, this.semver, this.options)
	  }

	  intersects (comp, options) {
	    if (!(comp instanceof Comparator)) {
	      throw new TypeError('a Comparator is required')
	    }

	    if (this.operator === '') {
	      if (this.value === '') {
	        return true
	      }
	      return new Range(comp.value, options).test(this.value)
	    } else if (comp.operator === '') {
	      if (comp.value === '') {
	        return true
	      }
	      return new Range(this.value, options).test(comp.semver)
	    }

	    options = parseOptions(options);

	    // Special cases where nothing can possibly be lower
	    if (options.includePrerelease &&
	      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
	      return false
	    }
	    if (!options.includePrerelease &&
	      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
	      return false
	    }

	    // Same direction increasing (> or >=)
	    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
	      return true
	    }
	    // Same direction decreasing (< or <=)
	    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // same SemVer and both sides are inclusive (<= or >=)
	    if (
	      (this.semver.version === comp.semver.version) &&
	      this.operator.includes('=') && comp.operator.includes('=')) {
	      return true
	    }
	    // opposite directions less than
	    if (cmp(this.semver, '<', comp.semver, options) &&
	      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
	      return true
	    }
	    // opposite directions greater than
	    if (cmp(this.semver, '>', comp.semver, options) &&
	      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
	      return true
	    }
	    return false
	  }
	}

	comparator = Comparator;

	const parseOptions = requireParseOptions();
	const { safeRe: re, t } = requireRe();
	const cmp = requireCmp();
	const debug = requireDebug();
	const SemVer = requireSemver$1();
	const Range = requireRange();
	return comparator;
}

var satisfies_1;
var hasRequiredSatisfies;

function requireSatisfies () {
	if (hasRequiredSatisfies) return satisfies_1;
	hasRequiredSatisfies = 1;

	const Range = requireRange();
	const satisfies = (version, range, options) => {
	  try {
	    range = new Range(range, options);
	  } catch (er) {
	    return false
	  }
	  return range.test(version)
	};
	satisfies_1 = satisfies;
	return satisfies_1;
}

var toComparators_1;
var hasRequiredToComparators;

function requireToComparators () {
	if (hasRequiredToComparators) return toComparators_1;
	hasRequiredToComparators = 1;

	const Range = requireRange();

	// Mostly just for testing and legacy API reasons
	const toComparators = (range, options) =>
	  new Range(range, options).set
	    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '));

	toComparators_1 = toComparators;
	return toComparators_1;
}

var maxSatisfying_1;
var hasRequiredMaxSatisfying;

function requireMaxSatisfying () {
	if (hasRequiredMaxSatisfying) return maxSatisfying_1;
	hasRequiredMaxSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();

	const maxSatisfying = (versions, range, options) => {
	  let max = null;
	  let maxSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!max || maxSV.compare(v) === -1) {
	        // compare(max, v, true)
	        max = v;
	        maxSV = new SemVer(max, options);
	      }
	    }
	  });
	  return max
	};
	maxSatisfying_1 = maxSatisfying;
	return maxSatisfying_1;
}

var minSatisfying_1;
var hasRequiredMinSatisfying;

function requireMinSatisfying () {
	if (hasRequiredMinSatisfying) return minSatisfying_1;
	hasRequiredMinSatisfying = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const minSatisfying = (versions, range, options) => {
	  let min = null;
	  let minSV = null;
	  let rangeObj = null;
	  try {
	    rangeObj = new Range(range, options);
	  } catch (er) {
	    return null
	  }
	  versions.forEach((v) => {
	    if (rangeObj.test(v)) {
	      // satisfies(v, range, options)
	      if (!min || minSV.compare(v) === 1) {
	        // compare(min, v, true)
	        min = v;
	        minSV = new SemVer(min, options);
	      }
	    }
	  });
	  return min
	};
	minSatisfying_1 = minSatisfying;
	return minSatisfying_1;
}

var minVersion_1;
var hasRequiredMinVersion;

function requireMinVersion () {
	if (hasRequiredMinVersion) return minVersion_1;
	hasRequiredMinVersion = 1;

	const SemVer = requireSemver$1();
	const Range = requireRange();
	const gt = requireGt();

	const minVersion = (range, loose) => {
	  range = new Range(range, loose);

	  let minver = new SemVer('0.0.0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = new SemVer('0.0.0-0');
	  if (range.test(minver)) {
	    return minver
	  }

	  minver = null;
	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let setMin = null;
	    comparators.forEach((comparator) => {
	      // Clone to avoid manipulating the comparator's semver object.
	      const compver = new SemVer(comparator.semver.version);
	      switch (comparator.operator) {
	        case '>':
	          if (compver.prerelease.length === 0) {
	            compver.patch++;
	          } else {
	            compver.prerelease.push(0);
	          }
	          compver.raw = compver.format();
	          /* fallthrough */
	        case '':
	        case '>=':
	          if (!setMin || gt(compver, setMin)) {
	            setMin = compver;
	          }
	          break
	        case '<':
	        case '<=':
	          /* Ignore maximum versions */
	          break
	        /* istanbul ignore next */
	        default:
	          throw new Error(`Unexpected operation: ${comparator.operator}`)
	      }
	    });
	    if (setMin && (!minver || gt(minver, setMin))) {
	      minver = setMin;
	    }
	  }

	  if (minver && range.test(minver)) {
	    return minver
	  }

	  return null
	};
	minVersion_1 = minVersion;
	return minVersion_1;
}

var valid;
var hasRequiredValid;

function requireValid () {
	if (hasRequiredValid) return valid;
	hasRequiredValid = 1;

	const Range = requireRange();
	const validRange = (range, options) => {
	  try {
	    // Return '*' instead of '' so that truthiness works.
	    // This will throw if it's invalid anyway
	    return new Range(range, options).range || '*'
	  } catch (er) {
	    return null
	  }
	};
	valid = validRange;
	return valid;
}

var outside_1;
var hasRequiredOutside;

function requireOutside () {
	if (hasRequiredOutside) return outside_1;
	hasRequiredOutside = 1;

	const SemVer = requireSemver$1();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const gt = requireGt();
	const lt = requireLt();
	const lte = requireLte();
	const gte = requireGte();

	const outside = (version, range, hilo, options) => {
	  version = new SemVer(version, options);
	  range = new Range(range, options);

	  let gtfn, ltefn, ltfn, comp, ecomp;
	  switch (hilo) {
	    case '>':
	      gtfn = gt;
	      ltefn = lte;
	      ltfn = lt;
	      comp = '>';
	      ecomp = '>=';
	      break
	    case '<':
	      gtfn = lt;
	      ltefn = gte;
	      ltfn = gt;
	      comp = '<';
	      ecomp = '<=';
	      break
	    default:
	      throw new TypeError('Must provide a hilo val of "<" or ">"')
	  }

	  // If it satisfies the range it is not outside
	  if (satisfies(version, range, options)) {
	    return false
	  }

	  // From now on, variable terms are as if we're in "gtr" mode.
	  // but note that everything is flipped for the "ltr" function.

	  for (let i = 0; i < range.set.length; ++i) {
	    const comparators = range.set[i];

	    let high = null;
	    let low = null;

	    comparators.forEach((comparator) => {
	      if (comparator.semver === ANY) {
	        comparator = new Comparator('>=0.0.0');
	      }
	      high = high || comparator;
	      low = low || comparator;
	      if (gtfn(comparator.semver, high.semver, options)) {
	        high = comparator;
	      } else if (ltfn(comparator.semver, low.semver, options)) {
	        low = comparator;
	      }
	    });

	    // If the edge version comparator has a operator then our version
	    // isn't outside it
	    if (high.operator === comp || high.operator === ecomp) {
	      return false
	    }

	    // If the lowest version comparator has an operator and our version
	    // is less than it then it isn't higher than the range
	    if ((!low.operator || low.operator === comp) &&
	        ltefn(version, low.semver)) {
	      return false
	    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
	      return false
	    }
	  }
	  return true
	};

	outside_1 = outside;
	return outside_1;
}

var gtr_1;
var hasRequiredGtr;

function requireGtr () {
	if (hasRequiredGtr) return gtr_1;
	hasRequiredGtr = 1;

	// Determine if version is greater than all the versions possible in the range.
	const outside = requireOutside();
	const gtr = (version, range, options) => outside(version, range, '>', options);
	gtr_1 = gtr;
	return gtr_1;
}

var ltr_1;
var hasRequiredLtr;

function requireLtr () {
	if (hasRequiredLtr) return ltr_1;
	hasRequiredLtr = 1;

	const outside = requireOutside();
	// Determine if version is less than all the versions possible in the range
	const ltr = (version, range, options) => outside(version, range, '<', options);
	ltr_1 = ltr;
	return ltr_1;
}

var intersects_1;
var hasRequiredIntersects;

function requireIntersects () {
	if (hasRequiredIntersects) return intersects_1;
	hasRequiredIntersects = 1;

	const Range = requireRange();
	const intersects = (r1, r2, options) => {
	  r1 = new Range(r1, options);
	  r2 = new Range(r2, options);
	  return r1.intersects(r2, options)
	};
	intersects_1 = intersects;
	return intersects_1;
}

var simplify;
var hasRequiredSimplify;

function requireSimplify () {
	if (hasRequiredSimplify) return simplify;
	hasRequiredSimplify = 1;

	// given a set of versions and a range, create a "simplified" range
	// that includes the same versions that the original range does
	// If the original range is shorter than the simplified one, return that.
	const satisfies = requireSatisfies();
	const compare = requireCompare();
	simplify = (versions, range, options) => {
	  const set = [];
	  let first = null;
	  let prev = null;
	  const v = versions.sort((a, b) => compare(a, b, options));
	  for (const version of v) {
	    const included = satisfies(version, range, options);
	    if (included) {
	      prev = version;
	      if (!first) {
	        first = version;
	      }
	    } else {
	      if (prev) {
	        set.push([first, prev]);
	      }
	      prev = null;
	      first = null;
	    }
	  }
	  if (first) {
	    set.push([first, null]);
	  }

	  const ranges = [];
	  for (const [min, max] of set) {
	    if (min === max) {
	      ranges.push(min);
	    } else if (!max && min === v[0]) {
	      ranges.push('*');
	    } else if (!max) {
	      ranges.push(`>=${min}`);
	    } else if (min === v[0]) {
	      ranges.push(`<=${max}`);
	    } else {
	      ranges.push(`${min} - ${max}`);
	    }
	  }
	  const simplified = ranges.join(' || ');
	  const original = typeof range.raw === 'string' ? range.raw : String(range);
	  return simplified.length < original.length ? simplified : range
	};
	return simplify;
}

var subset_1;
var hasRequiredSubset;

function requireSubset () {
	if (hasRequiredSubset) return subset_1;
	hasRequiredSubset = 1;

	const Range = requireRange();
	const Comparator = requireComparator();
	const { ANY } = Comparator;
	const satisfies = requireSatisfies();
	const compare = requireCompare();

	// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
	// - Every simple range `r1, r2, ...` is a null set, OR
	// - Every simple range `r1, r2, ...` which is not a null set is a subset of
	//   some `R1, R2, ...`
	//
	// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
	// - If c is only the ANY comparator
	//   - If C is only the ANY comparator, return true
	//   - Else if in prerelease mode, return false
	//   - else replace c with `[>=0.0.0]`
	// - If C is only the ANY comparator
	//   - if in prerelease mode, return true
	//   - else replace C with `[>=0.0.0]`
	// - Let EQ be the set of = comparators in c
	// - If EQ is more than one, return true (null set)
	// - Let GT be the highest > or >= comparator in c
	// - Let LT be the lowest < or <= comparator in c
	// - If GT and LT, and GT.semver > LT.semver, return true (null set)
	// - If any C is a = range, and GT or LT are set, return false
	// - If EQ
	//   - If GT, and EQ does not satisfy GT, return true (null set)
	//   - If LT, and EQ does not satisfy LT, return true (null set)
	//   - If EQ satisfies every C, return true
	//   - Else return false
	// - If GT
	//   - If GT.semver is lower than any > or >= comp in C, return false
	//   - If GT is >=, and GT.semver does not satisfy every C, return false
	//   - If GT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the GT.semver tuple, return false
	// - If LT
	//   - If LT.semver is greater than any < or <= comp in C, return false
	//   - If LT is <=, and LT.semver does not satisfy every C, return false
	//   - If LT.semver has a prerelease, and not in prerelease mode
	//     - If no C has a prerelease and the LT.semver tuple, return false
	// - Else return true

	const subset = (sub, dom, options = {}) => {
	  if (sub === dom) {
	    return true
	  }

	  sub = new Range(sub, options);
	  dom = new Range(dom, options);
	  let sawNonNull = false;

	  OUTER: for (const simpleSub of sub.set) {
	    for (const simpleDom of dom.set) {
	      const isSub = simpleSubset(simpleSub, simpleDom, options);
	      sawNonNull = sawNonNull || isSub !== null;
	      if (isSub) {
	        continue OUTER
	      }
	    }
	    // the null set is a subset of everything, but null simple ranges in
	    // a complex range should be ignored.  so if we saw a non-null range,
	    // then we know this isn't a subset, but if EVERY simple range was null,
	    // then it is a subset.
	    if (sawNonNull) {
	      return false
	    }
	  }
	  return true
	};

	const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')];
	const minimumVersion = [new Comparator('>=0.0.0')];

	const simpleSubset = (sub, dom, options) => {
	  if (sub === dom) {
	    return true
	  }

	  if (sub.length === 1 && sub[0].semver === ANY) {
	    if (dom.length === 1 && dom[0].semver === ANY) {
	      return true
	    } else if (options.includePrerelease) {
	      sub = minimumVersionWithPreRelease;
	    } else {
	      sub = minimumVersion;
	    }
	  }

	  if (dom.length === 1 && dom[0].semver === ANY) {
	    if (options.includePrerelease) {
	      return true
	    } else {
	      dom = minimumVersion;
	    }
	  }

	  const eqSet = new Set();
	  let gt, lt;
	  for (const c of sub) {
	    if (c.operator === '>' || c.operator === '>=') {
	      gt = higherGT(gt, c, options);
	    } else if (c.operator === '<' || c.operator === '<=') {
	      lt = lowerLT(lt, c, options);
	    } else {
	      eqSet.add(c.semver);
	    }
	  }

	  if (eqSet.size > 1) {
	    return null
	  }

	  let gtltComp;
	  if (gt && lt) {
	    gtltComp = compare(gt.semver, lt.semver, options);
	    if (gtltComp > 0) {
	      return null
	    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
	      return null
	    }
	  }

	  // will iterate one or zero times
	  for (const eq of eqSet) {
	    if (gt && !satisfies(eq, String(gt), options)) {
	      return null
	    }

	    if (lt && !satisfies(eq, String(lt), options)) {
	      return null
	    }

	    for (const c of dom) {
	      if (!satisfies(eq, String(c), options)) {
	        return false
	      }
	    }

	    return true
	  }

	  let higher, lower;
	  let hasDomLT, hasDomGT;
	  // if the subset has a prerelease, we need a comparator in the superset
	  // with the same tuple and a prerelease, or it's not a subset
	  let needDomLTPre = lt &&
	    !options.includePrerelease &&
	    lt.semver.prerelease.length ? lt.semver : false;
	  let needDomGTPre = gt &&
	    !options.includePrerelease &&
	    gt.semver.prerelease.length ? gt.semver : false;
	  // exception: <1.2.3-0 is the same as <1.2.3
	  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
	      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
	    needDomLTPre = false;
	  }

	  for (const c of dom) {
	    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>=';
	    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<=';
	    if (gt) {
	      if (needDomGTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomGTPre.major &&
	            c.semver.minor === needDomGTPre.minor &&
	            c.semver.patch === needDomGTPre.patch) {
	          needDomGTPre = false;
	        }
	      }
	      if (c.operator === '>' || c.operator === '>=') {
	        higher = higherGT(gt, c, options);
	        if (higher === c && higher !== gt) {
	          return false
	        }
	      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
	        return false
	      }
	    }
	    if (lt) {
	      if (needDomLTPre) {
	        if (c.semver.prerelease && c.semver.prerelease.length &&
	            c.semver.major === needDomLTPre.major &&
	            c.semver.minor === needDomLTPre.minor &&
	            c.semver.patch === needDomLTPre.patch) {
	          needDomLTPre = false;
	        }
	      }
	      if (c.operator === '<' || c.operator === '<=') {
	        lower = lowerLT(lt, c, options);
	        if (lower === c && lower !== lt) {
	          return false
	        }
	      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
	        return false
	      }
	    }
	    if (!c.operator && (lt || gt) && gtltComp !== 0) {
	      return false
	    }
	  }

	  // if there was a < or >, and nothing in the dom, then must be false
	  // UNLESS it was limited by another range in the other direction.
	  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
	  if (gt && hasDomLT && !lt && gtltComp !== 0) {
	    return false
	  }

	  if (lt && hasDomGT && !gt && gtltComp !== 0) {
	    return false
	  }

	  // we needed a prerelease range in a specific tuple, but didn't get one
	  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
	  // because it includes prereleases in the 1.2.3 tuple
	  if (needDomGTPre || needDomLTPre) {
	    return false
	  }

	  return true
	};

	// >=1.2.3 is lower than >1.2.3
	const higherGT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp > 0 ? a
	    : comp < 0 ? b
	    : b.operator === '>' && a.operator === '>=' ? b
	    : a
	};

	// <=1.2.3 is higher than <1.2.3
	const lowerLT = (a, b, options) => {
	  if (!a) {
	    return b
	  }
	  const comp = compare(a.semver, b.semver, options);
	  return comp < 0 ? a
	    : comp > 0 ? b
	    : b.operator === '<' && a.operator === '<=' ? b
	    : a
	};

	subset_1 = subset;
	return subset_1;
}

var semver$1;
var hasRequiredSemver;

function requireSemver () {
	if (hasRequiredSemver) return semver$1;
	hasRequiredSemver = 1;

	// just pre-load all the stuff that index.js lazily exports
	const internalRe = requireRe();
	const constants = requireConstants$1();
	const SemVer = requireSemver$1();
	const identifiers = requireIdentifiers();
	const parse = requireParse$1();
	const valid = requireValid$1();
	const clean = requireClean();
	const inc = requireInc();
	const diff = requireDiff();
	const major = requireMajor();
	const minor = requireMinor();
	const patch = requirePatch();
	const prerelease = requirePrerelease();
	const compare = requireCompare();
	const rcompare = requireRcompare();
	const compareLoose = requireCompareLoose();
	const compareBuild = requireCompareBuild();
	const sort = requireSort();
	const rsort = requireRsort();
	const gt = requireGt();
	const lt = requireLt();
	const eq = requireEq();
	const neq = requireNeq();
	const gte = requireGte();
	const lte = requireLte();
	const cmp = requireCmp();
	const coerce = requireCoerce();
	const truncate = requireTruncate();
	const Comparator = requireComparator();
	const Range = requireRange();
	const satisfies = requireSatisfies();
	const toComparators = requireToComparators();
	const maxSatisfying = requireMaxSatisfying();
	const minSatisfying = requireMinSatisfying();
	const minVersion = requireMinVersion();
	const validRange = requireValid();
	const outside = requireOutside();
	const gtr = requireGtr();
	const ltr = requireLtr();
	const intersects = requireIntersects();
	const simplifyRange = requireSimplify();
	const subset = requireSubset();
	semver$1 = {
	  parse,
	  valid,
	  clean,
	  inc,
	  diff,
	  major,
	  minor,
	  patch,
	  prerelease,
	  compare,
	  rcompare,
	  compareLoose,
	  compareBuild,
	  sort,
	  rsort,
	  gt,
	  lt,
	  eq,
	  neq,
	  gte,
	  lte,
	  cmp,
	  coerce,
	  truncate,
	  Comparator,
	  Range,
	  satisfies,
	  toComparators,
	  maxSatisfying,
	  minSatisfying,
	  minVersion,
	  validRange,
	  outside,
	  gtr,
	  ltr,
	  intersects,
	  simplifyRange,
	  subset,
	  SemVer,
	  re: internalRe.re,
	  src: internalRe.src,
	  tokens: internalRe.t,
	  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
	  RELEASE_TYPES: constants.RELEASE_TYPES,
	  compareIdentifiers: identifiers.compareIdentifiers,
	  rcompareIdentifiers: identifiers.rcompareIdentifiers,
	};
	return semver$1;
}

var semverExports = requireSemver();
var semver = /*@__PURE__*/getDefaultExportFromCjs$1(semverExports);

// Version tags from templates (`{{major}}.{{minor}}`, `pr-{{pr}}`, `latest`): parsing, which ones
// float, rendering to a valid OCI tag, and the values they are filled with. Pure: the graph reader
// checks templates with it, the build renders them. Problems are data; tagTemplateMessage words them.
const TAG_FIELDS = [
    'version',
    'major',
    'minor',
    'patch',
    'sha',
    'short_sha',
    'branch',
    'pr',
    'key',
    'image',
    'seq'
];
/**
 * The fields that name one build or one release: a template with none of them floats (`latest`,
 * `{{branch}}`, `{{major}}.{{minor}}`) and moves from one build to the next.
 */
const PINNING_FIELDS = new Set([
    'key',
    'sha',
    'short_sha',
    'seq',
    'version',
    'patch'
]);
const TAG_CHARACTER = /[A-Za-z0-9_.-]/;
const MAX_TAG_LENGTH = 128;
const FIELD = /^\{\{\s*([^{}\s]*)\s*\}\}/;
/** A template's parts, or why it cannot make a tag whatever its values. */
function parseTagTemplate(text) {
    if (text === '')
        return { problem: { kind: 'empty' } };
    const parts = [];
    let staticLength = 0;
    let i = 0;
    while (i < text.length) {
        if (text.startsWith('{{', i)) {
            const m = FIELD.exec(text.slice(i));
            if (!m || m[1] === '')
                return { problem: { kind: 'malformed', at: i } };
            const name = m[1];
            if (!TAG_FIELDS.includes(name)) {
                const suggestion = closestWord(name, TAG_FIELDS);
                return {
                    problem: { kind: 'unknown-field', field: name, ...(suggestion ? { suggestion } : {}) }
                };
            }
            parts.push({ field: name });
            i += m[0].length;
            continue;
        }
        const c = text[i];
        if (c === '{' || c === '}')
            return { problem: { kind: 'malformed', at: i } };
        if (!TAG_CHARACTER.test(c))
            return { problem: { kind: 'bad-character', character: c } };
        if (i === 0 && (c === '.' || c === '-'))
            return { problem: { kind: 'bad-start', character: c } };
        const last = parts[parts.length - 1];
        if (last && 'text' in last)
            last.text += c;
        else
            parts.push({ text: c });
        staticLength++;
        i++;
    }
    if (staticLength > MAX_TAG_LENGTH)
        return { problem: { kind: 'too-long', length: staticLength } };
    return { parts };
}
/** What is wrong with a template, in words (for the located error of the graph reader). */
function tagTemplateMessage(template, problem) {
    const fields = TAG_FIELDS.map(f => `{{${f}}}`).join(' ');
    switch (problem.kind) {
        case 'empty':
            return 'the tag template is empty';
        case 'unknown-field':
            return `'${template}': unknown field '{{${problem.field}}}'${problem.suggestion ? ` (did you mean '{{${problem.suggestion}}}'?)` : ''}; allowed: ${fields}`;
        case 'malformed':
            return `'${template}': a brace at character ${problem.at + 1} is not part of a field; write fields as {{name}}, e.g. {{version}}`;
        case 'bad-character':
            return `'${template}' contains ${JSON.stringify(problem.character)}; outside fields a tag holds only letters, digits, '_', '.' and '-'`;
        case 'bad-start':
            return `'${template}' starts with '${problem.character}'; a tag starts with a letter, digit, '_' or a field`;
        case 'too-long':
            return `'${template}' has ${problem.length} characters besides its fields; a tag has at most ${MAX_TAG_LENGTH}`;
        case 'missing-value':
            return `'${template}' needs {{${problem.field}}}, which this run has no value for`;
        case 'invalid-tag':
            return `'${template}' renders to an invalid tag: ${problem.reason}`;
    }
}
/**
 * Whether tags made from the template move from build to build: none of {{key}}, {{sha}},
 * {{short_sha}}, {{seq}}, {{version}}, {{patch}}. A floating tag only moves forward. A template
 * that does not parse counts as floating: the careful side.
 */
function isFloating(template) {
    const parsed = typeof template === 'string' ? parseTagTemplate(template) : { parts: template };
    if ('problem' in parsed)
        return true;
    return !parsed.parts.some(p => 'field' in p && PINNING_FIELDS.has(p.field));
}
/**
 * The tag a template makes with these values. {{branch}} is sanitised (sanitizeBranch) and cut so
 * that the whole tag fits in 128 characters; every other value is used as it is.
 */
function renderTag(template, values) {
    const parsed = typeof template === 'string' ? parseTagTemplate(template) : { parts: template };
    if ('problem' in parsed)
        return parsed;
    const rendered = [];
    const branchAt = [];
    for (const part of parsed.parts) {
        if ('text' in part) {
            rendered.push(part.text);
            continue;
        }
        const value = values[part.field];
        if (value === undefined || value === '')
            return { problem: { kind: 'missing-value', field: part.field } };
        if (part.field === 'branch') {
            const branch = sanitizeBranch(String(value));
            if (branch === '')
                return { problem: { kind: 'missing-value', field: 'branch' } };
            branchAt.push(rendered.length);
            rendered.push(branch);
        }
        else
            rendered.push(String(value));
    }
    // A long branch name gives way: the rest of the template is what the tag is for.
    let over = rendered.join('').length - MAX_TAG_LENGTH;
    for (let k = branchAt.length - 1; k >= 0 && over > 0; k--) {
        const text = rendered[branchAt[k]];
        const keep = Math.max(1, text.length - over);
        rendered[branchAt[k]] = text.slice(0, keep).replace(/[.-]+$/, '') || text[0];
        over -= text.length - rendered[branchAt[k]].length;
    }
    const tag = rendered.join('');
    const reason = tagProblem(tag);
    if (reason)
        return { problem: { kind: 'invalid-tag', tag, reason } };
    return { tag };
}
/**
 * A branch name as a tag's text: `refs/heads/` dropped, each run of characters a tag cannot hold
 * replaced by '-', no '.' or '-' at either end, at most max characters. Case is kept. '' when
 * nothing is left.
 */
function sanitizeBranch(name, max = MAX_TAG_LENGTH) {
    const short = name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : name;
    return short
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, max)
        .replace(/[.-]+$/, '');
}
/**
 * The version a git tag names: `v1.2.3` or `1.2.3` (a ref `refs/tags/...` too). With the image's
 * tag-pattern (`api/v*`), only a tag the pattern matches, and the version is what its first
 * wildcard matched (`api/v1.2.3` -> 1.2.3). Undefined for a tag that names no version.
 */
function versionFromRef(ref, tagPattern) {
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ref;
    let text = tag;
    if (tagPattern !== undefined) {
        const m = patternRegExp(tagPattern).exec(tag);
        if (!m)
            return undefined;
        text = m[1] ?? '';
    }
    if (/\s/.test(text))
        return undefined;
    const parsed = semver.parse(text);
    if (!parsed)
        return undefined;
    return {
        version: parsed.version,
        major: parsed.major,
        minor: parsed.minor,
        patch: parsed.patch
    };
}
/** A tag-pattern as a regular expression: `*` any run within one `/` segment, `?` one character. */
function patternRegExp(pattern) {
    let source = '';
    for (const c of pattern) {
        if (c === '*')
            source += '([^/]*)';
        else if (c === '?')
            source += '[^/]';
        else
            source += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
/** Why a tag-pattern cannot select an image's version tags, or undefined when it can. */
function tagPatternProblem(pattern) {
    if (pattern === '')
        return 'the tag pattern is empty';
    if (!pattern.includes('*'))
        return `'${pattern}' has no '*'; the version is what the first '*' matches, e.g. api/v*`;
    const bad = [...pattern].find(c => !/[A-Za-z0-9_.\-/*?]/.test(c));
    if (bad !== undefined)
        return `'${pattern}' contains ${JSON.stringify(bad)}; a tag pattern holds letters, digits, '_', '.', '-', '/', '*' and '?'`;
    return undefined;
}
/**
 * The tag templates of an image: its own `tags` when it sets them; otherwise the run's (input
 * `tags`, CLI `--tags`) when given, which replace the graph's top-level `tags`; otherwise those.
 * An image's own list is the most specific word and wins over the run's.
 */
function templatesFor(graph, image, inputTags) {
    if (image.tags !== undefined)
        return [...image.tags];
    if (inputTags !== undefined && inputTags.length > 0)
        return [...inputTags];
    return [...(graph.tags ?? [])];
}
/** Tag templates: one per line or separated by commas, blanks dropped, each once, in order. */
function parseTagList(text) {
    const tags = text
        .split(/[\n,]/)
        .map(t => t.trim())
        .filter(t => t !== '');
    return [...new Set(tags)];
}

var utils = {};

var constants;
var hasRequiredConstants;

function requireConstants () {
	if (hasRequiredConstants) return constants;
	hasRequiredConstants = 1;

	const WIN_SLASH = '\\\\/';
	const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

	const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

	/**
	 * Posix glob regex
	 */

	const DOT_LITERAL = '\\.';
	const PLUS_LITERAL = '\\+';
	const QMARK_LITERAL = '\\?';
	const SLASH_LITERAL = '\\/';
	const ONE_CHAR = '(?=.)';
	const QMARK = '[^/]';
	const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
	const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
	const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
	const NO_DOT = `(?!${DOT_LITERAL})`;
	const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
	const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
	const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
	const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
	const STAR = `${QMARK}*?`;
	const SEP = '/';

	const POSIX_CHARS = {
	  DOT_LITERAL,
	  PLUS_LITERAL,
	  QMARK_LITERAL,
	  SLASH_LITERAL,
	  ONE_CHAR,
	  QMARK,
	  END_ANCHOR,
	  DOTS_SLASH,
	  NO_DOT,
	  NO_DOTS,
	  NO_DOT_SLASH,
	  NO_DOTS_SLASH,
	  QMARK_NO_DOT,
	  STAR,
	  START_ANCHOR,
	  SEP
	};

	/**
	 * Windows glob regex
	 */

	const WINDOWS_CHARS = {
	  ...POSIX_CHARS,

	  SLASH_LITERAL: `[${WIN_SLASH}]`,
	  QMARK: WIN_NO_SLASH,
	  STAR: `${WIN_NO_SLASH}*?`,
	  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
	  NO_DOT: `(?!${DOT_LITERAL})`,
	  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
	  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
	  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
	  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
	  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
	  SEP: '\\'
	};

	/**
	 * POSIX Bracket Regex
	 */

	const POSIX_REGEX_SOURCE = {
	  __proto__: null,
	  alnum: 'a-zA-Z0-9',
	  alpha: 'a-zA-Z',
	  ascii: '\\x00-\\x7F',
	  blank: ' \\t',
	  cntrl: '\\x00-\\x1F\\x7F',
	  digit: '0-9',
	  graph: '\\x21-\\x7E',
	  lower: 'a-z',
	  print: '\\x20-\\x7E ',
	  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
	  space: ' \\t\\r\\n\\v\\f',
	  upper: 'A-Z',
	  word: 'A-Za-z0-9_',
	  xdigit: 'A-Fa-f0-9'
	};

	constants = {
	  DEFAULT_MAX_EXTGLOB_RECURSION,
	  MAX_LENGTH: 1024 * 64,
	  POSIX_REGEX_SOURCE,

	  // regular expressions
	  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
	  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
	  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
	  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
	  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
	  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

	  // Replace globs with equivalent patterns to reduce parsing time.
	  REPLACEMENTS: {
	    __proto__: null,
	    '***': '*',
	    '**/**': '**',
	    '**/**/**': '**'
	  },

	  // Digits
	  CHAR_0: 48, /* 0 */
	  CHAR_9: 57, /* 9 */

	  // Alphabet chars.
	  CHAR_UPPERCASE_A: 65, /* A */
	  CHAR_LOWERCASE_A: 97, /* a */
	  CHAR_UPPERCASE_Z: 90, /* Z */
	  CHAR_LOWERCASE_Z: 122, /* z */

	  CHAR_LEFT_PARENTHESES: 40, /* ( */
	  CHAR_RIGHT_PARENTHESES: 41, /* ) */

	  CHAR_ASTERISK: 42, /* * */

	  // Non-alphabetic chars.
	  CHAR_AMPERSAND: 38, /* & */
	  CHAR_AT: 64, /* @ */
	  CHAR_BACKWARD_SLASH: 92, /* \ */
	  CHAR_CARRIAGE_RETURN: 13, /* \r */
	  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
	  CHAR_COLON: 58, /* : */
	  CHAR_COMMA: 44, /* , */
	  CHAR_DOT: 46, /* . */
	  CHAR_DOUBLE_QUOTE: 34, /* " */
	  CHAR_EQUAL: 61, /* = */
	  CHAR_EXCLAMATION_MARK: 33, /* ! */
	  CHAR_FORM_FEED: 12, /* \f */
	  CHAR_FORWARD_SLASH: 47, /* / */
	  CHAR_GRAVE_ACCENT: 96, /* ` */
	  CHAR_HASH: 35, /* # */
	  CHAR_HYPHEN_MINUS: 45, /* - */
	  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
	  CHAR_LEFT_CURLY_BRACE: 123, /* { */
	  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
	  CHAR_LINE_FEED: 10, /* \n */
	  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
	  CHAR_PERCENT: 37, /* % */
	  CHAR_PLUS: 43, /* + */
	  CHAR_QUESTION_MARK: 63, /* ? */
	  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
	  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
	  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
	  CHAR_SEMICOLON: 59, /* ; */
	  CHAR_SINGLE_QUOTE: 39, /* ' */
	  CHAR_SPACE: 32, /*   */
	  CHAR_TAB: 9, /* \t */
	  CHAR_UNDERSCORE: 95, /* _ */
	  CHAR_VERTICAL_LINE: 124, /* | */
	  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

	  /**
	   * Create EXTGLOB_CHARS
	   */

	  extglobChars(chars) {
	    return {
	      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
	      '?': { type: 'qmark', open: '(?:', close: ')?' },
	      '+': { type: 'plus', open: '(?:', close: ')+' },
	      '*': { type: 'star', open: '(?:', close: ')*' },
	      '@': { type: 'at', open: '(?:', close: ')' }
	    };
	  },

	  /**
	   * Create GLOB_CHARS
	   */

	  globChars(win32) {
	    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
	  }
	};
	return constants;
}

/*global navigator*/

var hasRequiredUtils;

function requireUtils () {
	if (hasRequiredUtils) return utils;
	hasRequiredUtils = 1;
	(function (exports) {

		const {
		  REGEX_BACKSLASH,
		  REGEX_REMOVE_BACKSLASH,
		  REGEX_SPECIAL_CHARS,
		  REGEX_SPECIAL_CHARS_GLOBAL
		} = /*@__PURE__*/ requireConstants();

		exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
		exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
		exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
		exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
		exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

		exports.isWindows = () => {
		  if (typeof navigator !== 'undefined' && navigator.platform) {
		    const platform = navigator.platform.toLowerCase();
		    return platform === 'win32' || platform === 'windows';
		  }

		  if (typeof process !== 'undefined' && process.platform) {
		    return process.platform === 'win32';
		  }

		  return false;
		};

		exports.removeBackslashes = str => {
		  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
		    return match === '\\' ? '' : match;
		  });
		};

		exports.escapeLast = (input, char, lastIdx) => {
		  const idx = input.lastIndexOf(char, lastIdx);
		  if (idx === -1) return input;
		  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
		  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
		};

		exports.removePrefix = (input, state = {}) => {
		  let output = input;
		  if (output.startsWith('./')) {
		    output = output.slice(2);
		    state.prefix = './';
		  }
		  return output;
		};

		exports.wrapOutput = (input, state = {}, options = {}) => {
		  const prepend = options.contains ? '' : '^';
		  const append = options.contains ? '' : '$';

		  let output = `${prepend}(?:${input})${append}`;
		  if (state.negated === true) {
		    output = `(?:^(?!${output}).*$)`;
		  }
		  return output;
		};

		exports.basename = (path, { windows } = {}) => {
		  const segs = path.split(windows ? /[\\/]/ : '/');
		  const last = segs[segs.length - 1];

		  if (last === '') {
		    return segs[segs.length - 2];
		  }

		  return last;
		}; 
	} (utils));
	return utils;
}

var scan_1;
var hasRequiredScan;

function requireScan () {
	if (hasRequiredScan) return scan_1;
	hasRequiredScan = 1;

	const utils = /*@__PURE__*/ requireUtils();
	const {
	  CHAR_ASTERISK,             /* * */
	  CHAR_AT,                   /* @ */
	  CHAR_BACKWARD_SLASH,       /* \ */
	  CHAR_COMMA,                /* , */
	  CHAR_DOT,                  /* . */
	  CHAR_EXCLAMATION_MARK,     /* ! */
	  CHAR_FORWARD_SLASH,        /* / */
	  CHAR_LEFT_CURLY_BRACE,     /* { */
	  CHAR_LEFT_PARENTHESES,     /* ( */
	  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
	  CHAR_PLUS,                 /* + */
	  CHAR_QUESTION_MARK,        /* ? */
	  CHAR_RIGHT_CURLY_BRACE,    /* } */
	  CHAR_RIGHT_PARENTHESES,    /* ) */
	  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
	} = /*@__PURE__*/ requireConstants();

	const isPathSeparator = code => {
	  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
	};

	const depth = token => {
	  if (token.isPrefix !== true) {
	    token.depth = token.isGlobstar ? Infinity : 1;
	  }
	};

	/**
	 * Quickly scans a glob pattern and returns an object with a handful of
	 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
	 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
	 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
	 *
	 * ```js
	 * const pm = require('picomatch');
	 * console.log(pm.scan('foo/bar/*.js'));
	 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
	 * ```
	 * @param {String} `str`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with tokens and regex source string.
	 * @api public
	 */

	const scan = (input, options) => {
	  const opts = options || {};

	  const length = input.length - 1;
	  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
	  const slashes = [];
	  const tokens = [];
	  const parts = [];

	  let str = input;
	  let index = -1;
	  let start = 0;
	  let lastIndex = 0;
	  let isBrace = false;
	  let isBracket = false;
	  let isGlob = false;
	  let isExtglob = false;
	  let isGlobstar = false;
	  let braceEscaped = false;
	  let backslashes = false;
	  let negated = false;
	  let negatedExtglob = false;
	  let finished = false;
	  let braces = 0;
	  let prev;
	  let code;
	  let token = { value: '', depth: 0, isGlob: false };

	  const eos = () => index >= length;
	  const peek = () => str.charCodeAt(index + 1);
	  const advance = () => {
	    prev = code;
	    return str.charCodeAt(++index);
	  };

	  while (index < length) {
	    code = advance();
	    let next;

	    if (code === CHAR_BACKWARD_SLASH) {
	      backslashes = token.backslashes = true;
	      code = advance();

	      if (code === CHAR_LEFT_CURLY_BRACE) {
	        braceEscaped = true;
	      }
	      continue;
	    }

	    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
	      braces++;

	      while (eos() !== true && (code = advance())) {
	        if (code === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (code === CHAR_LEFT_CURLY_BRACE) {
	          braces++;
	          continue;
	        }

	        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (braceEscaped !== true && code === CHAR_COMMA) {
	          isBrace = token.isBrace = true;
	          isGlob = token.isGlob = true;
	          finished = true;

	          if (scanToEnd === true) {
	            continue;
	          }

	          break;
	        }

	        if (code === CHAR_RIGHT_CURLY_BRACE) {
	          braces--;

	          if (braces === 0) {
	            braceEscaped = false;
	            isBrace = token.isBrace = true;
	            finished = true;
	            break;
	          }
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (code === CHAR_FORWARD_SLASH) {
	      slashes.push(index);
	      tokens.push(token);
	      token = { value: '', depth: 0, isGlob: false };

	      if (finished === true) continue;
	      if (prev === CHAR_DOT && index === (start + 1)) {
	        start += 2;
	        continue;
	      }

	      lastIndex = index + 1;
	      continue;
	    }

	    if (opts.noext !== true) {
	      const isExtglobChar = code === CHAR_PLUS
	        || code === CHAR_AT
	        || code === CHAR_ASTERISK
	        || code === CHAR_QUESTION_MARK
	        || code === CHAR_EXCLAMATION_MARK;

	      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
	        isGlob = token.isGlob = true;
	        isExtglob = token.isExtglob = true;
	        finished = true;
	        if (code === CHAR_EXCLAMATION_MARK && index === start) {
	          negatedExtglob = true;
	        }

	        if (scanToEnd === true) {
	          let parens = 0;

	          while (eos() !== true && (code = advance())) {
	            if (code === CHAR_BACKWARD_SLASH) {
	              backslashes = token.backslashes = true;
	              advance();
	              continue;
	            }

	            if (code === CHAR_LEFT_PARENTHESES) {
	              parens++;
	              continue;
	            }

	            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	              finished = true;
	              break;
	            }
	          }
	          continue;
	        }
	        break;
	      }
	    }

	    if (code === CHAR_ASTERISK) {
	      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_QUESTION_MARK) {
	      isGlob = token.isGlob = true;
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }
	      break;
	    }

	    if (code === CHAR_LEFT_SQUARE_BRACKET) {
	      while (eos() !== true && (next = advance())) {
	        if (next === CHAR_BACKWARD_SLASH) {
	          backslashes = token.backslashes = true;
	          advance();
	          continue;
	        }

	        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
	          isBracket = token.isBracket = true;
	          isGlob = token.isGlob = true;
	          finished = true;
	          break;
	        }
	      }

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }

	    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
	      negated = token.negated = true;
	      start++;
	      continue;
	    }

	    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
	      isGlob = token.isGlob = true;

	      if (scanToEnd === true) {
	        let parens = 1;

	        while (eos() !== true && (code = advance())) {
	          if (code === CHAR_BACKWARD_SLASH) {
	            backslashes = token.backslashes = true;
	            advance();
	            continue;
	          }

	          if (code === CHAR_LEFT_PARENTHESES) {
	            parens++;
	            continue;
	          }

	          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
	            finished = true;
	            break;
	          }
	        }
	        continue;
	      }
	      break;
	    }

	    if (isGlob === true) {
	      finished = true;

	      if (scanToEnd === true) {
	        continue;
	      }

	      break;
	    }
	  }

	  if (opts.noext === true) {
	    isExtglob = false;
	    isGlob = false;
	  }

	  let base = str;
	  let prefix = '';
	  let glob = '';

	  if (start > 0) {
	    prefix = str.slice(0, start);
	    str = str.slice(start);
	    lastIndex -= start;
	  }

	  if (base && isGlob === true && lastIndex > 0) {
	    base = str.slice(0, lastIndex);
	    glob = str.slice(lastIndex);
	  } else if (isGlob === true) {
	    base = '';
	    glob = str;
	  } else {
	    base = str;
	  }

	  if (base && base !== '' && base !== '/' && base !== str) {
	    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
	      base = base.slice(0, -1);
	    }
	  }

	  if (opts.unescape === true) {
	    if (glob) glob = utils.removeBackslashes(glob);

	    if (base && backslashes === true) {
	      base = utils.removeBackslashes(base);
	    }
	  }

	  const state = {
	    prefix,
	    input,
	    start,
	    base,
	    glob,
	    isBrace,
	    isBracket,
	    isGlob,
	    isExtglob,
	    isGlobstar,
	    negated,
	    negatedExtglob
	  };

	  if (opts.tokens === true) {
	    state.maxDepth = 0;
	    if (!isPathSeparator(code)) {
	      tokens.push(token);
	    }
	    state.tokens = tokens;
	  }

	  if (opts.parts === true || opts.tokens === true) {
	    let prevIndex;

	    for (let idx = 0; idx < slashes.length; idx++) {
	      const n = prevIndex !== undefined ? prevIndex + 1 : start;
	      const i = slashes[idx];
	      const value = input.slice(n, i);
	      if (opts.tokens) {
	        if (idx === 0 && start !== 0) {
	          tokens[idx].isPrefix = true;
	          tokens[idx].value = prefix;
	        } else {
	          tokens[idx].value = value;
	        }
	        depth(tokens[idx]);
	        state.maxDepth += tokens[idx].depth;
	      }
	      if (i >= start) {
	        parts.push(value);
	        prevIndex = i;
	      }
	    }

	    const n = prevIndex !== undefined ? prevIndex + 1 : start;
	    const value = input.slice(n);
	    parts.push(value);

	    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
	      tokens[tokens.length - 1].value = value;
	      depth(tokens[tokens.length - 1]);
	      state.maxDepth += tokens[tokens.length - 1].depth;
	    }

	    state.slashes = slashes;
	    state.parts = parts;
	  }

	  return state;
	};

	scan_1 = scan;
	return scan_1;
}

var parse_1;
var hasRequiredParse;

function requireParse () {
	if (hasRequiredParse) return parse_1;
	hasRequiredParse = 1;

	const constants = /*@__PURE__*/ requireConstants();
	const utils = /*@__PURE__*/ requireUtils();

	/**
	 * Constants
	 */

	const {
	  MAX_LENGTH,
	  POSIX_REGEX_SOURCE,
	  REGEX_NON_SPECIAL_CHARS,
	  REGEX_SPECIAL_CHARS_BACKREF,
	  REPLACEMENTS
	} = constants;

	/**
	 * Helpers
	 */

	const expandRange = (args, options) => {
	  if (typeof options.expandRange === 'function') {
	    return options.expandRange(...args, options);
	  }

	  args.sort();
	  const value = `[${args.join('-')}]`;

	  try {
	    /* eslint-disable-next-line no-new */
	    new RegExp(value);
	  } catch (ex) {
	    return args.map(v => utils.escapeRegex(v)).join('..');
	  }

	  return value;
	};

	/**
	 * Create the message for a syntax error
	 */

	const syntaxError = (type, char) => {
	  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
	};

	const splitTopLevel = input => {
	  const parts = [];
	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let value = '';
	  let escaped = false;

	  for (const ch of input) {
	    if (escaped === true) {
	      value += ch;
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      value += ch;
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      value += ch;
	      continue;
	    }

	    if (quote === 0) {
	      if (ch === '[') {
	        bracket++;
	      } else if (ch === ']' && bracket > 0) {
	        bracket--;
	      } else if (bracket === 0) {
	        if (ch === '(') {
	          paren++;
	        } else if (ch === ')' && paren > 0) {
	          paren--;
	        } else if (ch === '|' && paren === 0) {
	          parts.push(value);
	          value = '';
	          continue;
	        }
	      }
	    }

	    value += ch;
	  }

	  parts.push(value);
	  return parts;
	};

	const isPlainBranch = branch => {
	  let escaped = false;

	  for (const ch of branch) {
	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (/[?*+@!()[\]{}]/.test(ch)) {
	      return false;
	    }
	  }

	  return true;
	};

	const normalizeSimpleBranch = branch => {
	  let value = branch.trim();
	  let changed = true;

	  while (changed === true) {
	    changed = false;

	    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
	      value = value.slice(2, -1);
	      changed = true;
	    }
	  }

	  if (!isPlainBranch(value)) {
	    return;
	  }

	  return value.replace(/\\(.)/g, '$1');
	};

	const hasRepeatedCharPrefixOverlap = branches => {
	  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

	  for (let i = 0; i < values.length; i++) {
	    for (let j = i + 1; j < values.length; j++) {
	      const a = values[i];
	      const b = values[j];
	      const char = a[0];

	      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
	        continue;
	      }

	      if (a === b || a.startsWith(b) || b.startsWith(a)) {
	        return true;
	      }
	    }
	  }

	  return false;
	};

	const parseRepeatedExtglob = (pattern, requireEnd = true) => {
	  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
	    return;
	  }

	  let bracket = 0;
	  let paren = 0;
	  let quote = 0;
	  let escaped = false;

	  for (let i = 1; i < pattern.length; i++) {
	    const ch = pattern[i];

	    if (escaped === true) {
	      escaped = false;
	      continue;
	    }

	    if (ch === '\\') {
	      escaped = true;
	      continue;
	    }

	    if (ch === '"') {
	      quote = quote === 1 ? 0 : 1;
	      continue;
	    }

	    if (quote === 1) {
	      continue;
	    }

	    if (ch === '[') {
	      bracket++;
	      continue;
	    }

	    if (ch === ']' && bracket > 0) {
	      bracket--;
	      continue;
	    }

	    if (bracket > 0) {
	      continue;
	    }

	    if (ch === '(') {
	      paren++;
	      continue;
	    }

	    if (ch === ')') {
	      paren--;

	      if (paren === 0) {
	        if (requireEnd === true && i !== pattern.length - 1) {
	          return;
	        }

	        return {
	          type: pattern[0],
	          body: pattern.slice(2, i),
	          end: i
	        };
	      }
	    }
	  }
	};

	const buildCharClassStar = chars => {
	  const source = chars.length === 1
	    ? utils.escapeRegex(chars[0])
	    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

	  return `${source}*`;
	};

	const getStarExtglobSequenceChars = pattern => {
	  let index = 0;
	  const chars = [];

	  while (index < pattern.length) {
	    const match = parseRepeatedExtglob(pattern.slice(index), false);

	    if (!match || match.type !== '*') {
	      return;
	    }

	    const branches = splitTopLevel(match.body).map(branch => branch.trim());
	    if (branches.length !== 1) {
	      return;
	    }

	    const branch = normalizeSimpleBranch(branches[0]);
	    if (!branch || branch.length !== 1) {
	      return;
	    }

	    chars.push(branch);
	    index += match.end + 1;
	  }

	  if (chars.length < 1) {
	    return;
	  }

	  return chars;
	};

	const repeatedExtglobRecursion = pattern => {
	  let depth = 0;
	  let value = pattern.trim();
	  let match = parseRepeatedExtglob(value);

	  while (match) {
	    depth++;
	    value = match.body.trim();
	    match = parseRepeatedExtglob(value);
	  }

	  return depth;
	};

	const analyzeRepeatedExtglob = (body, options) => {
	  if (options.maxExtglobRecursion === false) {
	    return { risky: false };
	  }

	  const max =
	    typeof options.maxExtglobRecursion === 'number'
	      ? options.maxExtglobRecursion
	      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

	  const branches = splitTopLevel(body).map(branch => branch.trim());

	  if (branches.length > 1) {
	    if (
	      branches.some(branch => branch === '') ||
	      branches.some(branch => /^[*?]+$/.test(branch)) ||
	      hasRepeatedCharPrefixOverlap(branches)
	    ) {
	      return { risky: true };
	    }
	  }

	  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
	  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
	  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
	  // characters we can emit one flat, ReDoS-safe character class that preserves the
	  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
	  // every branch but the first.
	  const safeChars = [];
	  let sawStarSequence = false;
	  let combinable = true;

	  for (const branch of branches) {
	    const chars = getStarExtglobSequenceChars(branch);
	    if (chars) {
	      sawStarSequence = true;
	      safeChars.push(...chars);
	      continue;
	    }

	    const literal = normalizeSimpleBranch(branch);
	    if (literal && literal.length === 1) {
	      safeChars.push(literal);
	      continue;
	    }

	    combinable = false;

	    if (repeatedExtglobRecursion(branch) > max) {
	      return { risky: true };
	    }
	  }

	  if (sawStarSequence) {
	    return combinable
	      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
	      : { risky: true };
	  }

	  return { risky: false };
	};

	/**
	 * Parse the given input string.
	 * @param {String} input
	 * @param {Object} options
	 * @return {Object}
	 */

	const parse = (input, options) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected a string');
	  }

	  input = REPLACEMENTS[input] || input;

	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

	  let len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
	  const tokens = [bos];

	  const capture = opts.capture ? '' : '?:';

	  // create constants based on platform, for windows or posix
	  const PLATFORM_CHARS = constants.globChars(opts.windows);
	  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

	  const {
	    DOT_LITERAL,
	    PLUS_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOT_SLASH,
	    NO_DOTS_SLASH,
	    QMARK,
	    QMARK_NO_DOT,
	    STAR,
	    START_ANCHOR
	  } = PLATFORM_CHARS;

	  const globstar = opts => {
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const nodot = opts.dot ? '' : NO_DOT;
	  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
	  let star = opts.bash === true ? globstar(opts) : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  // minimatch options support
	  if (typeof opts.noext === 'boolean') {
	    opts.noextglob = opts.noext;
	  }

	  const state = {
	    input,
	    index: -1,
	    start: 0,
	    dot: opts.dot === true,
	    consumed: '',
	    output: '',
	    prefix: '',
	    backtrack: false,
	    negated: false,
	    brackets: 0,
	    braces: 0,
	    parens: 0,
	    quotes: 0,
	    globstar: false,
	    tokens
	  };

	  input = utils.removePrefix(input, state);
	  len = input.length;

	  const extglobs = [];
	  const braces = [];
	  const stack = [];
	  let prev = bos;
	  let value;

	  /**
	   * Tokenizing helpers
	   */

	  const eos = () => state.index === len - 1;
	  const peek = state.peek = (n = 1) => input[state.index + n];
	  const advance = state.advance = () => input[++state.index] || '';
	  const remaining = () => input.slice(state.index + 1);
	  const consume = (value = '', num = 0) => {
	    state.consumed += value;
	    state.index += num;
	  };

	  const append = token => {
	    state.output += token.output != null ? token.output : token.value;
	    consume(token.value);
	  };

	  const negate = () => {
	    let count = 1;

	    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
	      advance();
	      state.start++;
	      count++;
	    }

	    if (count % 2 === 0) {
	      return false;
	    }

	    state.negated = true;
	    state.start++;
	    return true;
	  };

	  const increment = type => {
	    state[type]++;
	    stack.push(type);
	  };

	  const decrement = type => {
	    state[type]--;
	    stack.pop();
	  };

	  /**
	   * Push tokens onto the tokens array. This helper speeds up
	   * tokenizing by 1) helping us avoid backtracking as much as possible,
	   * and 2) helping us avoid creating extra tokens when consecutive
	   * characters are plain text. This improves performance and simplifies
	   * lookbehinds.
	   */

	  const push = tok => {
	    if (prev.type === 'globstar') {
	      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
	      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

	      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
	        state.output = state.output.slice(0, -prev.output.length);
	        prev.type = 'star';
	        prev.value = '*';
	        prev.output = star;
	        state.output += prev.output;
	      }
	    }

	    if (extglobs.length && tok.type !== 'paren') {
	      extglobs[extglobs.length - 1].inner += tok.value;
	    }

	    if (tok.value || tok.output) append(tok);
	    if (prev && prev.type === 'text' && tok.type === 'text') {
	      prev.output = (prev.output || prev.value) + tok.value;
	      prev.value += tok.value;
	      return;
	    }

	    tok.prev = prev;
	    tokens.push(tok);
	    prev = tok;
	  };

	  const extglobOpen = (type, value) => {
	    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

	    token.prev = prev;
	    token.parens = state.parens;
	    token.output = state.output;
	    token.startIndex = state.index;
	    token.tokensIndex = tokens.length;
	    const output = (opts.capture ? '(' : '') + token.open;

	    increment('parens');
	    push({ type, value, output: state.output ? '' : ONE_CHAR });
	    push({ type: 'paren', extglob: true, value: advance(), output });
	    extglobs.push(token);
	  };

	  const extglobClose = token => {
	    const literal = input.slice(token.startIndex, state.index + 1);
	    const body = input.slice(token.startIndex + 2, state.index);
	    const analysis = analyzeRepeatedExtglob(body, opts);

	    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
	      const safeOutput = analysis.safeOutput
	        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
	        : undefined;
	      const open = tokens[token.tokensIndex];

	      open.type = 'text';
	      open.value = literal;
	      open.output = safeOutput || utils.escapeRegex(literal);

	      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
	        tokens[i].value = '';
	        tokens[i].output = '';
	        delete tokens[i].suffix;
	      }

	      state.output = token.output + open.output;
	      state.backtrack = true;

	      push({ type: 'paren', extglob: true, value, output: '' });
	      decrement('parens');
	      return;
	    }

	    let output = token.close + (opts.capture ? ')' : '');
	    let rest;

	    if (token.type === 'negate') {
	      let extglobStar = star;

	      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
	        extglobStar = globstar(opts);
	      }

	      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
	        output = token.close = `)$))${extglobStar}`;
	      }

	      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
	        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
	        // In this case, we need to parse the string and use it in the output of the original pattern.
	        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
	        //
	        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
	        const expression = parse(rest, { ...options, fastpaths: false }).output;

	        output = token.close = `)${expression})${extglobStar})`;
	      }

	      if (token.prev.type === 'bos') {
	        state.negatedExtglob = true;
	      }
	    }

	    push({ type: 'paren', extglob: true, value, output });
	    decrement('parens');
	  };

	  /**
	   * Fast paths
	   */

	  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
	    let backslashes = false;

	    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
	      if (first === '\\') {
	        backslashes = true;
	        return m;
	      }

	      if (first === '?') {
	        if (esc) {
	          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        if (index === 0) {
	          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
	        }
	        return QMARK.repeat(chars.length);
	      }

	      if (first === '.') {
	        return DOT_LITERAL.repeat(chars.length);
	      }

	      if (first === '*') {
	        if (esc) {
	          return esc + first + (rest ? star : '');
	        }
	        return star;
	      }
	      return esc ? m : `\\${m}`;
	    });

	    if (backslashes === true) {
	      if (opts.unescape === true) {
	        output = output.replace(/\\/g, '');
	      } else {
	        output = output.replace(/\\+/g, m => {
	          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
	        });
	      }
	    }

	    if (output === input && opts.contains === true) {
	      state.output = input;
	      return state;
	    }

	    state.output = utils.wrapOutput(output, state, options);
	    return state;
	  }

	  /**
	   * Tokenize input until we reach end-of-string
	   */

	  while (!eos()) {
	    value = advance();

	    if (value === '\u0000') {
	      continue;
	    }

	    /**
	     * Escaped characters
	     */

	    if (value === '\\') {
	      const next = peek();

	      if (next === '/' && opts.bash !== true) {
	        continue;
	      }

	      if (next === '.' || next === ';') {
	        continue;
	      }

	      if (!next) {
	        value += '\\';
	        push({ type: 'text', value });
	        continue;
	      }

	      // collapse slashes to reduce potential for exploits
	      const match = /^\\+/.exec(remaining());
	      let slashes = 0;

	      if (match && match[0].length > 2) {
	        slashes = match[0].length;
	        state.index += slashes;
	        if (slashes % 2 !== 0) {
	          value += '\\';
	        }
	      }

	      if (opts.unescape === true) {
	        value = advance();
	      } else {
	        value += advance();
	      }

	      if (state.brackets === 0) {
	        push({ type: 'text', value });
	        continue;
	      }
	    }

	    /**
	     * If we're inside a regex character class, continue
	     * until we reach the closing bracket.
	     */

	    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
	      if (opts.posix !== false && value === ':') {
	        const inner = prev.value.slice(1);
	        if (inner.includes('[')) {
	          prev.posix = true;

	          if (inner.includes(':')) {
	            const idx = prev.value.lastIndexOf('[');
	            const pre = prev.value.slice(0, idx);
	            const rest = prev.value.slice(idx + 2);
	            const posix = POSIX_REGEX_SOURCE[rest];
	            if (posix) {
	              prev.value = pre + posix;
	              state.backtrack = true;
	              advance();

	              if (!bos.output && tokens.indexOf(prev) === 1) {
	                bos.output = ONE_CHAR;
	              }
	              continue;
	            }
	          }
	        }
	      }

	      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
	        value = `\\${value}`;
	      }

	      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
	        value = `\\${value}`;
	      }

	      if (opts.posix === true && value === '!' && prev.value === '[') {
	        value = '^';
	      }

	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * If we're inside a quoted string, continue
	     * until we reach the closing double quote.
	     */

	    if (state.quotes === 1 && value !== '"') {
	      value = utils.escapeRegex(value);
	      prev.value += value;
	      append({ value });
	      continue;
	    }

	    /**
	     * Double quotes
	     */

	    if (value === '"') {
	      state.quotes = state.quotes === 1 ? 0 : 1;
	      if (opts.keepQuotes === true) {
	        push({ type: 'text', value });
	      }
	      continue;
	    }

	    /**
	     * Parentheses
	     */

	    if (value === '(') {
	      increment('parens');
	      push({ type: 'paren', value });
	      continue;
	    }

	    if (value === ')') {
	      if (state.parens === 0 && opts.strictBrackets === true) {
	        throw new SyntaxError(syntaxError('opening', '('));
	      }

	      const extglob = extglobs[extglobs.length - 1];
	      if (extglob && state.parens === extglob.parens + 1) {
	        extglobClose(extglobs.pop());
	        continue;
	      }

	      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
	      decrement('parens');
	      continue;
	    }

	    /**
	     * Square brackets
	     */

	    if (value === '[') {
	      if (opts.nobracket === true || !remaining().includes(']')) {
	        if (opts.nobracket !== true && opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('closing', ']'));
	        }

	        value = `\\${value}`;
	      } else {
	        increment('brackets');
	      }

	      push({ type: 'bracket', value });
	      continue;
	    }

	    if (value === ']') {
	      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      if (state.brackets === 0) {
	        if (opts.strictBrackets === true) {
	          throw new SyntaxError(syntaxError('opening', '['));
	        }

	        push({ type: 'text', value, output: `\\${value}` });
	        continue;
	      }

	      decrement('brackets');

	      const prevValue = prev.value.slice(1);
	      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
	        value = `/${value}`;
	      }

	      prev.value += value;
	      append({ value });

	      // when literal brackets are explicitly disabled
	      // assume we should match with a regex character class
	      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
	        continue;
	      }

	      const escaped = utils.escapeRegex(prev.value);
	      state.output = state.output.slice(0, -prev.value.length);

	      // when literal brackets are explicitly enabled
	      // assume we should escape the brackets to match literal characters
	      if (opts.literalBrackets === true) {
	        state.output += escaped;
	        prev.value = escaped;
	        continue;
	      }

	      // when the user specifies nothing, try to match both
	      prev.value = `(${capture}${escaped}|${prev.value})`;
	      state.output += prev.value;
	      continue;
	    }

	    /**
	     * Braces
	     */

	    if (value === '{' && opts.nobrace !== true) {
	      increment('braces');

	      const open = {
	        type: 'brace',
	        value,
	        output: '(',
	        outputIndex: state.output.length,
	        tokensIndex: state.tokens.length
	      };

	      braces.push(open);
	      push(open);
	      continue;
	    }

	    if (value === '}') {
	      const brace = braces[braces.length - 1];

	      if (opts.nobrace === true || !brace) {
	        push({ type: 'text', value, output: value });
	        continue;
	      }

	      let output = ')';

	      if (brace.dots === true) {
	        const arr = tokens.slice();
	        const range = [];

	        for (let i = arr.length - 1; i >= 0; i--) {
	          tokens.pop();
	          if (arr[i].type === 'brace') {
	            break;
	          }
	          if (arr[i].type !== 'dots') {
	            range.unshift(arr[i].value);
	          }
	        }

	        output = expandRange(range, opts);
	        state.backtrack = true;
	      }

	      if (brace.comma !== true && brace.dots !== true) {
	        const out = state.output.slice(0, brace.outputIndex);
	        const toks = state.tokens.slice(brace.tokensIndex);
	        brace.value = brace.output = '\\{';
	        value = output = '\\}';
	        state.output = out;
	        for (const t of toks) {
	          state.output += (t.output || t.value);
	        }
	      }

	      push({ type: 'brace', value, output });
	      decrement('braces');
	      braces.pop();
	      continue;
	    }

	    /**
	     * Pipes
	     */

	    if (value === '|') {
	      if (extglobs.length > 0) {
	        extglobs[extglobs.length - 1].conditions++;
	      }
	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Commas
	     */

	    if (value === ',') {
	      let output = value;

	      const brace = braces[braces.length - 1];
	      if (brace && stack[stack.length - 1] === 'braces') {
	        brace.comma = true;
	        output = '|';
	      }

	      push({ type: 'comma', value, output });
	      continue;
	    }

	    /**
	     * Slashes
	     */

	    if (value === '/') {
	      // if the beginning of the glob is "./", advance the start
	      // to the current index, and don't add the "./" characters
	      // to the state. This greatly simplifies lookbehinds when
	      // checking for BOS characters like "!" and "." (not "./")
	      if (prev.type === 'dot' && state.index === state.start + 1) {
	        state.start = state.index + 1;
	        state.consumed = '';
	        state.output = '';
	        tokens.pop();
	        prev = bos; // reset "prev" to the first token
	        continue;
	      }

	      push({ type: 'slash', value, output: SLASH_LITERAL });
	      continue;
	    }

	    /**
	     * Dots
	     */

	    if (value === '.') {
	      if (state.braces > 0 && prev.type === 'dot') {
	        if (prev.value === '.') prev.output = DOT_LITERAL;
	        const brace = braces[braces.length - 1];
	        prev.type = 'dots';
	        prev.output += value;
	        prev.value += value;
	        brace.dots = true;
	        continue;
	      }

	      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
	        push({ type: 'text', value, output: DOT_LITERAL });
	        continue;
	      }

	      push({ type: 'dot', value, output: DOT_LITERAL });
	      continue;
	    }

	    /**
	     * Question marks
	     */

	    if (value === '?') {
	      const isGroup = prev && prev.value === '(';
	      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('qmark', value);
	        continue;
	      }

	      if (prev && prev.type === 'paren') {
	        const next = peek();
	        let output = value;

	        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
	          output = `\\${value}`;
	        }

	        push({ type: 'text', value, output });
	        continue;
	      }

	      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
	        push({ type: 'qmark', value, output: QMARK_NO_DOT });
	        continue;
	      }

	      push({ type: 'qmark', value, output: QMARK });
	      continue;
	    }

	    /**
	     * Exclamation
	     */

	    if (value === '!') {
	      if (opts.noextglob !== true && peek() === '(') {
	        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
	          extglobOpen('negate', value);
	          continue;
	        }
	      }

	      if (opts.nonegate !== true && state.index === 0) {
	        negate();
	        continue;
	      }
	    }

	    /**
	     * Plus
	     */

	    if (value === '+') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        extglobOpen('plus', value);
	        continue;
	      }

	      if ((prev && prev.value === '(') || opts.regex === false) {
	        push({ type: 'plus', value, output: PLUS_LITERAL });
	        continue;
	      }

	      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
	        push({ type: 'plus', value });
	        continue;
	      }

	      push({ type: 'plus', value: PLUS_LITERAL });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value === '@') {
	      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
	        push({ type: 'at', extglob: true, value, output: '' });
	        continue;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Plain text
	     */

	    if (value !== '*') {
	      if (value === '$' || value === '^') {
	        value = `\\${value}`;
	      }

	      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
	      if (match) {
	        value += match[0];
	        state.index += match[0].length;
	      }

	      push({ type: 'text', value });
	      continue;
	    }

	    /**
	     * Stars
	     */

	    if (prev && (prev.type === 'globstar' || prev.star === true)) {
	      prev.type = 'star';
	      prev.star = true;
	      prev.value += value;
	      prev.output = star;
	      state.backtrack = true;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    let rest = remaining();
	    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
	      extglobOpen('star', value);
	      continue;
	    }

	    if (prev.type === 'star') {
	      if (opts.noglobstar === true) {
	        consume(value);
	        continue;
	      }

	      const prior = prev.prev;
	      const before = prior.prev;
	      const isStart = prior.type === 'slash' || prior.type === 'bos';
	      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

	      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
	      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
	      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
	        push({ type: 'star', value, output: '' });
	        continue;
	      }

	      // strip consecutive `/**/`
	      while (rest.slice(0, 3) === '/**') {
	        const after = input[state.index + 4];
	        if (after && after !== '/') {
	          break;
	        }
	        rest = rest.slice(3);
	        consume('/**', 3);
	      }

	      // A globstar followed only by balanced closing parens is at the logical end of patterns like
	      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
	      // parent path, except in negated extglobs where that would change the exclusion semantics.
	      const isEnd = eos() || (
	        state.parens > 0
	        && rest === ')'.repeat(state.parens)
	        && !extglobs.some(extglob => extglob.type === 'negate')
	      );

	      if (prior.type === 'bos' && eos()) {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = globstar(opts);
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
	        prev.value += value;
	        state.globstar = true;
	        state.output += prior.output + prev.output;
	        consume(value);
	        continue;
	      }

	      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
	        const end = rest[1] !== void 0 ? '|$' : '';

	        state.output = state.output.slice(0, -(prior.output + prev.output).length);
	        prior.output = `(?:${prior.output}`;

	        prev.type = 'globstar';
	        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
	        prev.value += value;

	        state.output += prior.output + prev.output;
	        state.globstar = true;

	        consume(value + advance());

	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      if (prior.type === 'bos' && rest[0] === '/') {
	        prev.type = 'globstar';
	        prev.value += value;
	        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
	        state.output = prev.output;
	        state.globstar = true;
	        consume(value + advance());
	        push({ type: 'slash', value: '/', output: '' });
	        continue;
	      }

	      // remove single star from output
	      state.output = state.output.slice(0, -prev.output.length);

	      // reset previous token to globstar
	      prev.type = 'globstar';
	      prev.output = globstar(opts);
	      prev.value += value;

	      // reset output with globstar
	      state.output += prev.output;
	      state.globstar = true;
	      consume(value);
	      continue;
	    }

	    const token = { type: 'star', value, output: star };

	    if (opts.bash === true) {
	      token.output = '.*?';
	      if (prev.type === 'bos' || prev.type === 'slash') {
	        token.output = nodot + token.output;
	      }
	      push(token);
	      continue;
	    }

	    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
	      token.output = value;
	      push(token);
	      continue;
	    }

	    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
	      if (prev.type === 'dot') {
	        state.output += NO_DOT_SLASH;
	        prev.output += NO_DOT_SLASH;

	      } else if (opts.dot === true) {
	        state.output += NO_DOTS_SLASH;
	        prev.output += NO_DOTS_SLASH;

	      } else {
	        state.output += nodot;
	        prev.output += nodot;
	      }

	      if (peek() !== '*') {
	        state.output += ONE_CHAR;
	        prev.output += ONE_CHAR;
	      }
	    }

	    push(token);
	  }

	  while (state.brackets > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
	    state.output = utils.escapeLast(state.output, '[');
	    decrement('brackets');
	  }

	  while (state.parens > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
	    state.output = utils.escapeLast(state.output, '(');
	    decrement('parens');
	  }

	  while (state.braces > 0) {
	    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
	    state.output = utils.escapeLast(state.output, '{');
	    decrement('braces');
	  }

	  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
	    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
	  }

	  // rebuild the output if we had to backtrack at any point
	  if (state.backtrack === true) {
	    state.output = '';

	    for (const token of state.tokens) {
	      state.output += token.output != null ? token.output : token.value;

	      if (token.suffix) {
	        state.output += token.suffix;
	      }
	    }
	  }

	  return state;
	};

	/**
	 * Fast paths for creating regular expressions for common glob patterns.
	 * This can significantly speed up processing and has very little downside
	 * impact when none of the fast paths match.
	 */

	parse.fastpaths = (input, options) => {
	  const opts = { ...options };
	  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
	  const len = input.length;
	  if (len > max) {
	    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
	  }

	  input = REPLACEMENTS[input] || input;

	  // create constants based on platform, for windows or posix
	  const {
	    DOT_LITERAL,
	    SLASH_LITERAL,
	    ONE_CHAR,
	    DOTS_SLASH,
	    NO_DOT,
	    NO_DOTS,
	    NO_DOTS_SLASH,
	    STAR,
	    START_ANCHOR
	  } = constants.globChars(opts.windows);

	  const nodot = opts.dot ? NO_DOTS : NO_DOT;
	  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
	  const capture = opts.capture ? '' : '?:';
	  const state = { negated: false, prefix: '' };
	  let star = opts.bash === true ? '.*?' : STAR;

	  if (opts.capture) {
	    star = `(${star})`;
	  }

	  const globstar = opts => {
	    if (opts.noglobstar === true) return star;
	    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
	  };

	  const create = str => {
	    switch (str) {
	      case '*':
	        return `${nodot}${ONE_CHAR}${star}`;

	      case '.*':
	        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*.*':
	        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '*/*':
	        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

	      case '**':
	        return nodot + globstar(opts);

	      case '**/*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

	      case '**/*.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

	      case '**/.*':
	        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

	      default: {
	        const match = /^(.*?)\.(\w+)$/.exec(str);
	        if (!match) return;

	        const source = create(match[1]);
	        if (!source) return;

	        return source + DOT_LITERAL + match[2];
	      }
	    }
	  };

	  const output = utils.removePrefix(input, state);
	  let source = create(output);

	  if (source && opts.strictSlashes !== true) {
	    source += `${SLASH_LITERAL}?`;
	  }

	  return source;
	};

	parse_1 = parse;
	return parse_1;
}

var picomatch_1$1;
var hasRequiredPicomatch$1;

function requirePicomatch$1 () {
	if (hasRequiredPicomatch$1) return picomatch_1$1;
	hasRequiredPicomatch$1 = 1;

	const scan = /*@__PURE__*/ requireScan();
	const parse = /*@__PURE__*/ requireParse();
	const utils = /*@__PURE__*/ requireUtils();
	const constants = /*@__PURE__*/ requireConstants();
	const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

	/**
	 * Creates a matcher function from one or more glob patterns. The
	 * returned function takes a string to match as its first argument,
	 * and returns true if the string is a match. The returned matcher
	 * function also takes a boolean as the second argument that, when true,
	 * returns an object with additional information.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch(glob[, options]);
	 *
	 * const isMatch = picomatch('*.!(*a)');
	 * console.log(isMatch('a.a')); //=> false
	 * console.log(isMatch('a.b')); //=> true
	 *
	 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
	 * const picomatch = require('picomatch/posix');
	 * // the same API, defaulting to posix paths
	 * const isMatch = picomatch('a/*');
	 * console.log(isMatch('a\\b')); //=> false
	 * console.log(isMatch('a/b')); //=> true
	 *
	 * // you can still configure the matcher function to accept windows paths
	 * const isMatch = picomatch('a/*', { options: windows });
	 * console.log(isMatch('a\\b')); //=> true
	 * console.log(isMatch('a/b')); //=> true
	 * ```
	 * @name picomatch
	 * @param {String|Array} `globs` One or more glob patterns.
	 * @param {Object=} `options`
	 * @return {Function=} Returns a matcher function.
	 * @api public
	 */

	const picomatch = (glob, options, returnState = false) => {
	  if (Array.isArray(glob)) {
	    const fns = glob.map(input => picomatch(input, options, returnState));
	    const arrayMatcher = str => {
	      for (const isMatch of fns) {
	        const state = isMatch(str);
	        if (state) return state;
	      }
	      return false;
	    };
	    return arrayMatcher;
	  }

	  const isState = isObject(glob) && glob.tokens && glob.input;

	  if (glob === '' || (typeof glob !== 'string' && !isState)) {
	    throw new TypeError('Expected pattern to be a non-empty string');
	  }

	  const opts = options || {};
	  const posix = opts.windows;
	  const regex = isState
	    ? picomatch.compileRe(glob, options)
	    : picomatch.makeRe(glob, options, false, true);

	  const state = regex.state;
	  delete regex.state;

	  let isIgnored = () => false;
	  if (opts.ignore) {
	    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
	    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
	  }

	  const matcher = (input, returnObject = false) => {
	    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
	    const result = { glob, state, regex, posix, input, output, match, isMatch };

	    if (typeof opts.onResult === 'function') {
	      opts.onResult(result);
	    }

	    if (isMatch === false) {
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (isIgnored(input)) {
	      if (typeof opts.onIgnore === 'function') {
	        opts.onIgnore(result);
	      }
	      result.isMatch = false;
	      return returnObject ? result : false;
	    }

	    if (typeof opts.onMatch === 'function') {
	      opts.onMatch(result);
	    }
	    return returnObject ? result : true;
	  };

	  if (returnState) {
	    matcher.state = state;
	  }

	  return matcher;
	};

	/**
	 * Test `input` with the given `regex`. This is used by the main
	 * `picomatch()` function to test the input string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.test(input, regex[, options]);
	 *
	 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
	 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp} `regex`
	 * @return {Object} Returns an object with matching info.
	 * @api public
	 */

	picomatch.test = (input, regex, options, { glob, posix } = {}) => {
	  if (typeof input !== 'string') {
	    throw new TypeError('Expected input to be a string');
	  }

	  if (input === '') {
	    return { isMatch: false, output: '' };
	  }

	  const opts = options || {};
	  const format = opts.format || (posix ? utils.toPosixSlashes : null);
	  let match = input === glob;
	  let output = (match && format) ? format(input) : input;

	  if (match === false) {
	    output = format ? format(input) : input;
	    match = output === glob;
	  }

	  if (match === false || opts.capture === true) {
	    if (opts.matchBase === true || opts.basename === true) {
	      match = picomatch.matchBase(input, regex, options, posix);
	    } else {
	      match = regex.exec(output);
	    }
	  }

	  return { isMatch: Boolean(match), match, output };
	};

	/**
	 * Match the basename of a filepath.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.matchBase(input, glob[, options]);
	 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
	 * ```
	 * @param {String} `input` String to test.
	 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
	 * @return {Boolean}
	 * @api public
	 */

	picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
	  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
	  return regex.test(utils.basename(input, { windows: posix }));
	};

	/**
	 * Returns true if **any** of the given glob `patterns` match the specified `string`.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.isMatch(string, patterns[, options]);
	 *
	 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
	 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
	 * ```
	 * @param {String|Array} str The string to test.
	 * @param {String|Array} patterns One or more glob patterns to use for matching.
	 * @param {Object} [options] See available [options](#options).
	 * @return {Boolean} Returns true if any patterns match `str`
	 * @api public
	 */

	picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

	/**
	 * Parse a glob pattern to create the source string for a regular
	 * expression.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const result = picomatch.parse(pattern[, options]);
	 * ```
	 * @param {String} `pattern`
	 * @param {Object} `options`
	 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
	 * @api public
	 */

	picomatch.parse = (pattern, options) => {
	  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
	  return parse(pattern, { ...options, fastpaths: false });
	};

	/**
	 * Scan a glob pattern to separate the pattern into segments.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.scan(input[, options]);
	 *
	 * const result = picomatch.scan('!./foo/*.js');
	 * console.log(result);
	 * { prefix: '!./',
	 *   input: '!./foo/*.js',
	 *   start: 3,
	 *   base: 'foo',
	 *   glob: '*.js',
	 *   isBrace: false,
	 *   isBracket: false,
	 *   isGlob: true,
	 *   isExtglob: false,
	 *   isGlobstar: false,
	 *   negated: true }
	 * ```
	 * @param {String} `input` Glob pattern to scan.
	 * @param {Object} `options`
	 * @return {Object} Returns an object with
	 * @api public
	 */

	picomatch.scan = (input, options) => scan(input, options);

	/**
	 * Compile a regular expression from the `state` object returned by the
	 * [parse()](#parse) method.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * const state = picomatch.parse('*.js');
	 * // picomatch.compileRe(state[, options]);
	 *
	 * console.log(picomatch.compileRe(state));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {Object} `state`
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
	 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
	  if (returnOutput === true) {
	    return state.output;
	  }

	  const opts = options || {};
	  const prepend = opts.contains ? '' : '^';
	  const append = opts.contains ? '' : '$';

	  let source = `${prepend}(?:${state.output})${append}`;
	  if (state && state.negated === true) {
	    source = `^(?!${source}).*$`;
	  }

	  const regex = picomatch.toRegex(source, options);
	  if (returnState === true) {
	    regex.state = state;
	  }

	  return regex;
	};

	/**
	 * Create a regular expression from a parsed glob pattern.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.makeRe(state[, options]);
	 *
	 * const result = picomatch.makeRe('*.js');
	 * console.log(result);
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `state` The object returned from the `.parse` method.
	 * @param {Object} `options`
	 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
	 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
	 * @return {RegExp} Returns a regex created from the given pattern.
	 * @api public
	 */

	picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
	  if (!input || typeof input !== 'string') {
	    throw new TypeError('Expected a non-empty string');
	  }

	  let parsed = { negated: false, fastpaths: true };

	  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
	    parsed.output = parse.fastpaths(input, options);
	  }

	  if (!parsed.output) {
	    parsed = parse(input, options);
	  }

	  return picomatch.compileRe(parsed, options, returnOutput, returnState);
	};

	/**
	 * Create a regular expression from the given regex source string.
	 *
	 * ```js
	 * const picomatch = require('picomatch');
	 * // picomatch.toRegex(source[, options]);
	 *
	 * const { output } = picomatch.parse('*.js');
	 * console.log(picomatch.toRegex(output));
	 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
	 * ```
	 * @param {String} `source` Regular expression source string.
	 * @param {Object} `options`
	 * @return {RegExp}
	 * @api public
	 */

	picomatch.toRegex = (source, options) => {
	  try {
	    const opts = options || {};
	    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
	  } catch (err) {
	    if (options && options.debug === true) throw err;
	    return /$^/;
	  }
	};

	/**
	 * Picomatch constants.
	 * @return {Object}
	 */

	picomatch.constants = constants;

	/**
	 * Expose "picomatch"
	 */

	picomatch_1$1 = picomatch;
	return picomatch_1$1;
}

var picomatch_1;
var hasRequiredPicomatch;

function requirePicomatch () {
	if (hasRequiredPicomatch) return picomatch_1;
	hasRequiredPicomatch = 1;

	const pico = /*@__PURE__*/ requirePicomatch$1();
	const utils = /*@__PURE__*/ requireUtils();

	function picomatch(glob, options, returnState = false) {
	  // default to os.platform()
	  if (options && (options.windows === null || options.windows === undefined)) {
	    // don't mutate the original options object
	    options = { ...options, windows: utils.isWindows() };
	  }

	  return pico(glob, options, returnState);
	}

	Object.assign(picomatch, pico);
	picomatch_1 = picomatch;
	return picomatch_1;
}

var picomatchExports = /*@__PURE__*/ requirePicomatch();
var picomatch = /*@__PURE__*/getDefaultExportFromCjs$1(picomatchExports);

// Path matching that scales: every glob is compiled once and filed under its fixed directory
// prefix, so a path is tested only against the patterns anchored at one of its ancestors (plus the
// few with no fixed prefix). 100,000 paths x 2,000 globs costs a lookup per directory level, not
// a cross product.
// dot: dotfiles match; flags 's': a file name with a newline still matches `**` and `*`.
const GLOB_OPTIONS = { dot: true, flags: 's' };
/**
 * Canonical form of a pattern: an optional leading '!', no leading './'; a trailing '/' means a
 * directory, so `cfg/` is `cfg/**` (everything under cfg, not a file named cfg).
 */
function normalizeGlob(raw) {
    const negated = raw.startsWith('!');
    let body = negated ? raw.slice(1) : raw;
    while (body.startsWith('./'))
        body = body.slice(2);
    if (body.length > 1 && body.endsWith('/') && !body.endsWith('\\/'))
        body = `${body.replace(/\/+$/, '')}/**`;
    return (negated ? '!' : '') + body;
}
/** The scan of a pattern, its fixed base with escapes (`\[`) taken as the characters they name. */
function scanOf(pattern) {
    const scan = picomatch.scan(pattern);
    // Not picomatch's own unescape: it drops every backslash, `\\` (a backslash) included.
    const base = scan.isGlob ? scan.base : pattern;
    return {
        isGlob: scan.isGlob,
        glob: scan.glob,
        base: base.includes('\\') ? base.replace(/\\(.)/gs, '$1') : base
    };
}
/** Why a pattern is unusable, or undefined when it is fine. */
function checkGlob(raw) {
    const body = normalizeGlob(raw).replace(/^!/, '');
    if (body === '')
        return `'${raw}' is an empty pattern`;
    if (body.startsWith('!'))
        return `'${raw}' negates twice; write one '!'`;
    if (body.startsWith('/'))
        return `'${raw}' is absolute; patterns are relative to the repository root`;
    if (body.split('/').includes('..'))
        return `'${raw}' reaches outside the repository ('..')`;
    const unbalanced = firstUnbalanced(body);
    if (unbalanced)
        return `'${raw}' is not a valid glob: ${unbalanced}`;
    // Only extglobs and classes can still fail to compile; compiling every pattern costs a
    // noticeable share of a large graph's parse.
    if (/[([]/.test(body)) {
        try {
            picomatch.makeRe(body, GLOB_OPTIONS);
        }
        catch (e) {
            return `'${raw}' is not a valid glob: ${e.message}`;
        }
    }
    return undefined;
}
function firstUnbalanced(pattern) {
    const pairs = { '[': ']', '{': '}', '(': ')' };
    const closers = { ']': '[', '}': '{', ')': '(' };
    const stack = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            i++;
            continue;
        }
        if (stack[stack.length - 1] === '[') {
            if (c === ']' && pattern[i - 1] !== '[')
                stack.pop();
            continue;
        }
        if (pairs[c])
            stack.push(c);
        else if (closers[c]) {
            if (stack[stack.length - 1] !== closers[c])
                return `'${c}' without a matching '${closers[c]}'`;
            stack.pop();
        }
    }
    return stack.length > 0 ? `unclosed '${stack[stack.length - 1]}'` : undefined;
}
/**
 * A matcher for one pattern. A pattern without wildcards names a file or a directory: it matches
 * that path and everything under it, as a git pathspec does.
 */
function compilePattern(pattern) {
    const scan = scanOf(pattern);
    if (!scan.isGlob) {
        const literal = scan.base;
        return path => path === literal || path.startsWith(`${literal}/`);
    }
    return picomatch(pattern, GLOB_OPTIONS);
}
/**
 * The path a pattern names whole (`dir/**`, or a path without wildcards: it and everything under
 * it), or undefined when the pattern selects among files.
 */
function wholePathOf(pattern) {
    const scan = scanOf(pattern);
    return !scan.isGlob || scan.glob === '**' ? scan.base : undefined;
}
/** The fixed directory a pattern cannot match outside of ('' when it has none), unescaped. */
function anchorOf(pattern) {
    return scanOf(pattern).base;
}
class PathIndex {
    byAnchor = new Map();
    add(anchor, entry) {
        const list = this.byAnchor.get(anchor);
        if (list)
            list.push(entry);
        else
            this.byAnchor.set(anchor, [entry]);
    }
    /** A positive pattern (glob or literal path). */
    addPattern(pattern, target) {
        const scan = scanOf(pattern);
        // `dir/**` is everything under dir: a lookup, no regular expression to run.
        if (scan.isGlob && scan.glob === '**')
            this.add(scan.base, { target });
        else if (scan.isGlob)
            this.add(scan.base, { target, test: picomatch(pattern, GLOB_OPTIONS) });
        else
            this.add(scan.base, { target });
    }
    /** Everything under a directory ('' is the whole repository). */
    addDirectory(dir, target) {
        this.add(dir, { target });
    }
    /** Exactly one path. */
    addFile(path, target) {
        this.add(path, { target, exactOnly: true });
    }
    /** Calls found(target) for every entry matching path; a target may be reported more than once. */
    match(path, found) {
        const visit = (anchor, isPath) => {
            const list = this.byAnchor.get(anchor);
            if (list)
                for (const e of list)
                    if ((isPath || !e.exactOnly) && (!e.test || e.test(path)))
                        found(e.target);
        };
        visit('', false);
        for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1))
            visit(path.slice(0, slash), false);
        visit(path, true);
    }
    /** A walker over many paths in sorted order (see SortedWalk). */
    walk() {
        const above = new Map();
        const children = new Map();
        for (const [anchor, list] of this.byAnchor) {
            const nonExact = list.filter(e => !e.exactOnly);
            if (nonExact.length > 0)
                above.set(anchor, nonExact);
            if (anchor === '')
                continue;
            const cut = anchor.lastIndexOf('/');
            const parent = cut === -1 ? '' : anchor.slice(0, cut);
            let siblings = children.get(parent);
            if (!siblings)
                children.set(parent, (siblings = new Map()));
            siblings.set(anchor, list);
        }
        return new SortedWalk(above, children);
    }
}
const NO_ENTRIES = [];
/**
 * The candidates for paths that come in sorted order, as git lists them: the ancestor directories
 * of the last path stay on a stack, so moving to the next path looks up only the directories it
 * enters, not every ancestor of every path (100,000 files sit in some 50,000 directories).
 */
class SortedWalk {
    above;
    children;
    /** levels[0] is the root; levels[k] the k-th directory down to the current path's. */
    levels;
    dirs = [''];
    within;
    /** How many levels hold the current path's ancestors (the root included). */
    depth = 1;
    constructor(above, children) {
        this.above = above;
        this.children = children;
        this.levels = [above.get('') ?? NO_ENTRIES];
        this.within = [children.get('')];
    }
    /** Moves to path: afterwards levels[0..depth) hold the entries anchored at its ancestors. */
    enter(path) {
        let d = this.depth;
        // Leave the directories that are not ancestors of path.
        while (d > 1) {
            const dir = this.dirs[d - 1];
            if (path.charCodeAt(dir.length) === 47 && path.startsWith(dir))
                break;
            d--;
        }
        // Enter the ones it is under.
        for (let slash = path.indexOf('/', d === 1 ? 0 : this.dirs[d - 1].length + 1); slash !== -1; slash = path.indexOf('/', slash + 1)) {
            const dir = path.slice(0, slash);
            this.dirs[d] = dir;
            this.levels[d] = this.above.get(dir) ?? NO_ENTRIES;
            this.within[d] = this.children.get(dir);
            d++;
        }
        this.depth = d;
    }
    /** The entries anchored at exactly the current path. */
    own(path) {
        return this.within[this.depth - 1]?.get(path);
    }
}

// Durations in the graph file (a process's `timeout`): hours, minutes and seconds, as people write
// them in CI files: `90s`, `30m`, `1h`, `1h30m`.
/** A process whose graph entry names no `timeout` is killed after an hour. */
const DEFAULT_TIMEOUT_SECONDS = 60 * 60;
/** One week: longer than any CI job may run, and within what a timer can hold (24.8 days). */
const MAX_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
/** Seconds, or a message saying what is wrong and what is allowed. */
function parseDuration(text) {
    const m = DURATION.exec(text);
    const example = 'write hours, minutes and seconds, e.g. 90s, 30m, 1h or 1h30m';
    if (!m || text === '')
        return { error: `'${text}' is not a duration; ${example}` };
    const [h, min, s] = [m[1], m[2], m[3]].map(v => (v === undefined ? 0 : Number(v)));
    const seconds = h * 3600 + min * 60 + s;
    if (seconds === 0)
        return { error: `'${text}' is no time at all; a timeout is at least 1s` };
    if (seconds > MAX_TIMEOUT_SECONDS)
        return {
            error: `'${text}' is longer than ${formatDuration(MAX_TIMEOUT_SECONDS)}, the longest timeout`
        };
    return { seconds };
}
/** The shortest spelling parseDuration reads back: 5400 -> `1h30m`. */
function formatDuration(seconds) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
    return text || '0s';
}

const GRAPH_VERSION = 1;
const DEFAULT_GRAPH_FILE = 'imagegraph.yml';
const SECTION_OF = {
    config: 'configs',
    process: 'processes',
    image: 'images'
};
const KIND_OF = new Map([
    ['configs', 'config'],
    ['processes', 'process'],
    ['images', 'image']
]);
/** Which kinds each kind may consume. */
const ALLOWED_INPUTS = {
    config: [],
    process: ['config', 'process'],
    image: ['config', 'process', 'image']
};
const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
/** The names of the nodes a node consumes, implied ones included (configs have none). */
function inputsOf(node) {
    if (node.kind === 'config')
        return [];
    return node.kind === 'image' && node.implied ? node.implied.inputs : node.inputs;
}

/** A location as people read it: `images.api.inputs[1]` (for messages only; nothing parses it). */
function pathText(segments) {
    let out = '';
    for (const s of segments)
        out = typeof s === 'number' ? `${out}[${s}]` : out === '' ? String(s) : `${out}.${s}`;
    return out;
}
/** The node property a field of the file is read into (`build-args` -> `buildArgs`). */
const propertyOf = (field) => field.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
class Positions {
    locations;
    nodes;
    topFields;
    constructor(locations, nodes, 
    /** The top-level fields the file spells out. */
    topFields) {
        this.locations = locations;
        this.nodes = nodes;
        this.topFields = topFields;
    }
    /** Whether the file spells out what segments name (a defaulted field is not there). */
    has(segments) {
        const [section, name, field, item] = segments;
        if (section === undefined)
            return true;
        if (!this.topFields.includes(String(section)))
            return false;
        if (section !== 'configs' && section !== 'processes' && section !== 'images')
            return true;
        if (name === undefined)
            return true;
        const node = this.nodes.get(String(name));
        if (!node || SECTION_OF[node.kind] !== section)
            return false;
        if (field === undefined)
            return true;
        if (!node.fields.includes(String(field)))
            return false;
        if (item === undefined)
            return true;
        const value = node[propertyOf(String(field))];
        return Array.isArray(value) ? typeof item === 'number' && item < value.length : true;
    }
    /** The position of a node (its name) or of a field's value; undefined when not in the file. */
    get(segments) {
        if (!this.has(segments))
            return undefined;
        const isNode = segments.length === 2 && SECTION_OF_SET.has(String(segments[0]));
        return this.locations.locate({ segments: [...segments], at: isNode ? 'key' : 'value' });
    }
}
const SECTION_OF_SET = new Set(Object.values(SECTION_OF));

function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
var jsYaml = {};
var loader = {};
var common = {};
var hasRequiredCommon;
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string, count) {
    let result = "";
    for (let cycle = 0; cycle < count; cycle += 1) {
      result += string;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
var exception;
var hasRequiredException;
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
var snippet;
var hasRequiredSnippet;
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string, max) {
    return common2.repeat(" ", max - string.length) + string;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
var type;
var hasRequiredType;
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type2(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name) === -1) {
        throw new YAMLException2('Unknown option "' + name + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type2;
  return type;
}
var schema$3;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema$3;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type2 = requireType();
  function compileList(schema2, name) {
    const result = [];
    schema2[name].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type2) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type2)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema$3 = Schema2;
  return schema$3;
}
var str;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
var seq$1;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq$1;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq$1 = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq$1;
}
var map$1;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map$1;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map$1 = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map$1;
}
var failsafe;
var hasRequiredFailsafe;
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
var _null;
var hasRequired_null;
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type2 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type2("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
var bool;
var hasRequiredBool;
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type2 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type2("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
var int$2;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int$2;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int$2 = new Type2("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int$2;
}
var float$2;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float$2;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type2 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float$2 = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float$2;
}
var json;
var hasRequiredJson;
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
var core;
var hasRequiredCore;
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
var timestamp$1;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp$1;
  hasRequiredTimestamp = 1;
  const Type2 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp$1 = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp$1;
}
var merge$1;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge$1;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge$1 = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge$1;
}
var binary$1;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary$1;
  hasRequiredBinary = 1;
  const Type2 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code = map2.indexOf(data.charAt(idx));
      if (code > 64) continue;
      if (code < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary$1 = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary$1;
}
var omap$1;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap$1;
  hasRequiredOmap = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap$1 = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap$1;
}
var pairs$1;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs$1;
  hasRequiredPairs = 1;
  const Type2 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs$1 = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs$1;
}
var set$1;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set$1;
  hasRequiredSet = 1;
  const Type2 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set$1 = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set$1;
}
var _default;
var hasRequired_default;
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
var hasRequiredLoader;
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "";
      case 95:
        return " ";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name)) {
        transaction[name] = {
          existed: _hasOwnProperty.call(state.anchorMap, name),
          value: state.anchorMap[name]
        };
      }
    }
    state.anchorMap[name] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name = names[index];
      if (!_hasOwnProperty.call(parent, name)) {
        parent[name] = transaction[name];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count) {
    if (count === 1) {
      state.result += " ";
    } else if (count > 1) {
      state.result += common2.repeat("\n", count - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load2(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load2;
  return loader;
}
var dumper = {};
var hasRequiredDumper;
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema2, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema2.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string.length) + string;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string.length;
    while (position < length) {
      let line;
      const next = string.indexOf("\n", position);
      if (next === -1) {
        line = string.slice(position);
        position = length;
      } else {
        line = string.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string, pos) {
    const first = string.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string.length) {
      second = string.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string, 0)) && isPlainSafeLast(codePointAt(string, string.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string, level, iskey, inblock) {
    state.dump = (function() {
      if (string.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string + '"' : "'" + string + "'";
        }
      }
      const indent = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string2) {
        return testImplicitResolving(state, string2);
      }
      switch (chooseScalarStyle(
        string,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string;
        case STYLE_SINGLE:
          return "'" + string.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string, state.indent) + dropEndingNewline(indentString(string, indent));
        case STYLE_FOLDED:
          return ">" + blockHeader(string, state.indent) + dropEndingNewline(indentString(foldString(string, lineWidth), indent));
        case STYLE_DOUBLE:
          return '"' + escapeString(string) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string) ? String(indentPerLevel) : "";
    const clip = string[string.length - 1] === "\n";
    const keep = clip && (string[string.length - 2] === "\n" || string === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string) {
    return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
  }
  function foldString(string, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string[0] === "\n" || string[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string[i];
        if (char >= 65536) result += string[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
var hasRequiredJsYaml;
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYamlExports = requireJsYaml();
const yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
const {
  Type,
  Schema: Schema$1,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR$1 = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR$1;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR$1:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (isNode(ctrl) || isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (isMap(node))
        return visitor.Map?.(key, node, path);
    if (isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (isPair(node))
        return visitor.Pair?.(key, node, path);
    if (isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
            const tags = {};
            visit(doc.contents, (_key, node) => {
                if (isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (isScalar(ref.node) || isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

class Alias extends NodeBase {
    constructor(source) {
        super(ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit(doc, {
                Node: (_key, node) => {
                    if (isAlias(node) || hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends NodeBase {
    constructor(value) {
        super(SCALAR$1);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (isDocument(value))
        value = value.contents;
    if (isNode(value))
        return value;
    if (isPair(value)) {
        const map = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[MAP]
                : Symbol.iterator in Object(value)
                    ? schema[SEQ]
                    : schema[MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => isNode(it) || isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && isScalar(node) ? node.value : node;
        else
            return isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.BLOCK_FOLDED:
            case Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
    if (anchor && anchorIsValid(anchor)) {
        anchors.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : isScalar(node)
            ? stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (isCollection(key) || (!isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            isCollection(key) ||
            (isScalar(key)
                ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        console.warn(warning);
    }
}

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (isScalar(key) &&
        (!key.type || key.type === Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

function addPairToJSMap(ctx, map, { key, value }) {
    if (isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (isMergeKey(ctx, key))
        addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (isNode(key) && ctx?.doc) {
        const strCtx = createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

function createPair(key, value, ctx) {
    const k = createNode(key, undefined, ctx);
    const v = createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, NODE_TYPE, { value: PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (isNode(key))
            key = key.clone(schema);
        if (isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (isPair(item)) {
            const ik = isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (isPair(item)) {
            const ik = isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

function findPair(items, key) {
    const k = isScalar(key) ? key.value : key;
    for (const it of items) {
        if (isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair(pair, pair?.value);
        }
        else
            _pair = new Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (isScalar(prev.value) && isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.from(schema, obj, ctx)
};

class YAMLSeq extends Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (isScalar(prev) && isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.from(schema, obj, ctx)
};

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString(item, ctx, onComment, onChompKeep);
    }
};

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

const floatNaN$1 = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber
};
const floatExp$1 = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber(node);
    }
};
const float$1 = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber
};

const intIdentify$2 = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve$1 = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify$1(node, radix, prefix) {
    const { value } = node;
    if (intIdentify$2(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber(node);
}
const intOct$1 = {
    identify: value => intIdentify$2(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve$1(str, 2, 8, opt),
    stringify: node => intStringify$1(node, 8, '0o')
};
const int$1 = {
    identify: intIdentify$2,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve$1(str, 0, 10, opt),
    stringify: stringifyNumber
};
const intHex$1 = {
    identify: value => intIdentify$2(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve$1(str, 2, 16, opt),
    stringify: node => intStringify$1(node, 16, '0x')
};

const schema$2 = [
    map,
    seq,
    string,
    nullTag,
    boolTag,
    intOct$1,
    int$1,
    intHex$1,
    floatNaN$1,
    floatExp$1,
    float$1
];

function intIdentify$1(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify$1,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify$1(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema$1 = [map, seq].concat(jsonScalars, jsonError);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.BLOCK_LITERAL);
        if (type !== Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

function resolvePairs(seq, onError) {
    if (isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (isPair(item))
                continue;
            else if (isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair(new Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = isPair(item) ? item : new Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

class YAMLOMap extends YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (isPair(pair)) {
                key = toJS(pair.key, '', ctx);
                value = toJS(pair.value, key, ctx);
            }
            else {
                key = toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs = createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs = resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs.items) {
            if (isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar(false),
    stringify: boolStringify
};

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber
};

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

class YAMLSet extends YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair(key.key, null);
        else
            pair = new Pair(key, null);
        const prev = findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = findPair(this.items, key);
        return !keepPair && isPair(pair)
            ? isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

const schema = [
    map,
    seq,
    string,
    nullTag,
    trueTag,
    falseTag,
    intBin,
    intOct,
    int,
    intHex,
    floatNaN,
    floatExp,
    float,
    binary,
    merge,
    omap,
    pairs,
    set,
    intTime,
    floatTime,
    timestamp
];

const schemas = new Map([
    ['core', schema$2],
    ['failsafe', [map, seq, string]],
    ['json', schema$1],
    ['yaml11', schema],
    ['yaml-1.1', schema]
]);
const tagsByName = {
    binary,
    bool: boolTag,
    float: float$1,
    floatExp: floatExp$1,
    floatNaN: floatNaN$1,
    floatTime,
    int: int$1,
    intHex: intHex$1,
    intOct: intOct$1,
    intTime,
    map,
    merge,
    null: nullTag,
    omap,
    pairs,
    seq,
    set,
    timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary,
    'tag:yaml.org,2002:merge': merge,
    'tag:yaml.org,2002:omap': omap,
    'tag:yaml.org,2002:pairs': pairs,
    'tag:yaml.org,2002:set': set,
    'tag:yaml.org,2002:timestamp': timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge)
            ? schemaTags.concat(merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? getTags(compat, 'compat')
            : compat
                ? getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? coreKnownTags : {};
        this.tags = getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, MAP, { value: map });
        Object.defineProperty(this, SCALAR$1, { value: string });
        Object.defineProperty(this, SEQ, { value: seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, NODE_TYPE, { value: DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [NODE_TYPE]: { value: DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode(value, tag, ctx);
        if (flow && isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (isEmptyPath(path))
            return !keepScalar && isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (isEmptyPath(path))
            return this.contents !== undefined;
        return isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (isScalar(a) && isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap : YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = isNode(res)
        ? res
        : new Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[SCALAR$1];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[SCALAR$1];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = isScalar(res) ? res : new Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[SCALAR$1]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[SCALAR$1];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[SCALAR$1];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[SCALAR$1];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode(ctx, value, props, onError)
        : composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new YAMLWarning(pos, code, message));
            else
                this.errors.push(new YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter = options.lineCounter || (prettyErrors && new LineCounter()) || null;
    return { lineCounter, prettyErrors };
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser = new Parser(lineCounter?.addNewLine);
    const composer = new Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer.compose(parser.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(prettifyError(source, lineCounter));
        doc.warnings.forEach(prettifyError(source, lineCounter));
    }
    return doc;
}

// The graph file as plain values, by either of two YAML readers that must agree: a fast one
// (js-yaml) that keeps no positions, and a position-keeping one (`yaml`) that runs when the fast
// one refuses the text or a problem needs a line. Both give the same values: mappings without a
// prototype (a user's `__proto__` or `constructor` is a name like any other), numbers that keep
// their spelling (`1.20` stays "1.20"), keys by their spelling. Merge keys (`<<`) are refused.
/** A YAML number with its spelling: `GO_VERSION: 1.20` means "1.20", not "1.2". */
class YamlNumber {
    value;
    source;
    constructor(value, source) {
        this.value = value;
        this.source = source;
    }
    /** A number used as a key is the key as spelled (js-yaml asks String() of a tagged object). */
    toString() {
        return this.source;
    }
    get [Symbol.toStringTag]() {
        return 'YamlNumber';
    }
}
function isYamlMap(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof YamlNumber);
}
const yamlTypes = yaml.types;
const numberType = (base) => new yaml.Type('tag:yaml.org,2002:' + (base === yamlTypes.int ? 'int' : 'float'), {
    kind: 'scalar',
    resolve: (data) => base.resolve(data),
    construct: (data) => new YamlNumber(base.construct(data), data),
    instanceOf: YamlNumber
});
/** The plain-scalar types, in the order both readers try them. */
const IMPLICIT = [
    yamlTypes.null,
    yamlTypes.bool,
    numberType(yamlTypes.int),
    numberType(yamlTypes.float)
];
const FAST_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({ implicit: IMPLICIT });
const TAGGED = new Map(IMPLICIT.map(t => [t.tag, t]));
const MERGE_KEY_MESSAGE = "YAML merge keys ('<<') are not supported; write the fields out (an alias of a whole value, `*name`, is fine)";
const childPath = (path, segment) => typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment;
/** A key as a name, the way js-yaml makes one: by its spelling; a list by its items. */
function keyText(key) {
    if (Array.isArray(key))
        return key.map(k => (isYamlMap(k) ? '[object Object]' : keyText(k))).join(',');
    if (isYamlMap(key))
        return '[object Object]';
    return String(key);
}
/**
 * The values of a document read by the position-keeping parser, built to be exactly what the fast
 * reader gives for the same text; the problems it finds are located.
 */
class PositionalValues {
    doc;
    lines;
    file;
    problems = [];
    done = new Map();
    active = new Set();
    constructor(doc, lines, file) {
        this.doc = doc;
        this.lines = lines;
        this.file = file;
    }
    problem(node, path, message) {
        this.problems.push({
            file: this.file,
            ...this.lines.linePos(node?.range?.[0] ?? 0),
            path,
            message,
            severity: 'error'
        });
    }
    value(node, path) {
        if (node === null || node === undefined)
            return null;
        if (isAlias(node)) {
            const target = node.resolve(this.doc);
            if (!target)
                return null; // syntaxProblems reports it
            if (this.active.has(target)) {
                this.problem(node, path, `the alias '*${node.source}' refers to a value that holds it`);
                return null;
            }
            return this.value(target, path);
        }
        const yamlNode = node;
        const known = this.done.get(yamlNode);
        if (known !== undefined)
            return known; // an alias shares the value, as with the fast reader
        this.active.add(yamlNode);
        let out;
        if (isMap(node)) {
            const map = Object.create(null);
            for (const pair of node.items) {
                const keyNode = pair.key;
                const name = keyText(this.value(keyNode, path));
                const at = childPath(path, name);
                if (name === '<<')
                    this.problem(keyNode, at, MERGE_KEY_MESSAGE);
                else if (Object.hasOwn(map, name))
                    this.problem(keyNode, at, `'${name}' appears twice in this mapping; each key may appear once`);
                map[name] = this.value(pair.value, at);
            }
            out = map;
        }
        else if (isSeq(node)) {
            out = node.items.map((item, i) => this.value(item, childPath(path, i)));
        }
        else if (isScalar(node)) {
            out = this.scalar(node, path);
        }
        else
            out = null;
        this.active.delete(yamlNode);
        this.done.set(yamlNode, out);
        return out;
    }
    scalar(node, path) {
        const source = node.source ?? String(node.value ?? '');
        const tag = node.tag;
        if (tag === undefined || tag === null) {
            if (node.type !== 'PLAIN')
                return source;
            if (source === '')
                return null; // `key:` with nothing after it
            for (const type of IMPLICIT)
                if (type.resolve(source))
                    return type.construct(source);
            return source;
        }
        if (tag === '!' || tag === 'tag:yaml.org,2002:str')
            return source;
        const type = TAGGED.get(tag);
        if (!type) {
            this.problem(node, path, `unknown tag !<${tag}>`);
            return source;
        }
        if (!type.resolve(source)) {
            this.problem(node, path, `cannot resolve a node with !<${tag}> explicit tag`);
            return source;
        }
        return type.construct(source);
    }
}
/** The fast reader's values with no prototypes, merge keys located; aliases stay shared. */
function withoutPrototypes(root, mergeKeys) {
    const copies = new Map();
    const copy = (v, segments) => {
        if (v === undefined)
            return null;
        if (v === null || typeof v !== 'object' || v instanceof YamlNumber)
            return v;
        const known = copies.get(v);
        if (known !== undefined)
            return known;
        if (Array.isArray(v)) {
            const list = [];
            copies.set(v, list);
            v.forEach((item, i) => list.push(copy(item, [...segments, i])));
            return list;
        }
        const map = Object.create(null);
        copies.set(v, map);
        const source = v;
        for (const name of Object.keys(source)) {
            if (name === '<<')
                mergeKeys.push([...segments, name]);
            map[name] = copy(source[name], [...segments, name]);
        }
        return map;
    };
    return copy(root, []);
}
/**
 * Positions are found only when they are needed: a valid graph is read by a fast parser that
 * keeps none, and the position-keeping parser runs on demand (problems, or a later question).
 */
class Locations {
    text;
    doc;
    lines;
    constructor(text) {
        this.text = text;
    }
    parsed() {
        if (!this.doc || !this.lines) {
            this.lines = new LineCounter();
            this.doc = parseDocument(this.text, {
                lineCounter: this.lines,
                prettyErrors: false,
                uniqueKeys: false
            });
        }
        return { doc: this.doc, lines: this.lines };
    }
    /** The document's values as the position-keeping parser reads them, and what it found wrong. */
    values(file) {
        const syntax = this.syntaxProblems(file);
        if (syntax.length > 0)
            return { value: null, problems: syntax };
        const { doc, lines } = this.parsed();
        const reader = new PositionalValues(doc, lines, file);
        const value = reader.value(doc.contents, '');
        return { value, problems: sortProblems(reader.problems) };
    }
    /**
     * What the fast parser refused, as the position-keeping parser sees it: syntax errors and
     * aliases with no anchor. (Keys that appear twice are found by PositionalValues, by the names
     * the readers give them: `1.20` and `1.2` are two names, `1` and `"1"` one.)
     */
    syntaxProblems(file) {
        const { doc, lines } = this.parsed();
        const problem = (offset, path, message) => ({
            file,
            ...lines.linePos(offset),
            path,
            message,
            severity: 'error'
        });
        const problems = [];
        walk(doc, doc.contents, '', (node, path) => {
            if (isAlias(node) && node.resolve(doc) === undefined) {
                problems.push(problem(node.range?.[0] ?? 0, path, `the alias '*${node.source}' has no anchor '&${node.source}' before it`));
            }
        });
        for (const e of doc.errors)
            problems.push(problem(e.pos[0], '', e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
        return sortProblems(problems);
    }
    /** Each mapping's pairs by key name, built once: a file with thousands of problems is located in linear time. */
    pairs = new WeakMap();
    pairsOf(node, deref) {
        let byName = this.pairs.get(node);
        if (!byName) {
            byName = new Map();
            for (const pair of node.items) {
                const k = deref(pair.key);
                if (!isScalar(k))
                    continue;
                const name = scalarKey(k);
                if (!byName.has(name))
                    byName.set(name, pair);
            }
            this.pairs.set(node, byName);
        }
        return byName;
    }
    locate(loc) {
        const { doc, lines } = this.parsed();
        let node = doc.contents;
        let offset = 0;
        const deref = (n) => (isAlias(n) ? (n.resolve(doc) ?? n) : n);
        for (let i = 0; i < loc.segments.length; i++) {
            const segment = loc.segments[i];
            node = deref(node);
            const last = i === loc.segments.length - 1;
            if (isMap(node)) {
                const pair = this.pairsOf(node, deref).get(String(segment));
                if (!pair)
                    break;
                const keyOffset = deref(pair.key).range?.[0] ?? offset;
                if (last && loc.at === 'key')
                    return lines.linePos(keyOffset);
                const value = deref(pair.value);
                offset = value?.range?.[0] ?? keyOffset;
                node = value;
            }
            else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
                node = deref(node.items[segment]);
                offset = node.range?.[0] ?? offset;
            }
            else
                break;
        }
        return lines.linePos(offset);
    }
}
/** A scalar key as the readers name it: numbers by their spelling. */
function scalarKey(k) {
    if (k.tag === undefined && k.type === 'PLAIN' && k.source !== undefined) {
        for (const type of IMPLICIT)
            if (type.resolve(k.source))
                return keyText(type.construct(k.source));
        return k.source;
    }
    return String(k.source ?? k.value);
}
/** Visit every node of a YAML document with its path (`images.api.inputs[0]`). */
function walk(doc, node, path, visit) {
    visit(node, path);
    if (isMap(node)) {
        for (const pair of node.items) {
            const key = pair.key;
            const name = isScalar(key) ? scalarKey(key) : '?';
            walk(doc, pair.value, childPath(path, name), visit);
        }
    }
    else if (isSeq(node)) {
        node.items.forEach((item, i) => walk(doc, item, childPath(path, i), visit));
    }
}
/**
 * The document as plain values: the fast parser, or the position-keeping one when the fast one
 * refuses the text (or when asked: tests hold the two to the same values). Throws GraphError.
 */
function loadYaml(text, file, locations, reader = 'fast') {
    let raw;
    try {
        if (reader === 'fast')
            raw = yaml.load(text, { schema: FAST_SCHEMA, filename: file });
    }
    catch (e) {
        if (!(e instanceof yaml.YAMLException))
            throw e;
        reader = 'positions'; // the parsers disagree, or the text is wrong: the located reading decides
    }
    if (reader === 'positions') {
        const { value, problems } = locations.values(file);
        if (problems.length > 0)
            throw new GraphError(problems);
        return value;
    }
    const mergeKeys = [];
    const value = withoutPrototypes(raw, mergeKeys);
    if (mergeKeys.length > 0)
        throw new GraphError(sortProblems(mergeKeys.map(segments => ({
            file,
            ...locations.locate({ segments, at: 'key' }),
            path: segments.reduce(childPath, ''),
            message: MERGE_KEY_MESSAGE,
            severity: 'error'
        }))));
    return value;
}

// Reading one node's fields: each field's type, its checks and its default, with problems at the
// field's path segments. Checks that span nodes are in checks.ts.
const FIELDS = {
    config: {
        paths: { type: 'globs', required: true },
        'allow-empty': { type: 'boolean' },
        description: { type: 'string' }
    },
    process: {
        inputs: { type: 'names' },
        run: { type: 'command', required: true },
        outputs: { type: 'paths' },
        env: { type: 'map' },
        'pass-env': { type: 'variables' },
        timeout: { type: 'duration' },
        description: { type: 'string' }
    },
    image: {
        context: { type: 'path', required: true },
        dockerfile: { type: 'file' },
        inputs: { type: 'names' },
        'build-args': { type: 'map' },
        platforms: { type: 'platforms' },
        target: { type: 'string' },
        'image-args': { type: 'image-args' },
        repository: { type: 'repository' },
        tags: { type: 'tag-templates' },
        'tag-pattern': { type: 'tag-pattern' },
        description: { type: 'string' }
    }
};
const TOP_FIELDS = ['version', 'configs', 'processes', 'images', 'registry', 'tags'];
/** The top-level fields that are read like a node's: what type each is. */
const TOP_FIELD_TYPES = {
    registry: 'registry',
    tags: 'tag-templates'
};
const PLATFORM_PATTERN = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A path already in canonical form: no empty, `.` or `..` segment, no `\`, not absolute. */
const CANONICAL_PATH = /^(?!\.\.?(\/|$))[^/\\:]+(\/(?!\.\.?(\/|$))[^/\\]+)*$/;
/**
 * A repository-relative path in canonical form ('' for the root), or an error message.
 * Never lets a path leave the repository.
 */
function normalizeRepoPath(raw) {
    if (CANONICAL_PATH.test(raw))
        return { path: raw }; // the common case, without splitting
    if (raw === '')
        return { error: 'empty path' };
    if (raw.includes('\\'))
        return { error: `'${raw}' uses '\\'; write paths with '/'` };
    if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) {
        return { error: `'${raw}' is absolute; paths are relative to the repository root` };
    }
    const parts = [];
    for (const segment of raw.split('/')) {
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..') {
            if (parts.length === 0)
                return { error: `'${raw}' is outside the repository` };
            parts.pop();
        }
        else
            parts.push(segment);
    }
    return { path: parts.join('/') };
}
const isMapValue = (v) => isYamlMap(v);
const isNumberValue = (v) => typeof v === 'number' || v instanceof YamlNumber;
const numberText = (v) => v instanceof YamlNumber ? v.source : String(v);
function describe(v) {
    if (v === null || v === undefined)
        return 'nothing';
    if (Array.isArray(v))
        return 'a list';
    if (isNumberValue(v))
        return `number ${numberText(v)}`;
    if (isMapValue(v))
        return 'a mapping';
    if (typeof v === 'string')
        return `the string '${v}'`;
    return `${typeof v} ${String(v)}`;
}
/** Collects the problems of a reading, each at its path segments. */
class Reader {
    problems = [];
    /** path: how the message names the place, when not its segments (a missing top-level field). */
    error(segments, at, message, path = pathText(segments)) {
        this.problems.push({ loc: { segments, at }, path, message });
    }
}
function readStringList(r, value, segs, what, check) {
    if (!Array.isArray(value)) {
        r.error(segs, 'value', `expected a list of ${what}, got ${describe(value)}`);
        return [];
    }
    const out = [];
    value.forEach((item, i) => {
        const itemSegs = [...segs, i];
        if (typeof item !== 'string') {
            r.error(itemSegs, 'value', `expected ${what.replace(/s$/, '')} as a string, got ${describe(item)}`);
            return;
        }
        const checked = check(item, itemSegs);
        if (checked !== undefined)
            out.push(checked);
    });
    return out;
}
function readMap(r, value, segs) {
    // No prototype: `__proto__: x` is a variable like any other, not a way to lose one.
    const out = Object.create(null);
    if (!isMapValue(value)) {
        r.error(segs, 'value', `expected a mapping of NAME: value, got ${describe(value)}`);
        return out;
    }
    for (const key of Object.keys(value)) {
        const v = value[key];
        if (!ENV_NAME_PATTERN.test(key)) {
            r.error([...segs, key], 'key', `'${key}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`);
            continue;
        }
        if (isNumberValue(v))
            out[key] = numberText(v);
        else if (typeof v === 'string' || typeof v === 'boolean')
            out[key] = String(v);
        else
            r.error([...segs, key], 'value', `expected a string, number or boolean, got ${describe(v)}`);
    }
    return out;
}
function readField(r, type, value, segs) {
    switch (type) {
        case 'boolean':
            if (typeof value !== 'boolean') {
                r.error(segs, 'value', `expected true or false, got ${describe(value)}`);
                return undefined;
            }
            return value;
        case 'string':
        case 'command': {
            if (typeof value !== 'string') {
                r.error(segs, 'value', `expected a string, got ${describe(value)}`);
                return undefined;
            }
            if (type === 'command' && value.trim() === '')
                r.error(segs, 'value', 'the command is empty');
            return value;
        }
        case 'path':
        case 'file': {
            if (typeof value !== 'string') {
                r.error(segs, 'value', `expected a repository-relative path, got ${describe(value)}`);
                return undefined;
            }
            const n = normalizeRepoPath(value);
            if ('error' in n) {
                r.error(segs, 'value', n.error);
                return undefined;
            }
            if (type === 'file' && n.path === '') {
                r.error(segs, 'value', `'${value}' is the repository root; name a file`);
                return undefined;
            }
            return n.path;
        }
        case 'paths':
            return readStringList(r, value, segs, 'paths', (s, itemSegs) => {
                const n = normalizeRepoPath(s);
                if ('error' in n)
                    return void r.error(itemSegs, 'value', n.error);
                if (n.path === '')
                    return void r.error(itemSegs, 'value', `'${s}' is the repository root; name a file or directory inside it`);
                return n.path;
            });
        case 'globs':
            if (Array.isArray(value) && value.length === 0) {
                r.error(segs, 'value', 'lists no patterns; a config needs at least one');
                return [];
            }
            return readStringList(r, value, segs, 'glob patterns', (s, itemSegs) => {
                const problem = checkGlob(s);
                if (problem)
                    return void r.error(itemSegs, 'value', problem);
                return normalizeGlob(s);
            });
        case 'names':
            return readStringList(r, value, segs, 'node names', s => s);
        case 'platforms':
            return readStringList(r, value, segs, 'platforms', (s, itemSegs) => {
                if (PLATFORM_PATTERN.test(s))
                    return s;
                r.error(itemSegs, 'value', `'${s}' is not a platform; expected os/arch[/variant], e.g. linux/amd64 or linux/arm64/v8`);
                return undefined;
            });
        case 'map':
            return readMap(r, value, segs);
        case 'duration': {
            if (typeof value !== 'string') {
                r.error(segs, 'value', `expected a duration like 90s, 30m or 1h30m, got ${describe(value)}`);
                return undefined;
            }
            const d = parseDuration(value);
            if ('error' in d)
                return void r.error(segs, 'value', d.error);
            return d.seconds;
        }
        case 'variables': {
            const seen = new Set();
            return readStringList(r, value, segs, 'variable names', (s, itemSegs) => {
                if (!ENV_NAME_PATTERN.test(s))
                    return void r.error(itemSegs, 'value', `'${s}' is not a valid variable name (letters, digits, '_'; not starting with a digit)`);
                if (seen.has(s))
                    return void r.error(itemSegs, 'value', `'${s}' is listed twice`);
                seen.add(s);
                return s;
            });
        }
        case 'image-args':
            return readImageArgs(r, value, segs);
        case 'repository':
        case 'registry':
        case 'tag-pattern': {
            if (typeof value !== 'string') {
                r.error(segs, 'value', `expected a string, got ${describe(value)}`);
                return undefined;
            }
            const problem = type === 'repository'
                ? repositoryProblem(value)
                : type === 'registry'
                    ? registryWithPathProblem(value)
                    : tagPatternProblem(value);
            if (problem)
                return void r.error(segs, 'value', problem);
            return value;
        }
        case 'tag-templates': {
            const seen = new Set();
            return readStringList(r, value, segs, 'tag templates', (s, itemSegs) => {
                const parsed = parseTagTemplate(s);
                if ('problem' in parsed)
                    return void r.error(itemSegs, 'value', tagTemplateMessage(s, parsed.problem));
                if (seen.has(s))
                    return void r.error(itemSegs, 'value', `'${s}' is listed twice`);
                seen.add(s);
                return s;
            });
        }
    }
}
function readNode(r, kind, name, body, segs) {
    if (!isMapValue(body)) {
        r.error(segs, 'value', `expected a mapping with ${Object.keys(FIELDS[kind]).join(', ')}, got ${describe(body)}`);
        return undefined;
    }
    const spec = FIELDS[kind];
    const values = Object.create(null);
    const fields = Object.keys(body);
    for (const key of fields) {
        const field = Object.hasOwn(spec, key) ? spec[key] : undefined;
        if (!field) {
            r.error([...segs, key], 'key', `unknown field '${key}'${didYouMean(key, Object.keys(spec))}; allowed: ${Object.keys(spec).join(', ')}`);
            continue;
        }
        values[key] = readField(r, field.type, body[key], [...segs, key]);
    }
    for (const [key, field] of Object.entries(spec)) {
        if (field.required && !Object.hasOwn(body, key))
            r.error(segs, 'key', `missing required field '${key}'`);
    }
    const description = values.description;
    const common = { name, fields, ...(description !== undefined ? { description } : {}) };
    switch (kind) {
        case 'config': {
            const paths = values.paths ?? [];
            if (paths.length > 0 && paths.every(p => p.startsWith('!'))) {
                r.error([...segs, 'paths'], 'value', 'has only exclusions (!...); add at least one pattern to include');
            }
            const allowEmpty = values['allow-empty'];
            return { kind, ...common, paths, ...(allowEmpty !== undefined ? { allowEmpty } : {}) };
        }
        case 'process': {
            const env = values.env ?? Object.create(null);
            const passEnv = values['pass-env'] ?? [];
            // One source per variable: a value in the file would silently lose to the caller's or win.
            passEnv.forEach((name, i) => {
                if (name in env)
                    r.error([...segs, 'pass-env', i], 'value', `'${name}' is also set in env; a variable comes from env or from pass-env, not both`);
            });
            return {
                kind,
                ...common,
                inputs: values.inputs ?? [],
                run: values.run ?? '',
                outputs: values.outputs ?? [],
                env,
                timeoutSeconds: values.timeout ?? DEFAULT_TIMEOUT_SECONDS,
                passEnv
            };
        }
        case 'image': {
            const context = values.context ?? '';
            const dockerfile = values.dockerfile ??
                (context ? `${context}/Dockerfile` : 'Dockerfile');
            const target = values.target;
            const buildArgs = values['build-args'] ?? Object.create(null);
            const imageArgs = values['image-args'] ?? Object.create(null);
            // One source per ARG: the build would get one of the two values, and the key could not say which.
            for (const arg of Object.keys(imageArgs))
                if (Object.hasOwn(buildArgs, arg))
                    r.error([...segs, 'image-args', arg], 'key', `'${arg}' is also set in build-args; an ARG comes from build-args or from image-args, not both`);
            const tags = values.tags;
            const tagPattern = values['tag-pattern'];
            return {
                kind,
                ...common,
                context,
                dockerfile,
                inputs: values.inputs ?? [],
                buildArgs,
                imageArgs,
                platforms: values.platforms ?? [],
                ...(target !== undefined ? { target } : {}),
                repository: values.repository ?? name,
                ...(tags !== undefined ? { tags } : {}),
                ...(tagPattern !== undefined ? { tagPattern } : {})
            };
        }
    }
}
/** `image-args: { ARG: image }`: ARG names as build-args have them; the images are checked later. */
function readImageArgs(r, value, segs) {
    const out = Object.create(null);
    if (!isMapValue(value)) {
        r.error(segs, 'value', `expected a mapping of ARG: image name, got ${describe(value)}`);
        return out;
    }
    for (const arg of Object.keys(value)) {
        const image = value[arg];
        if (!ENV_NAME_PATTERN.test(arg))
            r.error([...segs, arg], 'key', `'${arg}' is not a valid build-arg name (letters, digits, '_'; not starting with a digit)`);
        else if (typeof image !== 'string')
            r.error([...segs, arg], 'value', `expected the name of an image, got ${describe(image)}`);
        else
            out[arg] = image;
    }
    return out;
}
/** `host[:port]`, optionally followed by a `/path` prefix for every repository under it. */
function registryWithPathProblem(registry) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry))
        return `registry '${registry}' has a scheme; write host[:port][/path] without it, e.g. ghcr.io/my-org`;
    const slash = registry.indexOf('/');
    const host = slash < 0 ? registry : registry.slice(0, slash);
    const hostProblem = registryProblem(host);
    if (hostProblem)
        return `${hostProblem}; a registry is host[:port] with an optional /path prefix, e.g. ghcr.io/my-org`;
    if (slash < 0)
        return undefined;
    const pathProblem = repositoryProblem(registry.slice(slash + 1));
    return pathProblem
        ? `registry '${registry}': the path after the host must be a repository prefix (${pathProblem})`
        : undefined;
}

// Repository content (file names, reasons, warnings, branch names) as inert text in GitHub
// markdown: the job summary and the PR comment show it as it is, and it can start no markup, link,
// image, mention, reference, table cell or new line, in a table cell, a list item or inside HTML.
/** Joins `@` or `#` to what follows invisibly, so `@team` notifies no one and `#12` links nothing. */
/** Characters that mean something to markdown or HTML, written as character references. */
new Map([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ..."\\`*_[]()|~!$'{}".split('').map((c) => [c, `&#${c.charCodeAt(0)};`])
]);

// The small words every renderer shares: short ids, counted nouns and table cells, so the CLI, the
// log and the job summary write them one way.
/** A commit id or content key cut to 12 characters; anything else (a branch, `HEAD~1`) as it is. */
function shortId(id) {
    return /^[0-9a-f]{40,64}$/.test(id) ? id.slice(0, 12) : id;
}
/** `1 image`, `2 images`; `plural` is the plural where adding `s` is wrong (`processes`). */
function counted(n, singular, plural = `${singular}s`) {
    return `${n} ${n === 1 ? singular : plural}`;
}
/** Rows of text in columns two spaces apart, each as wide as its widest cell; no trailing blanks. */
function textTable(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
    return rows.map(r => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd());
}

// Bytes to text without losing any. A graph file must be UTF-8: anything else is a located error,
// never a replacement character (two different files would read the same). A path from git is
// bytes: valid UTF-8 reads as itself, and each byte of an invalid sequence becomes the lone
// surrogate U+DC80 + (byte - 0x80), as Python's "surrogateescape" does. Valid UTF-8 never
// decodes to a lone surrogate, so no real name can collide with an escaped one, and
// encodePath gives the exact bytes back (keys hash those bytes).
/** Where the first invalid UTF-8 sequence starts and how many bytes it spans, or undefined. */
function firstInvalidUtf8(bytes, from = 0) {
    for (let i = from; i < bytes.length;) {
        const n = validSequenceLength(bytes, i);
        if (n === 0)
            return { at: i, length: 1 };
        i += n;
    }
    return undefined;
}
/** Length of the well-formed UTF-8 sequence at i (Unicode table 3-7), or 0 when there is none. */
function validSequenceLength(b, i) {
    const c = b[i];
    if (c < 0x80)
        return 1;
    const cont = (k, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
    if (c >= 0xc2 && c <= 0xdf)
        return cont(1) ? 2 : 0;
    if (c === 0xe0)
        return cont(1, 0xa0) && cont(2) ? 3 : 0;
    if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef)
        return cont(1) && cont(2) ? 3 : 0;
    if (c === 0xed)
        return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
    if (c === 0xf0)
        return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xf1 && c <= 0xf3)
        return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c === 0xf4)
        return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}
/** A graph file's text; a GraphError at the first byte that is not UTF-8 otherwise. */
function decodeGraphText(bytes, file) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buffer))
        return buffer.toString('utf8');
    const bad = firstInvalidUtf8(buffer);
    const lineStart = buffer.lastIndexOf(10, bad.at - 1) + 1;
    const line = bad.at === 0 ? 1 : countNewlines(buffer, bad.at) + 1;
    const col = [...buffer.subarray(lineStart, bad.at).toString('utf8')].length + 1;
    const hex = [...buffer.subarray(bad.at, bad.at + 1)].map(x => x.toString(16).padStart(2, '0'));
    throw new GraphError([
        {
            file,
            line,
            col,
            path: '',
            message: `byte 0x${hex.join('')} is not UTF-8; a graph file must be UTF-8 text`,
            severity: 'error'
        }
    ]);
}
function countNewlines(b, end) {
    let n = 0;
    for (let i = 0; i < end; i++)
        if (b[i] === 10)
            n++;
    return n;
}
/** git's output (paths with -z), every byte kept: valid UTF-8 as text, other bytes escaped. */
function decodePaths(bytes) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buffer))
        return buffer.toString('utf8'); // the fast path: all of it at once
    let out = '';
    let start = 0;
    for (let bad = firstInvalidUtf8(buffer); bad; bad = firstInvalidUtf8(buffer, bad.at + 1)) {
        out += buffer.toString('utf8', start, bad.at);
        out += String.fromCharCode(0xdc00 + buffer[bad.at]);
        start = bad.at + 1;
    }
    return out + buffer.toString('utf8', start);
}
const ESCAPED = /[\udc80-\udcff]/;
/** The bytes a string decoded by decodePaths came from (plain UTF-8 when nothing is escaped). */
function encodePaths(text) {
    if (!ESCAPED.test(text))
        return Buffer.from(text, 'utf8');
    const parts = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        // A lone low surrogate in range: an escaped byte (a pair's low half has a high half before it).
        if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) {
            parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - 0xdc00]));
            start = i + 1;
        }
    }
    parts.push(Buffer.from(text.slice(start), 'utf8'));
    return Buffer.concat(parts);
}
const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;

// Every git call imagegraph makes, behind one interface. Arguments are arrays, output is -z, and a
// plan costs a handful of git processes whatever the size of the repository.
/** Runs git with an argument array (never a shell); stdout to a pipe, or to a file descriptor. */
async function spawnGit(cwd, args, io = {}) {
    let r;
    try {
        r = await exec('git', args, {
            cwd,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            ...(io.input === undefined ? {} : { input: io.input }),
            ...(io.stdoutFd === undefined ? {} : { stdoutFd: io.stdoutFd })
        });
    }
    catch (e) {
        throw new Error(e.message);
    }
    return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), code: r.code ?? 1 };
}
async function runGit(cwd, args, input) {
    const r = await spawnGit(cwd, args, {} );
    // Paths are bytes: decodePaths keeps every one (valid UTF-8, the usual case, decodes as is).
    return { ...r, stdout: decodePaths(r.stdout) };
}
/**
 * Like runGit for large output, written to a temporary file rather than a pipe: git then runs at
 * full speed while this process is busy (a pipe fills at 64 KiB and stalls git until we read it).
 */
async function runGitToFile(cwd, args) {
    const dir = mkdtempSync(path.join(tmpdir(), 'imagegraph-git-'));
    const file = path.join(dir, 'out');
    const fd = openSync(file, 'w');
    try {
        const r = await spawnGit(cwd, args, { stdoutFd: fd });
        return { ...r, stdout: decodePaths(readFileSync(file)) };
    }
    finally {
        closeSync(fd);
        rmSync(dir, { recursive: true, force: true });
    }
}
const STATUS = {
    A: 'added',
    M: 'modified',
    D: 'deleted',
    R: 'renamed',
    C: 'copied',
    T: 'type-changed',
    U: 'unmerged',
    X: 'unknown'
};
/** Parse `git diff --raw -z` output: `:old new oldoid newoid STATUS\0path\0[path2\0]`. */
function parseRawDiff(text) {
    const parts = text.split('\0');
    const out = [];
    for (let i = 0; i < parts.length; i++) {
        const meta = parts[i];
        if (!meta.startsWith(':'))
            continue;
        const [oldMode, newMode, , , statusField] = meta.slice(1).split(' ');
        const letter = statusField?.[0] ?? 'X';
        const status = STATUS[letter] ?? 'unknown';
        const link = oldMode === '120000' || newMode === '120000' ? { symlink: true } : {};
        if (letter === 'R' || letter === 'C') {
            out.push({ path: parts[i + 2], status, oldPath: parts[i + 1], ...link });
            i += 2;
        }
        else {
            const submodule = letter === 'M' && oldMode === '160000' && newMode === '160000';
            out.push({ path: parts[i + 1], status: submodule ? 'submodule' : status, ...link });
            i += 1;
        }
    }
    return out;
}
/**
 * What a content key hashes per file: `<mode> <object id>\t<path>`. `git ls-files` prints exactly
 * this with --format (git 2.38 and later), so each line is a slice of its output; from `git
 * ls-tree` and older git the line is put together from the default output.
 */
const KEY_LINE_FORMAT = '--format=%(objectmode) %(objectname)%x09%(path)';
/**
 * Parse a `-z` listing: `key-line` (`mode oid\tpath`, from KEY_LINE_FORMAT), `ls-tree`
 * (`mode type oid\tpath`) or `ls-files` (`mode oid stage\tpath`).
 */
function parseTreeListing(text, format) {
    const out = [];
    let start = 0;
    const n = text.length;
    while (start < n) {
        let end = text.indexOf('\0', start);
        if (end === -1)
            end = n;
        const tab = text.indexOf('\t', start);
        const path = text.slice(tab + 1, end);
        if (format === 'key-line') {
            out.push({ path, line: text.slice(start, end) });
        }
        else {
            const space1 = text.indexOf(' ', start);
            const mode = text.slice(start, space1);
            const space2 = text.indexOf(' ', space1 + 1);
            const oid = format === 'ls-tree' ? text.slice(space2 + 1, tab) : text.slice(space1 + 1, space2);
            out.push({ path, line: `${mode} ${oid}\t${path}` });
        }
        start = end + 1;
    }
    return out;
}
/**
 * `git cat-file --batch` kept running for the life of a plan: a plan walks trees level by level,
 * and each level's objects are one request to the same process instead of one process each.
 */
class ObjectStore {
    dir;
    session;
    closer;
    pending = [];
    queue = [];
    constructor(dir) {
        this.dir = dir;
    }
    read(names) {
        if (names.length === 0)
            return Promise.resolve([]);
        if (this.closer)
            clearTimeout(this.closer);
        if (this.session?.ended)
            this.session = undefined;
        const session = (this.session ??= this.start());
        return new Promise((resolve, reject) => {
            this.queue.push({ count: names.length, results: [], resolve, reject });
            session.write(names.map(n => `${n}\n`).join(''));
        });
    }
    start() {
        const session = new Session('git', ['cat-file', '--batch'], { cwd: this.dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, chunk => {
            this.pending.push(chunk);
            this.parse();
        });
        session.onEnd = error => {
            for (const waiting of this.queue.splice(0))
                waiting.reject(error);
        };
        return session;
    }
    /** An idle git process is let go after a while (a long job plans once, then builds). */
    closeWhenIdle() {
        const session = this.session;
        this.closer = setTimeout(() => {
            if (this.session === session && this.queue.length === 0) {
                this.session = undefined;
                session?.close();
            }
        }, 2000);
        this.closer.unref();
    }
    /** Answers every request whose objects have all arrived. */
    parse() {
        let buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
        let at = 0;
        while (this.queue.length > 0) {
            const head = this.queue[0];
            if (head.results.length === head.count) {
                this.queue.shift();
                this.session.answered();
                head.resolve(head.results);
                if (this.queue.length === 0)
                    this.closeWhenIdle();
                continue;
            }
            const eol = buf.indexOf(10, at);
            if (eol === -1)
                break;
            const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(buf.toString('latin1', at, eol));
            if (!m) {
                head.results.push(null); // "<name> missing", "ambiguous": not there
                at = eol + 1;
                continue;
            }
            const end = eol + 1 + Number(m[3]);
            if (end + 1 > buf.length)
                break;
            head.results.push({ oid: m[1], type: m[2], data: buf.subarray(eol + 1, end) });
            at = end + 1;
        }
        buf = buf.subarray(at);
        this.pending = buf.length > 0 ? [buf] : [];
    }
}
/** Whether git refused an option it does not know (an older git). */
const unknownOption = (r) => r.code === 129 || /unknown option|usage:/i.test(r.stderr);
function checkRev(rev) {
    if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) {
        throw new UserError(`'${rev}' is not a git revision`);
    }
}
/** The git command line on one repository. */
class GitCommandLine {
    dir;
    store;
    constructor(dir) {
        this.dir = dir;
        this.store = new ObjectStore(dir);
    }
    async git(args, what) {
        const r = await runGit(this.dir, args);
        if (r.code !== 0)
            throw new Error(`git ${what} failed in ${this.dir}: ${r.stderr.trim()}`);
        return r.stdout;
    }
    /** The repository's top directory, or a user error when dir is not in one. */
    static async toplevel(dir) {
        const r = await runGit(dir, ['rev-parse', '--show-toplevel']);
        if (r.code !== 0)
            throw new UserError(`${dir} is not in a git repository (${r.stderr.trim().split('\n')[0]})`);
        return r.stdout.trim();
    }
    /** The full commit id of a revision; an unknown revision is the user's error. */
    async resolveCommit(rev) {
        checkRev(rev);
        const r = await runGit(this.dir, [
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${rev}^{commit}`
        ]);
        if (r.code !== 0)
            throw new UserError(`unknown revision '${rev}' in ${this.dir}${await this.shallowHint()}`);
        return r.stdout.trim();
    }
    /** When the history is shallow, what to do about a revision it may not reach; else ''. */
    async shallowHint() {
        const r = await runGit(this.dir, ['rev-parse', '--is-shallow-repository']);
        if (r.stdout.trim() !== 'true')
            return '';
        return `; the clone is shallow, so its history may not reach it: fetch more (git fetch --deepen=N, or --unshallow; with actions/checkout, fetch-depth: 0) or name the base by its commit sha`;
    }
    /** Full commit ids for several revisions in one git call; an unknown one is the user's error. */
    async resolveCommits(revs) {
        revs.forEach(checkRev);
        // No --end-of-options: git before 2.43 prints it back. checkRev keeps options out.
        const r = await runGit(this.dir, ['rev-parse', ...revs.map(rev => `${rev}^{commit}`)]);
        const shas = r.stdout.split('\n').filter(Boolean);
        if (r.code === 0 && shas.length === revs.length)
            return shas;
        // One by one, in order, for a message that names the (first) revision at fault.
        const resolved = [];
        for (const rev of revs)
            resolved.push(await this.resolveCommit(rev));
        return resolved;
    }
    /**
     * Whether the index holds exactly the files of commit (a clean checkout of it, as on CI). Git
     * answers from the index's cache-tree without reading a tree when it is so.
     */
    async indexMatches(commit) {
        checkRev(commit);
        const r = await runGit(this.dir, [
            'diff-index',
            '--cached',
            '--quiet',
            '--ignore-submodules=none',
            '--no-ext-diff',
            commit,
            '--'
        ]);
        return r.code === 0;
    }
    /**
     * Starts `git ls-files` now, for the tracked files of a commit asked for later: from the index
     * when it holds exactly that commit's files, else from `git ls-tree -r` (which reads every tree
     * object: 2-3x slower on 100,000 files). Git lists while this process does other work.
     */
    listTrackedFiles() {
        const listing = runGitToFile(this.dir, ['ls-files', '-z', KEY_LINE_FORMAT]);
        listing.catch(() => undefined);
        return {
            at: async (commit) => {
                if (await this.indexMatches(commit)) {
                    const r = await listing;
                    if (r.code === 0)
                        return parseTreeListing(r.stdout, 'key-line');
                    if (unknownOption(r)) {
                        const plain = await runGitToFile(this.dir, ['ls-files', '-s', '-z']);
                        if (plain.code === 0)
                            return parseTreeListing(plain.stdout, 'ls-files');
                    }
                }
                return this.trackedFiles(commit);
            }
        };
    }
    /**
     * Several graph files' text at commits in one git call: null for each one that is not there, a
     * located GraphError for one that is not UTF-8.
     */
    async filesAt(wanted) {
        const bytes = await this.fileBytesAt(wanted);
        return bytes.map((b, i) => (b === null ? null : decodeGraphText(b, wanted[i].path)));
    }
    /** Several files' bytes at commits in one git call: null for each one that is not there. */
    async fileBytesAt(wanted) {
        if (wanted.length === 0)
            return [];
        if (wanted.some(w => /[\n\0]/.test(w.path) || /[\n\0]/.test(w.rev) || w.rev.startsWith('-')))
            return Promise.all(wanted.map(w => this.fileBytes(w.rev, w.path)));
        const objects = await this.store.read(wanted.map(w => `${w.rev}:${w.path}`));
        return objects.map(o => (o?.type === 'blob' ? o.data : null));
    }
    /** Blobs' text by object id, in one git call: null for each one that is not there. */
    async blobs(oids) {
        if (oids.length === 0)
            return [];
        if (oids.some(oid => !/^[0-9a-f]{40,64}$/.test(oid)))
            throw new Error('not an object id');
        // Symlink targets are paths: decoded without loss, like every path git gives.
        const objects = await this.store.read(oids);
        return objects.map(o => (o?.type === 'blob' ? decodePaths(o.data) : null));
    }
    /** Objects by name (ids, `<commit>^{tree}`) in one git call: null for each one not there. */
    async objects(names) {
        if (names.length === 0)
            return [];
        if (names.some(n => /[\n\0]/.test(n) || n.startsWith('-')))
            throw new Error('not an object name');
        return this.store.read(names);
    }
    /** A commit's files under some directories ('' for all), with their object ids. */
    async filesUnder(commit, dirs) {
        if (dirs.length === 0)
            return [];
        if (dirs.includes(''))
            return this.trackedFiles(commit);
        checkRev(commit);
        // Literal pathspecs: a directory named `a*` is that directory, not a pattern.
        const r = await runGitToFile(this.dir, [
            '--literal-pathspecs',
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            commit,
            '--',
            ...dirs
        ]);
        if (r.code !== 0)
            throw new Error(`git ls-tree failed in ${this.dir}: ${r.stderr.trim()}`);
        return parseTreeListing(r.stdout, 'ls-tree');
    }
    /**
     * The symlinks under some directories of a commit: git walks the trees, this process only looks
     * at each entry's mode and decodes the paths of links (thousands of files cost a scan).
     */
    async symlinksUnder(commit, dirs) {
        if (dirs.length === 0)
            return [];
        checkRev(commit);
        const r = await spawnGit(this.dir, [
            '--literal-pathspecs',
            'ls-tree',
            '-r',
            '-z',
            '--full-tree',
            commit,
            '--',
            ...(dirs.includes('') ? [] : dirs)
        ]);
        if (r.code !== 0)
            throw new Error(`git ls-tree failed in ${this.dir}: ${r.stderr.trim()}`);
        const out = [];
        const buf = r.stdout;
        // Records: `<mode> <type> <oid>\t<path>\0`; a link's mode is 120000.
        for (let at = 0; at < buf.length;) {
            let end = buf.indexOf(0, at);
            if (end === -1)
                end = buf.length;
            if (buf[at] === 0x31 && buf[at + 1] === 0x32 && buf[at + 6] === 0x20) {
                const tab = buf.indexOf(9, at);
                out.push(decodePaths(buf.subarray(tab + 1, end)));
            }
            at = end + 1;
        }
        return out;
    }
    /** Whether a commit object is present locally (a shallow clone may lack it). */
    async hasCommit(sha) {
        const r = await runGit(this.dir, ['cat-file', '-e', `${sha}^{commit}`]);
        return r.code === 0;
    }
    /** Files that differ between two commits, as trees; renames count at both ends. */
    async changedFiles(base, head) {
        const out = await this.git([
            'diff',
            '--raw',
            '-z',
            '-M',
            '--no-abbrev',
            '--no-ext-diff',
            '--ignore-submodules=none',
            base,
            head,
            '--'
        ], 'diff');
        return parseRawDiff(out);
    }
    /** Every tracked file of a commit with its object id: one call, no file is read. */
    async trackedFiles(rev) {
        // Not --format: git before 2.40 quotes paths in ls-tree's --format output even with -z.
        const r = await runGitToFile(this.dir, ['ls-tree', '-r', '-z', '--full-tree', rev]);
        if (r.code !== 0)
            throw new Error(`git ls-tree failed in ${this.dir}: ${r.stderr.trim()}`);
        return parseTreeListing(r.stdout, 'ls-tree');
    }
    /** Files in the index plus untracked, not ignored ones (for validating a work in progress). */
    async workingFiles() {
        const [indexed, others] = await Promise.all([
            this.git(['ls-files', '-s', '-z'], 'ls-files'),
            this.git(['ls-files', '-o', '--exclude-standard', '-z'], 'ls-files')
        ]);
        const files = parseTreeListing(indexed, 'ls-files');
        for (const path of others.split('\0'))
            if (path)
                files.push({ path, mode: '100644', oid: '' }); // untracked: no object yet
        return files;
    }
    /** A graph file's text at a commit, or null when the commit has no such file. */
    async fileAt(rev, path) {
        const bytes = await this.fileBytes(rev, path);
        return bytes === null ? null : decodeGraphText(bytes, path);
    }
    /** A file's bytes at a commit, or null when the commit has no such file. */
    async fileBytes(rev, path) {
        const r = await spawnGit(this.dir, ['cat-file', 'blob', `${rev}:${path}`]);
        if (r.code === 0)
            return r.stdout;
        // "exists on disk, but not in": git's wording when the working tree has the file and rev lacks it.
        if (/does not exist|exists on disk, but not in|not a valid object name|bad file/i.test(r.stderr))
            return null;
        throw new Error(`git cat-file ${rev}:${path} failed in ${this.dir}: ${r.stderr.trim()}`);
    }
    /** Fetch from a remote; ok false (not an exception) when the remote cannot give what was asked. */
    async fetch(remote, refspecs, options = []) {
        refspecs.forEach(checkRev);
        const r = await runGit(this.dir, [
            'fetch',
            '--no-tags',
            '--quiet',
            ...options,
            remote,
            ...refspecs
        ]);
        return { ok: r.code === 0, error: r.stderr.trim().split('\n').pop() ?? '' };
    }
    async isShallow() {
        return (await this.git(['rev-parse', '--is-shallow-repository'], 'rev-parse')).trim() === 'true';
    }
    /**
     * Whether `ancestor` is `descendant` or one of its ancestors (`git merge-base --is-ancestor`);
     * undefined when either is not a commit in the local history (a shallow clone may lack it).
     */
    async isAncestor(ancestor, descendant) {
        for (const rev of [ancestor, descendant])
            if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev))
                return undefined;
        const r = await runGit(this.dir, ['merge-base', '--is-ancestor', ancestor, descendant]);
        if (r.code === 0)
            return true;
        // 1: not an ancestor; 128 and others: git could not answer (a missing or unknown commit).
        return r.code === 1 ? false : undefined;
    }
    /**
     * What a revision as a person typed it names, for tag templates: the branch checked out (HEAD)
     * or named, or the tag named (`refs/tags/v1.2.3`); nothing for a commit id or a detached HEAD.
     */
    async refNamed(rev) {
        if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev))
            return {};
        if (rev === 'HEAD') {
            const r = await runGit(this.dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
            return r.code === 0 && r.stdout.trim() ? { branch: r.stdout.trim() } : {};
        }
        const exists = async (ref) => (await runGit(this.dir, ['show-ref', '--verify', '--quiet', ref])).code === 0;
        if (await exists(`refs/heads/${rev}`))
            return { branch: rev };
        if (await exists(`refs/tags/${rev}`))
            return { tagRef: `refs/tags/${rev}` };
        return {};
    }
    /** The best common ancestor, or null when the local history has none (yet). */
    async mergeBase(a, b) {
        const r = await runGit(this.dir, ['merge-base', a, b]);
        return r.code === 0 ? r.stdout.trim() : null;
    }
    async hasRemote(name) {
        return (await runGit(this.dir, ['remote', 'get-url', name])).code === 0;
    }
    /** Tags with the commits they point at (annotated tags peeled), from a remote or locally. */
    async tags(remote) {
        const r = remote
            ? await runGit(this.dir, ['ls-remote', '--tags', remote])
            : await runGit(this.dir, [
                'for-each-ref',
                '--format=%(objectname) %(refname)%0a%(*objectname) %(refname)^{}',
                'refs/tags'
            ]);
        const tags = new Map();
        if (r.code !== 0)
            return tags;
        for (const line of r.stdout.split('\n')) {
            const m = /^([0-9a-f]{40,64})\s+refs\/tags\/(.+?)(\^\{\})?$/.exec(line.trim());
            if (!m)
                continue;
            // A peeled entry (^{}) names the commit of an annotated tag and wins over the tag object.
            if (m[3] || !tags.has(m[2]))
                tags.set(m[2], m[1]);
        }
        return tags;
    }
}

// The working tree on disk: where the repository and the graph file are, from what the user named
// (the CLI's --repo and --graph, the action's working-directory and graph), with one clear line for
// each way it can be wrong; and the graph file's text as the working tree has it.
/** dir, with symlinks resolved, when it is an existing directory; else what is wrong, named by label. */
function existingDirectory(dir, label) {
    let stat;
    try {
        stat = statSync(dir);
    }
    catch {
        throw new UserError(`${label}: ${dir} does not exist`);
    }
    if (!stat.isDirectory())
        throw new UserError(`${label}: ${dir} is not a directory`);
    return realpathSync(dir);
}
/** An absolute path with its existing directories' symlinks resolved (git reports real paths). */
function realPath(p) {
    const parent = path.dirname(p);
    if (parent === p)
        return p;
    try {
        return path.join(realpathSync(parent), path.basename(p));
    }
    catch {
        return path.join(realPath(parent), path.basename(p));
    }
}
/** The nearest DEFAULT_GRAPH_FILE from dir up to the repository's top; the top's when none. */
function nearestGraphFile(dir, repo) {
    for (let d = dir;; d = path.dirname(d)) {
        const candidate = path.join(d, DEFAULT_GRAPH_FILE);
        if (existsSync(candidate))
            return candidate;
        if (d === repo || path.dirname(d) === d)
            return path.join(repo, DEFAULT_GRAPH_FILE);
    }
}
async function locateGraph(request) {
    const dir = existingDirectory(request.dir, request.dirLabel);
    const repo = realpathSync(await GitCommandLine.toplevel(dir));
    const file = request.graph === undefined
        ? nearestGraphFile(dir, repo)
        : realPath(path.resolve(request.graphFrom, request.graph));
    const named = request.graph === undefined ? path.relative(request.graphFrom, file) : request.graph;
    const relative = path.relative(repo, file);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
        throw new UserError(`${request.graphLabel} '${named}': ${file} is ${relative === '' ? 'the repository itself' : 'outside the repository'} ${repo}; name a graph file inside it`);
    const normalized = normalizeRepoPath(relative.split(path.sep).join('/'));
    if ('error' in normalized)
        throw new UserError(`${request.graphLabel} '${named}': ${normalized.error}`);
    let stat;
    try {
        stat = lstatSync(file);
    }
    catch {
        stat = undefined; // not in the working tree: the commit may still have it, which the plan says
    }
    if (stat?.isDirectory())
        throw new UserError(`${request.graphLabel} '${named}' is a directory; name the graph file in it (${path.posix.join(normalized.path, DEFAULT_GRAPH_FILE)})`);
    if (stat?.isSymbolicLink())
        throw symlinkedGraph(normalized.path, readlinkSync(file));
    return { git: new GitCommandLine(repo), repo, graphFile: normalized.path };
}
/**
 * A graph file that is a symbolic link: its paths would be relative to the link's directory or the
 * target's, and git holds only the link. Named once, the same way in the CLI and the action.
 */
function symlinkedGraph(graphFile, target, commit) {
    return new UserError(`${graphFile} is a symbolic link (to '${target}')${commit ? ` in commit ${shortId(commit)}` : ''}; a graph file must be a regular file: name the file it points to instead`);
}
/** A file of the working tree, read when asked; null when it cannot be (it is only a head start). */
function workingFile(repo, file) {
    return () => {
        try {
            const bytes = readFileSync(path.join(repo, file));
            // Not UTF-8: no head start; the committed text is read and its error located.
            return isUtf8(bytes) ? bytes.toString('utf8') : null;
        }
        catch {
            return null;
        }
    };
}
/** The graph file as the working tree has it, for checking a work in progress. */
function readWorkingGraph(repo, graphFile) {
    let bytes;
    try {
        bytes = readFileSync(path.join(repo, graphFile));
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT')
            throw new UserError(`${graphFile}: not found in ${repo}; create it or pass --graph FILE`);
        throw new UserError(`${graphFile}: cannot be read (${code ?? e.message})`);
    }
    return decodeGraphText(bytes, graphFile);
}

// Which base to compare against for each event GitHub sends, decided from the payload alone.
// Resolving it (fetching commits, finding merge-bases and tags) is src/commands/resolve-base.ts's job.
/** The base's story in one line (output `base-reason`, the summary's first line). */
function baseReason(resolved) {
    switch (resolved.kind) {
        case 'range':
            return resolved.why;
        case 'everything':
            return resolved.reason;
        case 'base-unavailable':
            return `base unavailable: ${resolved.missing}`;
    }
}
/** Why every node is affected, or undefined when there is a base to compare with. */
function everythingReason(resolved) {
    return resolved.kind === 'range' ? undefined : baseReason(resolved);
}

/** BuildKit reads `<Dockerfile>.dockerignore` before `<context>/.dockerignore`, when it exists. */
function dockerfileIgnoreFile(dockerfile) {
    return `${dockerfile}.dockerignore`;
}
/** Every process output, sorted, with its process: the outputs under a directory are one run. */
let OutputIndex$1 = class OutputIndex {
    byPath = new Map();
    sorted;
    constructor(nodes) {
        for (const node of nodes)
            if (node.kind === 'process')
                for (const o of node.outputs)
                    this.byPath.set(o, node.name);
        this.sorted = [...this.byPath.keys()].sort();
    }
    /** The output that holds path (path itself or an ancestor), if any. */
    holding(path) {
        for (let p = path;;) {
            const process = this.byPath.get(p);
            if (process !== undefined)
                return { output: p, process };
            const cut = p.lastIndexOf('/');
            if (cut === -1)
                return undefined;
            p = p.slice(0, cut);
        }
    }
    /** The outputs strictly under dir ('' is the repository root): a binary search, then a run. */
    under(dir) {
        const prefix = dir === '' ? '' : `${dir}/`;
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.sorted[mid] < prefix)
                lo = mid + 1;
            else
                hi = mid;
        }
        const out = [];
        for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(prefix); i++)
            out.push({ output: this.sorted[i], process: this.byPath.get(this.sorted[i]) });
        return out;
    }
};
/** The processes each image consumes through its context and Dockerfile, by image name. */
function findImpliedInputs(nodes) {
    const outputs = new OutputIndex$1(nodes.values());
    const implied = new Map();
    for (const node of nodes.values()) {
        if (node.kind !== 'image')
            continue;
        const found = [];
        const add = (process, what, path) => {
            if (!found.some(f => f.process === process && f.what === what))
                found.push({ process, what, path });
        };
        const holder = outputs.holding(node.context);
        if (holder)
            add(holder.process, 'context', node.context || '.');
        for (const o of outputs.under(node.context))
            add(o.process, 'context', node.context || '.');
        for (const [path, what] of [
            [node.dockerfile, 'Dockerfile'],
            [dockerfileIgnoreFile(node.dockerfile), 'Dockerfile ignore file']
        ]) {
            const h = outputs.holding(path);
            if (h)
                add(h.process, what, path);
        }
        if (found.length > 0)
            implied.set(node.name, found);
    }
    return implied;
}
/** Record the implied inputs on the images (their `inputs` stay as the file spells them). */
function addImpliedInputs(nodes) {
    for (const [name, because] of findImpliedInputs(nodes)) {
        const image = nodes.get(name);
        const extra = [...new Set(because.map(b => b.process))].filter(p => !image.inputs.includes(p));
        image.implied = {
            inputs: extra.length > 0 ? [...image.inputs, ...extra] : image.inputs,
            because
        };
    }
}
/** How a reason chain says why an input it passes through was not listed: '' when it was. */
function impliedNote(node, input) {
    if (node.kind !== 'image' || !node.implied || node.inputs.includes(input))
        return '';
    const b = node.implied.because.find(i => i.process === input);
    if (b)
        return ` (produces its ${b.what} ${b.path})`;
    const arg = Object.keys(node.imageArgs).find(a => node.imageArgs[a] === input);
    return arg !== undefined ? ` (image-args ${arg})` : '';
}

const isUnder$1 = (path, dir) => dir === '' || path === dir || (path.startsWith(dir) && path.charCodeAt(dir.length) === 47);
class OutputIndex {
    /** Each output path, by the first process that lists it. */
    exact = new Map();
    /** Each directory above an output, by the first output under it. */
    above = new Map();
    sorted;
    /** Registers an output; what it overlaps that is already registered, if anything. */
    add(owner) {
        const clash = this.producerOf(owner.path) ?? this.above.get(owner.path);
        if (!this.exact.has(owner.path))
            this.exact.set(owner.path, owner);
        for (let slash = owner.path.indexOf('/'); slash !== -1; slash = owner.path.indexOf('/', slash + 1)) {
            const dir = owner.path.slice(0, slash);
            if (!this.above.has(dir))
                this.above.set(dir, owner);
        }
        if (!this.above.has(''))
            this.above.set('', owner);
        this.sorted = undefined;
        return clash;
    }
    isEmpty() {
        return this.exact.size === 0;
    }
    /** The output that is path or holds it. */
    producerOf(path) {
        for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
            const owner = this.exact.get(path.slice(0, slash));
            if (owner)
                return owner;
        }
        return this.exact.get(path);
    }
    /** Every output at or under dir ('' is everywhere), in path order. */
    outputsUnder(dir) {
        if (!this.above.has(dir) && !this.exact.has(dir))
            return [];
        this.sorted ??= [...this.exact.keys()].sort();
        const out = [];
        // Binary search to the first path not before dir; what is under dir follows it.
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.sorted[mid] < dir)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(dir); i++)
            if (isUnder$1(this.sorted[i], dir))
                out.push(this.exact.get(this.sorted[i]));
        return out;
    }
    /**
     * The outputs a pattern names: those it matches, and the one its fixed directory lies in (a
     * pattern inside an output names what the process writes).
     */
    namedBy(pattern) {
        const anchor = anchorOf(pattern);
        const holder = this.producerOf(anchor);
        if (holder)
            return [holder];
        const matches = compilePattern(pattern);
        return this.outputsUnder(anchor).filter(o => matches(o.path));
    }
}
const indexes = new WeakMap();
/** The outputs of a graph's processes, indexed once per graph. */
function outputIndexOf(graph) {
    let index = indexes.get(graph);
    if (!index) {
        index = new OutputIndex();
        for (const node of graph.nodes.values())
            if (node.kind === 'process')
                node.outputs.forEach((path, i) => index.add({ path, process: node.name, index: i }));
        indexes.set(graph, index);
    }
    return index;
}

// Checks that span nodes: references between nodes, outputs that overlap or feed their own
// process, cycles; and the order that puts inputs before their consumers.
function checkReferences(r, nodes) {
    const suggestions = new Suggestions(nodes.keys());
    for (const node of nodes.values()) {
        if (node.kind === 'config')
            continue;
        const seen = new Set();
        node.inputs.forEach((input, i) => {
            const at = [SECTION_OF[node.kind], node.name, 'inputs', i];
            const target = nodes.get(input);
            if (!target) {
                r.error(at, 'value', `unknown node '${input}'${suggestions.for(input)}`);
            }
            else if (input === node.name) {
                r.error(at, 'value', `${node.kind} '${node.name}' cannot be its own input`);
            }
            else if (!ALLOWED_INPUTS[node.kind].includes(target.kind)) {
                r.error(at, 'value', `'${input}' is ${article(target.kind)} ${target.kind}; a ${node.kind} takes ${ALLOWED_INPUTS[node.kind].map(k => SECTION_OF[k]).join(' or ')}`);
            }
            else if (seen.has(input)) {
                r.error(at, 'value', `'${input}' is listed twice`);
            }
            seen.add(input);
        });
    }
}
/** `image-args` name other images of the graph (not the image itself, no config or process). */
function checkImageArgs(r, nodes) {
    let images;
    for (const node of nodes.values()) {
        if (node.kind !== 'image')
            continue;
        for (const [arg, name] of Object.entries(node.imageArgs)) {
            const at = ['images', node.name, 'image-args', arg];
            const target = nodes.get(name);
            if (!target) {
                images ??= [...nodes.values()].filter(n => n.kind === 'image').map(n => n.name);
                r.error(at, 'value', `unknown image '${name}'${didYouMean(name, images)}; image-args name images of the graph`);
            }
            else if (name === node.name)
                r.error(at, 'value', `image '${node.name}' cannot be built on itself`);
            else if (target.kind !== 'image')
                r.error(at, 'value', `'${name}' is ${article(target.kind)} ${target.kind}; image-args name images (a ${target.kind} goes in inputs)`);
        }
    }
}
/**
 * The images an image names only in `image-args` join its inputs (without a second edge for one
 * it also lists): built first, affected with it, in its key as upstream keys.
 */
function addImageArgInputs(nodes) {
    for (const node of nodes.values()) {
        if (node.kind !== 'image')
            continue;
        const listed = inputsOf(node);
        const extra = [...new Set(Object.values(node.imageArgs))].filter(name => !listed.includes(name) && nodes.get(name)?.kind === 'image' && name !== node.name);
        if (extra.length === 0)
            continue;
        node.implied = { inputs: [...listed, ...extra], because: node.implied?.because ?? [] };
    }
}
function article(kind) {
    return kind === 'image' ? 'an' : 'a';
}
function checkOutputs(r, nodes) {
    const outputs = new OutputIndex();
    for (const node of nodes.values()) {
        if (node.kind !== 'process')
            continue;
        node.outputs.forEach((output, i) => {
            const clash = outputs.add({ path: output, process: node.name, index: i });
            if (clash) {
                r.error(['processes', node.name, 'outputs', i], 'value', `'${output}' overlaps '${clash.path}', an output of process '${clash.process}'; each output belongs to one process`);
            }
        });
    }
    checkOutputsInInputs(r, nodes, outputs);
}
/**
 * A process whose output is named by a config it consumes (directly or through other processes)
 * changes its own inputs by running: a cycle, refused where the output is listed.
 */
function checkOutputsInInputs(r, nodes, outputs) {
    const reported = new Set();
    for (const config of nodes.values()) {
        if (config.kind !== 'config')
            continue;
        for (const pattern of config.paths) {
            if (pattern.startsWith('!'))
                continue;
            for (const owner of outputs.namedBy(pattern)) {
                const id = `${owner.process}\0${owner.index}`;
                if (reported.has(id) || !consumes(nodes, owner.process, config.name))
                    continue;
                reported.add(id);
                r.error(['processes', owner.process, 'outputs', owner.index], 'value', `cycle: process '${owner.process}' writes '${owner.path}', which config '${config.name}' (an input of it) matches with '${pattern}'; a process cannot write its own inputs`);
            }
        }
    }
}
/** Whether node reaches target through its inputs. */
function consumes(nodes, node, target) {
    const seen = new Set();
    const stack = [node];
    while (stack.length > 0) {
        const n = nodes.get(stack.pop());
        if (!n || n.kind === 'config' || seen.has(n.name))
            continue;
        seen.add(n.name);
        for (const input of n.inputs) {
            if (input === target)
                return true;
            stack.push(input);
        }
    }
    return false;
}
function topologicalOrder(r, nodes) {
    const order = [];
    const state = new Map();
    const stack = [];
    const reported = new Set();
    const visit = (node) => {
        const s = state.get(node.name);
        if (s === 'done')
            return;
        if (s === 'visiting') {
            const cycle = [...stack.slice(stack.indexOf(node.name)), node.name];
            const id = [...cycle].slice(0, -1).sort().join(' ');
            if (!reported.has(id)) {
                reported.add(id);
                const first = nodes.get(cycle[0]);
                r.error(cycleEdge(first, cycle[1]), 'value', `cycle: ${cycle.join(' -> ')}`);
            }
            return;
        }
        state.set(node.name, 'visiting');
        stack.push(node.name);
        for (const input of inputsOf(node))
            visit(nodes.get(input));
        stack.pop();
        state.set(node.name, 'done');
        order.push(node);
    };
    for (const node of nodes.values())
        visit(node);
    return order;
}
/** Where the edge from node to input is written: `inputs`, or the ARG of `image-args` naming it. */
function cycleEdge(node, input) {
    const at = [SECTION_OF[node.kind], node.name];
    if (node.kind === 'image' && !node.inputs.includes(input)) {
        const arg = Object.keys(node.imageArgs).find(a => node.imageArgs[a] === input);
        if (arg !== undefined)
            return [...at, 'image-args', arg];
    }
    return [...at, 'inputs'];
}

// imagegraph.yml -> a validated Graph, or every problem at once with file:line:col and the node path.
// Structural rules here and in schema/imagegraph.schema.json are the same; __tests__/schema.test.ts
// holds them to it. The trip: YAML (yaml.ts), each node's fields (fields.ts), the checks that span
// nodes (checks.ts).
/**
 * Parse and validate a graph file: structure, names, references, cycles, paths that stay in the
 * repository. Checks against the repository's files (missing context, globs that match nothing)
 * are in checkGraphAgainstFiles. Throws GraphError with every problem.
 */
function parseGraph(text, file = DEFAULT_GRAPH_FILE) {
    const { graph, problems } = readGraph(text, file);
    if (problems.length > 0 || !graph)
        throw new GraphError(problems);
    return graph;
}
/**
 * Every problem of a graph file, and the graph made of the nodes that are fine in themselves (no
 * graph when not even the document can be read), so that a checker can go on to the problems
 * that need the repository's files and report them all at once.
 */
function readGraph(text, file = DEFAULT_GRAPH_FILE, 
/** reader: which YAML reader to start with (tests hold both to the same graph). */
options = {}) {
    const locations = new Locations(text);
    let root;
    try {
        root = loadYaml(text, file, locations, options.reader);
    }
    catch (e) {
        if (e instanceof GraphError)
            return { problems: e.problems };
        throw e;
    }
    const r = new Reader();
    const nodes = new Map();
    const nodePaths = new Map();
    const top = Object.create(null);
    const located = () => sortProblems(r.problems.map(p => ({
        file,
        ...locations.locate(p.loc),
        path: p.path,
        message: p.message,
        severity: 'error'
    })));
    if (!isMapValue(root)) {
        r.error([], 'value', `expected a mapping with ${TOP_FIELDS.join(', ')}, got ${describe(root)}`);
        return { problems: located() };
    }
    for (const key of Object.keys(root)) {
        const value = root[key];
        if (key === 'version') {
            if (!(isNumberValue(value) &&
                Number(value instanceof YamlNumber ? value.value : value) === GRAPH_VERSION)) {
                r.error([key], 'value', versionProblem(value));
            }
            continue;
        }
        if (Object.hasOwn(TOP_FIELD_TYPES, key)) {
            top[key] = readField(r, TOP_FIELD_TYPES[key], value, [key]);
            continue;
        }
        const kind = KIND_OF.get(key);
        if (!kind) {
            r.error([key], 'key', `unknown field '${key}'${didYouMean(key, TOP_FIELDS)}; allowed: ${TOP_FIELDS.join(', ')}`);
            continue;
        }
        if (value === null || value === undefined)
            continue; // `images:` with nothing under it
        if (!isMapValue(value)) {
            r.error([key], 'value', `expected a mapping of ${kind} names to ${kind} definitions, got ${describe(value)}`);
            continue;
        }
        for (const name of Object.keys(value)) {
            const path = `${key}.${name}`;
            if (!NAME_PATTERN.test(name)) {
                r.error([key, name], 'key', `'${name}' is not a valid name; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit`);
                continue;
            }
            const node = readNode(r, kind, name, value[name], [key, name]);
            if (!node)
                continue;
            const earlier = nodePaths.get(name);
            if (earlier) {
                const first = locations.locate({
                    segments: [SECTION_OF[nodes.get(name).kind], name],
                    at: 'key'
                });
                r.error([key, name], 'key', `name '${name}' is already used by ${earlier} at ${file}:${first.line}:${first.col}; names are unique across configs, processes and images`);
                continue;
            }
            nodes.set(name, node);
            nodePaths.set(name, path);
        }
    }
    if (!Object.hasOwn(root, 'version'))
        r.error([], 'value', `missing required field 'version'; add 'version: ${GRAPH_VERSION}'`, 'version');
    checkReferences(r, nodes);
    checkImageArgs(r, nodes);
    checkOutputs(r, nodes);
    addImpliedInputs(nodes);
    addImageArgInputs(nodes);
    const order = r.problems.length === 0 ? topologicalOrder(r, nodes) : [];
    const graph = {
        file,
        nodes,
        order,
        ...(typeof top.registry === 'string' ? { registry: top.registry } : {}),
        ...(Array.isArray(top.tags) ? { tags: top.tags } : {}),
        positions: new Positions(locations, nodes, Object.keys(root))
    };
    return { graph, problems: r.problems.length > 0 ? located() : [] };
}
function versionProblem(value) {
    if (typeof value === 'string' && value.trim() === String(GRAPH_VERSION))
        return `version must be the number ${GRAPH_VERSION}, not the string '${value}'; write 'version: ${GRAPH_VERSION}' without quotes`;
    return `unsupported version ${describe(value).replace(/^number /, '')}; supported: ${GRAPH_VERSION}`;
}

// What git says changed, and what is tracked, in the core's terms.
/** The line a file contributes to a content key: `<mode> <object id>\t<path>`. */
function treeLine(f) {
    return 'line' in f ? f.line : `${f.mode} ${f.oid}\t${f.path}`;
}
/** Each path a change touches, with how to name it in a reason: a rename counts at both ends. */
function touchedPaths(change) {
    switch (change.status) {
        case 'renamed':
            return [
                { path: change.oldPath, origin: `${change.oldPath} (renamed to ${change.path})` },
                { path: change.path, origin: `${change.path} (renamed from ${change.oldPath})` }
            ];
        case 'copied':
            return [{ path: change.path, origin: `${change.path} (copied from ${change.oldPath})` }];
        case 'modified':
            return [{ path: change.path, origin: change.path }];
        default:
            return [{ path: change.path, origin: `${change.path} (${change.status})` }];
    }
}

// Content keys: a Merkle hash per node of everything that goes into what it produces.
//
// key = sha256(canonical JSON of {
//   schema:      KEY_SCHEMA, bumped whenever what goes into a key changes
//   kind:        config, process or image
//   definition:  the node's canonical definition (see canonicalDefinition; no names, no
//                `description`, `repository`, `tags`, `tag-pattern`, timeouts or passed variables)
//   filesDigest: sha256 of one line per input, "<mode> <git object id>\t<path>\n", sorted by
//                path: a config's matched files (blob ids); an image's context directory as one
//                line with git's tree id ("040000 <tree id>\t<dir>", '.' for the root), which
//                changes exactly when a file beneath it does, then its Dockerfile and ignore files
//                (blob ids) and the symlinks on the way to them
//   upstream:    the keys of every input, sorted
// })
// Nothing else: not the node's name or its inputs' names (two nodes with the same definition and
// inputs have one key: a rename rebuilds nothing), not the checkout path, the machine, mtimes or
// map order. The breakdown is kept beside the key, with the names as labels that are not hashed,
// so that `imagegraph why NODE --explain` can say why two keys differ.
const KEY_SCHEMA = 'imagegraph-key/v4';
const hashOnce = typeof crypto.hash === 'function'
    ? data => crypto.hash('sha256', data)
    : data => crypto.createHash('sha256').update(data).digest('hex');
function sha256$1(data) {
    // A path that is not UTF-8 holds escaped bytes (lone surrogates): hash the bytes git gave.
    return isWellFormed(data) ? hashOnce(data) : hashBytes(encodePaths(data));
}
const isWellFormed = (s) => s.isWellFormed();
const hashBytes = (data) => crypto.createHash('sha256').update(data).digest('hex');
/** JSON with object keys sorted at every level: the same value always gives the same text. */
function stableStringify(value) {
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value) ?? 'null';
    if (Array.isArray(value))
        return `[${value.map(stableStringify).join(',')}]`;
    const obj = value;
    const keys = Object.keys(obj)
        .filter(k => obj[k] !== undefined)
        .sort();
    return `{${keys.map(k => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}
function sortedRecord(r) {
    return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/**
 * What a node is, independent of how the YAML was written and of names: lists whose order means
 * nothing are sorted, maps are sorted; what changes no artifact is left out (`description`,
 * `repository`, `tags`, `tag-pattern`, `timeout`, `pass-env`); inputs are in the key as upstream
 * keys, and `image-args` as ARG -> the upstream image's key (keyOf). Keys are written in sorted
 * order (hashedJson relies on it).
 */
function canonicalDefinition(node, keyOf) {
    switch (node.kind) {
        case 'config':
            return { paths: [...node.paths].sort() };
        case 'process':
            return {
                env: sortedRecord(node.env),
                outputs: [...node.outputs].sort(),
                run: node.run
            };
        case 'image': {
            const imageArgs = {};
            for (const arg of Object.keys(node.imageArgs).sort())
                imageArgs[arg] = keyOf(node.imageArgs[arg]);
            return {
                buildArgs: sortedRecord(node.buildArgs),
                context: node.context,
                dockerfile: node.dockerfile,
                imageArgs,
                platforms: [...node.platforms].sort(),
                target: node.target ?? null
            };
        }
    }
}
/**
 * A node's definition as the graph file writes it, names included (its inputs, the images of its
 * image-args): when it differs between two commits the node is affected, even where its key would
 * only change through an input (a new input that did not change itself).
 */
function writtenDefinition(node) {
    const definition = canonicalDefinition(node, name => name);
    if (node.kind === 'config')
        return definition;
    return { ...definition, inputs: [...node.inputs].sort() };
}
function nodeLabel(node) {
    return `${node.kind} ${node.name}`;
}
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
/** Files in path order; git already lists them so, and then nothing is sorted. */
function sortedByPath(files) {
    for (let i = 1; i < files.length; i++)
        if (files[i - 1].path > files[i].path)
            return files.slice().sort(byPath);
    return files;
}
/**
 * The text a key hashes: stableStringify of the breakdown without its file list and its labels
 * (the node's name, its inputs' names), the upstream keys sorted. Built with every object's keys
 * already in sorted order, so the native JSON.stringify gives the same text fast.
 */
function hashedJson(b) {
    return JSON.stringify({
        definition: b.definition,
        filesDigest: b.filesDigest,
        kind: b.kind,
        schema: b.schema,
        upstream: b.upstream.map(u => u.key).sort()
    });
}
/** Every node's content key, inputs first. */
function computeKeys(graph, membership) {
    const keys = new Map();
    for (const node of graph.order) {
        const lines = sortedByPath(membership.files.get(node.name) ?? []).map(treeLine);
        const upstream = inputsOf(node)
            .map(name => {
            const input = graph.nodes.get(name);
            return { node: nodeLabel(input), key: keys.get(name).key };
        })
            .sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
        const breakdown = {
            schema: KEY_SCHEMA,
            kind: node.kind,
            name: node.name,
            definition: canonicalDefinition(node, name => keys.get(name).key),
            files: lines,
            filesDigest: sha256$1(lines.length === 0 ? '' : `${lines.join('\n')}\n`),
            upstream
        };
        keys.set(node.name, { key: sha256$1(hashedJson(breakdown)), breakdown });
    }
    return keys;
}

const SYMLINK_MODE = '120000';
/** As the kernel's ELOOP: more links than this in one resolution is a loop. */
const MAX_HOPS$1 = 40;
/** How many links deep another name of a file is looked for (a link to a link's directory...). */
const MAX_ALIAS_DEPTH = 8;
function isSymlink(f) {
    return 'line' in f ? f.line.startsWith(`${SYMLINK_MODE} `) : f.mode === SYMLINK_MODE;
}
/** The object id of a tracked file (the blob that holds a link's target). */
function objectIdOf(f) {
    return 'line' in f ? f.line.slice(f.line.indexOf(' ') + 1, f.line.indexOf('\t')) : f.oid;
}
class Symlinks {
    targets;
    aliasIndex;
    /** targets: each link's path and its target as git holds it (the link blob's text). */
    constructor(targets) {
        this.targets = targets;
    }
    get size() {
        return this.targets.size;
    }
    /**
     * The real path of a repository path ('' is the root), every link on the way followed, and the
     * links it went through (their targets decide it too). An error when a link leads out of the
     * repository or loops.
     */
    resolve(path) {
        const via = [];
        if (this.targets.size === 0)
            return { path, via };
        const out = [];
        const queue = path === '' ? [] : path.split('/');
        let hops = 0;
        while (queue.length > 0) {
            const segment = queue.shift();
            if (segment === '' || segment === '.')
                continue;
            if (segment === '..') {
                if (out.length === 0)
                    return {
                        error: `${describeVia(via, this.targets)}, which leads outside the repository`,
                        via
                    };
                out.pop();
                continue;
            }
            out.push(segment);
            const here = out.join('/');
            const target = this.targets.get(here);
            if (target === undefined)
                continue;
            via.push(here);
            if (++hops > MAX_HOPS$1)
                return { error: `${describeVia(via.slice(0, 3), this.targets)}, ..., which loop`, via };
            if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target))
                return {
                    error: `${describeVia(via, this.targets)}, which leads outside the repository`,
                    via
                };
            out.pop();
            queue.unshift(...target.split('/'));
        }
        return { path: out.join('/'), via };
    }
    /** Links by the real path they lead to (only links that stay in the repository). */
    aliases() {
        if (!this.aliasIndex) {
            this.aliasIndex = new Map();
            for (const link of this.targets.keys()) {
                const r = this.resolve(link);
                if (!('path' in r))
                    continue;
                const list = this.aliasIndex.get(r.path);
                if (list)
                    list.push(link);
                else
                    this.aliasIndex.set(r.path, [link]);
            }
        }
        return this.aliasIndex;
    }
    /**
     * The other names a path has through links: `cfglink/a.yaml` for `cfgreal/a.yaml` when
     * `cfglink -> cfgreal`, with the links each name goes through. Works for paths that are not
     * (or no longer) there too.
     */
    otherNames(path) {
        if (this.targets.size === 0)
            return [];
        const out = [];
        const aliases = this.aliases();
        const visit = (p, via, depth) => {
            if (depth >= MAX_ALIAS_DEPTH)
                return;
            // p and every directory above it, the root included, that some link leads to.
            const dirs = [p];
            for (let i = p.lastIndexOf('/'); i > 0; i = p.lastIndexOf('/', i - 1))
                dirs.push(p.slice(0, i));
            if (p !== '')
                dirs.push('');
            for (const dir of dirs) {
                const links = aliases.get(dir);
                if (links === undefined)
                    continue;
                const rest = dir === '' ? `/${p}` : p.slice(dir.length);
                for (const link of links) {
                    const name = `${link}${rest}`;
                    if (name === p)
                        continue;
                    const chain = [...via, link];
                    out.push({ path: name, via: chain });
                    visit(name, chain, depth + 1);
                }
            }
        };
        visit(path, [], 0);
        return out;
    }
}
function describeVia(via, targets) {
    return via.map(link => `the symlink ${link} -> ${targets.get(link)}`).join(', then ');
}

// Git's tree objects: the Merkle tree a commit already is. A directory's tree id changes exactly
// when something below it changes, so one id names a whole image context. The id can be read from
// git (parseTreeObject) or computed from a listing of the files beneath (treeIdOf), and both give
// git's own id: a key is the same whichever way its files were found.
const TREE_MODE = '040000';
function isTree(f) {
    return 'line' in f ? f.line.startsWith(`${TREE_MODE} `) : f.mode === TREE_MODE;
}
/** The mode of a tracked file. */
function modeOf(f) {
    return 'line' in f ? f.line.slice(0, f.line.indexOf(' ')) : f.mode;
}
/** A tree object's entries; oidBytes is 20 (SHA-1 repositories) or 32 (SHA-256). */
function parseTreeObject(data, oidBytes) {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const entries = [];
    let at = 0;
    while (at < buf.length) {
        const space = buf.indexOf(32, at);
        const nul = buf.indexOf(0, space + 1);
        if (space === -1 || nul === -1 || nul + 1 + oidBytes > buf.length)
            throw new Error('git tree object is cut short');
        const mode = buf.toString('latin1', at, space);
        entries.push({
            mode: mode.length === 5 ? `0${mode}` : mode,
            // The same lossless decoding as every path git gives (utf8.ts).
            name: decodePaths(buf.subarray(space + 1, nul)),
            oid: buf.toString('hex', nul + 1, nul + 1 + oidBytes)
        });
        at = nul + 1 + oidBytes;
    }
    return entries;
}
/**
 * A tree object as git gave it: an entry is found by its name without decoding the others (a plan
 * reads thousands of trees to look up one or two names in each). A large tree is indexed once.
 */
class TreeObject {
    data;
    oidBytes;
    index;
    constructor(data, oidBytes) {
        this.data = data;
        this.oidBytes = oidBytes;
    }
    get(name) {
        // Names compared as bytes: latin1 maps each byte to one character.
        // eslint-disable-next-line no-control-regex
        const key = /^[\x00-\x7f]*$/.test(name) ? name : encodePaths(name).toString('latin1');
        const { data } = this;
        let at;
        if (data.length > 4096) {
            if (!this.index) {
                this.index = new Map();
                for (let i = 0; i < data.length;) {
                    const space = data.indexOf(32, i);
                    const nul = data.indexOf(0, space + 1);
                    this.index.set(data.toString('latin1', space + 1, nul), i);
                    i = nul + 1 + this.oidBytes;
                }
            }
            at = this.index.get(key);
        }
        else {
            for (let i = 0; i < data.length;) {
                const space = data.indexOf(32, i);
                const nul = data.indexOf(0, space + 1);
                if (nul - space - 1 === key.length && data.toString('latin1', space + 1, nul) === key) {
                    at = i;
                    break;
                }
                i = nul + 1 + this.oidBytes;
            }
        }
        if (at === undefined)
            return undefined;
        const space = data.indexOf(32, at);
        const nul = data.indexOf(0, space + 1);
        const mode = data.toString('latin1', at, space);
        return {
            mode: mode.length === 5 ? `0${mode}` : mode,
            oid: data.toString('hex', nul + 1, nul + 1 + this.oidBytes)
        };
    }
}
/** Git's id of a tree holding these entries (each name one path segment). */
function hashTree(entries, oidHexLength) {
    const named = entries.map(e => {
        const name = encodePaths(e.name);
        // Git orders a subtree as if its name ended with '/'.
        const sortKey = e.mode === TREE_MODE ? Buffer.concat([name, Buffer.from('/')]) : name;
        return { e, name, sortKey };
    });
    named.sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
    const parts = [];
    for (const { e, name } of named) {
        parts.push(Buffer.from(`${e.mode === TREE_MODE ? '40000' : e.mode} `, 'latin1'));
        parts.push(name, Buffer.from([0]), oidBytesOf(e.oid));
    }
    const body = Buffer.concat(parts);
    const hash = crypto.createHash(oidHexLength === 64 ? 'sha256' : 'sha1');
    hash.update(`tree ${body.length}\0`);
    hash.update(body);
    return hash.digest('hex');
}
/** An object id as the bytes a tree holds; a hand-made id that is not hex is hashed as its text. */
function oidBytesOf(oid) {
    return /^(?:[0-9a-f]{2})+$/.test(oid) ? Buffer.from(oid, 'hex') : Buffer.from(oid, 'utf8');
}
/**
 * The tree id of directory dir ('' is the root) from the files beneath it, each with its path from
 * the same root: git's own id when the list holds every file under dir. Undefined when none is.
 */
function treeIdOf(files, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    const root = { files: [], dirs: new Map() };
    let oidLength = 40;
    let any = false;
    for (const f of files) {
        if (!f.path.startsWith(prefix) || f.path.length === prefix.length)
            continue;
        any = true;
        const parts = f.path.slice(prefix.length).split('/');
        let here = root;
        for (let i = 0; i < parts.length - 1; i++) {
            let next = here.dirs.get(parts[i]);
            if (!next)
                here.dirs.set(parts[i], (next = { files: [], dirs: new Map() }));
            here = next;
        }
        const oid = objectIdOf(f);
        if (oid.length === 64)
            oidLength = 64;
        here.files.push({ mode: modeOf(f), name: parts[parts.length - 1], oid });
    }
    if (!any)
        return undefined;
    const hashDir = (d) => hashTree([
        ...d.files,
        ...[...d.dirs].map(([name, sub]) => ({ mode: TREE_MODE, name, oid: hashDir(sub) }))
    ], oidLength);
    return hashDir(root);
}

/** The paths a config names whole, or undefined when one of its patterns selects files. */
function wholePathsOf(config) {
    const out = [];
    for (const pattern of config.paths) {
        if (pattern.startsWith('!'))
            return undefined;
        const whole = wholePathOf(pattern);
        if (whole === undefined)
            return undefined;
        out.push(whole);
    }
    return out;
}
/** Whether a process output lies at, under or above path. */
function overlapsOutput(outputs, path) {
    return outputs.producerOf(path) !== undefined || outputs.outputsUnder(path).length > 0;
}
/** A whole-path config's lines: the links on the way, then each path's tree or file line. */
function wholePathLines(paths) {
    const lines = new Map();
    for (const p of paths) {
        for (const link of p.via)
            if (!lines.has(link.path))
                lines.set(link.path, { path: link.path, mode: SYMLINK_MODE, oid: link.oid });
        if (p.real === undefined || p.entry === null)
            continue;
        const path = p.entry.mode === TREE_MODE ? p.real || '.' : p.real;
        if (!lines.has(path))
            lines.set(path, { path, mode: p.entry.mode, oid: p.entry.oid });
    }
    return [...lines.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function overlaps(a, b) {
    return isUnder(a, b) || isUnder(b, a);
}
/** Index the graph's file-owning nodes once; reuse it for tracked files and changed files. */
class GraphFiles {
    graph;
    symlinks;
    index = new PathIndex();
    slots = [];
    realContexts = new Map();
    outputs;
    linkProblems = [];
    /**
     * symlinks: the links of the same tree as the files to come. A context, Dockerfile or config
     * path that goes through a link owns what the link leads to, and the links on the way.
     */
    constructor(graph, symlinks = new Symlinks(new Map())) {
        this.graph = graph;
        this.symlinks = symlinks;
        for (const node of graph.nodes.values()) {
            if (node.kind === 'process')
                continue;
            const slot = { node, files: [], last: -1, dockerfileFound: false, anchors: [] };
            this.slots.push(slot);
            if (node.kind === 'config') {
                const excluded = [];
                for (const pattern of node.paths) {
                    if (pattern.startsWith('!'))
                        excluded.push(compilePattern(pattern.slice(1)));
                    else {
                        this.index.addPattern(pattern, { slot, dockerfile: false });
                        const anchor = anchorOf(pattern);
                        slot.anchors.push(anchor);
                        // Files reached through links are found per file (membership); here only the error.
                        const real = this.symlinks.resolve(anchor);
                        if ('error' in real)
                            this.linkProblems.push({
                                node: node.name,
                                field: 'paths',
                                message: `'${pattern}' goes through ${real.error}; a config's files must be in it`
                            });
                    }
                }
                if (excluded.length === 1)
                    slot.excluded = excluded[0];
                else if (excluded.length > 1)
                    slot.excluded = p => excluded.some(test => test(p));
            }
            else {
                this.index.addDirectory(node.context, { slot, dockerfile: false });
                const context = this.follow(slot, node.context, 'context');
                if (context !== node.context) {
                    this.index.addDirectory(context, { slot, dockerfile: false });
                    this.realContexts.set(node.name, context);
                }
                const dockerfile = this.follow(slot, node.dockerfile, 'dockerfile');
                this.addNamed(slot, node.dockerfile, dockerfile === node.dockerfile);
                if (dockerfile !== node.dockerfile)
                    this.addNamed(slot, dockerfile, true);
                // Decides what of the context is sent, wherever it lies; most images have none.
                for (const ignore of new Set([
                    dockerfileIgnoreFile(node.dockerfile),
                    dockerfileIgnoreFile(dockerfile)
                ])) {
                    this.addNamed(slot, ignore, false);
                    const real = this.follow(slot, ignore, 'dockerfile');
                    if (real !== ignore)
                        this.addNamed(slot, real, false);
                }
            }
        }
    }
    /** One path an image names (not a directory): it is one of the image's files when tracked. */
    addNamed(slot, path, dockerfile) {
        this.index.addFile(path, { slot, dockerfile });
        (slot.named ??= new Set()).add(path);
    }
    /** The real path of one an image names; the links on the way become its files. */
    follow(slot, path, field) {
        slot.anchors.push(path);
        const real = this.symlinks.resolve(path);
        for (const link of real.via)
            this.addNamed(slot, link, false);
        if ('error' in real) {
            // One mistake, said once: the context's link is usually the Dockerfile's too.
            if (!this.linkProblems.some(p => p.node === slot.node.name))
                this.linkProblems.push({
                    node: slot.node.name,
                    field,
                    message: `'${path || '.'}' goes through ${real.error}; ${field === 'context' ? 'a context' : 'a Dockerfile'} must be in it`
                });
            return path;
        }
        slot.anchors.push(real.path);
        return real.path;
    }
    /**
     * Calls found once per node that owns path (and says whether it is that image's Dockerfile).
     * symlinkChange: path is, or was at the other end of the change, a symlink.
     */
    owners(path, found, symlinkChange = false) {
        let seen;
        const once = (node) => {
            if (seen?.includes(node))
                return;
            (seen ??= []).push(node);
            found(node, false);
        };
        const names = this.holders(path, once, found);
        if (!symlinkChange && !this.symlinks.targets.has(path))
            return;
        // A link added, retargeted or removed at or above what a node names may change all it holds.
        if (symlinkChange || this.symlinks.targets.has(path)) {
            const paths = [path, ...names];
            for (const slot of this.slots)
                if (slot.anchors.some(a => paths.some(p => overlaps(a, p))))
                    once(slot.node);
        }
    }
    /** The nodes that hold path, by its name and (configs) by every other name it has through links. */
    holders(path, once, dockerfileOf = once) {
        this.index.match(path, ({ slot, dockerfile }) => {
            if (slot.excluded?.(path))
                return;
            if (dockerfile)
                dockerfileOf(slot.node, true);
            else
                once(slot.node);
        });
        if (this.symlinks.size === 0)
            return [];
        const names = this.symlinks.otherNames(path).map(n => n.path);
        for (const name of names)
            this.index.match(name, ({ slot }) => {
                if (slot.node.kind === 'config' && !slot.excluded?.(name))
                    once(slot.node);
            });
        return names;
    }
    /**
     * Every node's files: a config's matched files; an image's context as one tree line (its tree id,
     * computed from the files beneath as git computes it) and the files it names one by one (see
     * imageFiles). One pass, candidates looked up per directory.
     */
    membership(tracked) {
        for (const slot of this.slots) {
            slot.files = [];
            slot.last = -1;
            slot.dockerfileFound = false;
        }
        // Indexed loops, not for...of: this runs once per file, cold, and an iterator per loop is
        // garbage the collector then has to chase.
        const walk = this.index.walk();
        const levels = walk.levels;
        for (let i = 0; i < tracked.length; i++) {
            const file = tracked[i];
            const path = file.path;
            walk.enter(path);
            for (let level = 0; level < walk.depth; level++) {
                const entries = levels[level];
                for (let k = 0; k < entries.length; k++) {
                    const e = entries[k];
                    if (e.test && !e.test(path))
                        continue;
                    const slot = e.target.slot;
                    if (slot.last === i || (slot.excluded && slot.excluded(path)))
                        continue;
                    slot.last = i;
                    slot.files.push(file);
                }
            }
            const own = walk.own(path);
            if (own === undefined)
                continue;
            for (let k = 0; k < own.length; k++) {
                const e = own[k];
                if (e.test && !e.test(path))
                    continue;
                const slot = e.target.slot;
                if (e.target.dockerfile)
                    slot.dockerfileFound = true;
                if (slot.last === i || (slot.excluded && slot.excluded(path)))
                    continue;
                slot.last = i;
                slot.files.push(file);
            }
        }
        const linkProblems = [...this.linkProblems];
        if (this.symlinks.size > 0)
            this.filesThroughLinks(tracked, linkProblems);
        const files = new Map();
        const dockerfileFound = new Set();
        let linkFiles;
        for (const slot of this.slots) {
            const node = slot.node;
            let lines = slot.files;
            if (node.kind === 'image')
                lines = imageFiles(lines, this.realContexts.get(node.name) ?? node.context, slot.named);
            else if (node.kind === 'config') {
                const whole = this.byTrees(node);
                if (whole) {
                    linkFiles ??= new Map(tracked.filter(isSymlink).map(f => [f.path, f]));
                    lines = wholePathLines(whole.map(path => this.wholePath(path, lines, linkFiles)));
                }
            }
            files.set(node.name, lines);
            if (slot.dockerfileFound)
                dockerfileFound.add(slot.node.name);
            slot.seen = undefined;
        }
        return { files, dockerfileFound, realContexts: this.realContexts, linkProblems };
    }
    /**
     * The paths a config names whole, when its content is their trees (config-trees.ts): none of
     * them goes through a link out, holds a link, or overlaps a process output.
     */
    byTrees(config) {
        const whole = wholePathsOf(config);
        if (!whole)
            return undefined;
        this.outputs ??= outputIndexOf(this.graph);
        for (const path of whole) {
            const real = this.symlinks.resolve(path);
            if ('error' in real)
                return undefined;
            if (overlapsOutput(this.outputs, path) || overlapsOutput(this.outputs, real.path))
                return undefined;
            for (const link of this.symlinks.targets.keys())
                if (isUnder(link, real.path) && link !== real.path)
                    return undefined;
        }
        return whole;
    }
    /** A path a config names whole, from a listing of its files: followed, with its tree id. */
    wholePath(path, files, linkFiles) {
        const real = this.symlinks.resolve(path);
        const via = real.via.flatMap(link => {
            const file = linkFiles.get(link);
            return file ? [{ path: link, oid: objectIdOf(file) }] : [];
        });
        const tree = treeIdOf(files, real.path);
        if (tree !== undefined)
            return { real: real.path, via, entry: { mode: TREE_MODE, oid: tree } };
        const file = files.find(f => f.path === real.path);
        return {
            real: real.path,
            via,
            entry: file ? { mode: modeOf(file), oid: objectIdOf(file) } : null
        };
    }
    /**
     * A config's files by the names they have through links (`cfglink/a.yaml` for `cfgreal/a.yaml`),
     * with the links on the way; a link it holds that leads out of the repository is an error. An
     * image is not given these: a build copies the links in its context as links.
     */
    filesThroughLinks(tracked, problems) {
        const links = new Map();
        for (const file of tracked)
            if (isSymlink(file))
                links.set(file.path, file);
        const add = (slot, file) => {
            slot.seen ??= new Set(slot.files.map(f => f.path));
            if (slot.seen.has(file.path))
                return;
            slot.seen.add(file.path);
            slot.files.push(file);
        };
        for (const file of tracked) {
            for (const name of this.symlinks.otherNames(file.path)) {
                this.index.match(name.path, ({ slot }) => {
                    if (slot.node.kind !== 'config' || slot.excluded?.(name.path))
                        return;
                    add(slot, file);
                    for (const link of name.via) {
                        const linkFile = links.get(link);
                        if (linkFile)
                            add(slot, linkFile);
                    }
                });
            }
        }
        for (const path of this.symlinks.targets.keys()) {
            const real = this.symlinks.resolve(path);
            if (!('error' in real))
                continue;
            const reported = new Set();
            this.holders(path, node => {
                if (node.kind === 'config' && !reported.has(node) && reported.add(node))
                    problems.push({
                        node: node.name,
                        field: 'paths',
                        message: `holds ${real.error}; a config's files must be in the repository`
                    });
            });
        }
    }
}
/**
 * What an image's key holds of the repository: its context directory as one tree line (`040000
 * <tree id>\t<dir>`, '.' for the root), the files it names one by one (Dockerfile, ignore files,
 * the links on the way) and a file that stands where the context should be (an error to report).
 */
function imageFiles(files, context, named = new Set()) {
    const out = [];
    const tree = treeIdOf(files, context);
    if (tree !== undefined)
        out.push({ path: context || '.', mode: TREE_MODE, oid: tree });
    for (const f of files)
        if (f.path === context || named.has(f.path))
            out.push(f);
    return out;
}
function isUnder(path, dir) {
    return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** A problem at segments, or at its node when the file does not spell that field out. */
function problemAt(graph, segments, message) {
    return {
        file: graph.file,
        ...(graph.positions.get(segments) ??
            graph.positions.get(segments.slice(0, 2)) ?? { line: 1, col: 1 }),
        path: pathText(segments),
        message,
        severity: 'error'
    };
}
/** Problems that need the repository's files: empty or file contexts, missing Dockerfiles, idle globs. */
function checkGraphAgainstFiles(graph, membership) {
    const problems = configProblems(graph, membership);
    const at = (node, field) => [
        SECTION_OF[node.kind],
        node.name,
        field
    ];
    for (const p of membership.linkProblems) {
        const node = graph.nodes.get(p.node);
        problems.push(problemAt(graph, at(node, p.field), p.message));
    }
    for (const node of graph.nodes.values()) {
        const files = membership.files.get(node.name) ?? [];
        if (node.kind === 'image') {
            // A symlink to a directory is followed (links.ts); only a real file is not a context.
            if (node.context !== '' &&
                files.some(f => f.path === node.context && !isSymlink(f) && !isTree(f))) {
                problems.push(problemAt(graph, at(node, 'context'), `'${node.context}' is a file; the context must be a directory`));
                continue;
            }
            // A context is a directory with files, wherever the Dockerfile is: a build sends it. Only
            // a process's output may be one that git does not hold.
            const implied = node.implied?.because ?? [];
            const context = membership.realContexts.get(node.name) ?? node.context;
            const hasContextFiles = files.some(f => isUnder(f.path, context)) ||
                membership.linkProblems.some(p => p.node === node.name && p.field === 'context') ||
                implied.some(i => i.what === 'context');
            // A Dockerfile a process writes is no more tracked than the rest of its output.
            const dockerfileMade = implied.some(i => i.what === 'Dockerfile');
            if (!hasContextFiles) {
                problems.push(problemAt(graph, at(node, 'context'), `'${node.context || '.'}' has no tracked files; the context must be a directory in the repository`));
            }
            // A missing default Dockerfile in a missing context is the same mistake: said once.
            const linkProblem = membership.linkProblems.some(p => p.node === node.name);
            if (!membership.dockerfileFound.has(node.name) &&
                !dockerfileMade &&
                !linkProblem &&
                (hasContextFiles || !isUnder(node.dockerfile, node.context))) {
                const field = graph.positions.has(at(node, 'dockerfile')) ? 'dockerfile' : 'context';
                problems.push(problemAt(graph, at(node, field), `Dockerfile '${node.dockerfile}' is not a tracked file${field === 'context' ? ' (set dockerfile: to use another path)' : ''}`));
            }
        }
    }
    return problems;
}
/** Configs that match nothing, and consumed files inside the consuming process's output. */
function configProblems(graph, membership) {
    const problems = [];
    const outputs = outputIndexOf(graph);
    const consumers = consumersOf(graph);
    for (const node of graph.nodes.values()) {
        if (node.kind !== 'config')
            continue;
        const files = membership.files.get(node.name) ?? [];
        if (files.length === 0 && !node.allowEmpty && !namesAnOutput(node, graph)) {
            problems.push(problemAt(graph, ['configs', node.name, 'paths'], `matches no tracked file (${node.paths.join(', ')}); check the patterns, or set 'allow-empty: true' if that is meant`));
        }
        if (!outputs.isEmpty()) {
            const reported = new Set();
            for (const file of files) {
                const owner = outputs.producerOf(file.path);
                if (!owner || reported.has(owner.process))
                    continue;
                if (!(consumers.get(node.name) ?? []).some(p => reaches(graph, p, owner.process)))
                    continue;
                reported.add(owner.process);
                problems.push(problemAt(graph, ['processes', owner.process, 'outputs', owner.index], `cycle: process '${owner.process}' writes '${owner.path}', which holds '${file.path}' of config '${node.name}' (an input of it); a process cannot write its own inputs`));
            }
        }
    }
    return problems;
}
/** Whether a pattern of the config names a process's output (or something inside one). */
function namesAnOutput(config, graph) {
    const outputs = outputIndexOf(graph);
    return config.paths.some(p => !p.startsWith('!') && outputs.namedBy(p).length > 0);
}
/** For each node, the processes that list it as an input. */
function consumersOf(graph) {
    const out = new Map();
    for (const node of graph.nodes.values()) {
        if (node.kind !== 'process')
            continue;
        for (const input of node.inputs) {
            const list = out.get(input);
            if (list)
                list.push(node.name);
            else
                out.set(input, [node.name]);
        }
    }
    return out;
}
/** Whether from is target or feeds it through process inputs. */
function reaches(graph, from, target) {
    if (from === target)
        return true;
    const seen = new Set();
    const stack = [graph.nodes.get(target)];
    while (stack.length > 0) {
        const n = stack.pop();
        if (n.kind === 'config' || seen.has(n.name))
            continue;
        seen.add(n.name);
        for (const input of n.inputs) {
            if (input === from)
                return true;
            const next = graph.nodes.get(input);
            if (next)
                stack.push(next);
        }
    }
    return false;
}

// Why each node is affected: reason chains (file -> config -> process -> image) kept as shared
// links. A node's chain points at its input's chain instead of copying it, so a graph of any depth
// costs one link per chain kept; a long chain is rendered elided, a full one only when asked.
/** At most this many reason chains are kept per node; the count has the total. */
const MAX_CHAINS = 20;
/** A chain of more steps than this is rendered as its first two and last two. */
const MAX_SHOWN_STEPS = 6;
function origin(step) {
    const chain = { step, length: 1 };
    chain.first = chain;
    return chain;
}
function extend(upstream, step) {
    const chain = { step, upstream, length: upstream.length + 1, first: upstream.first };
    chain.second = upstream.length === 1 ? chain : upstream.second;
    return chain;
}
/** The same chain with a note on its last step (one new link; the rest is shared). */
function annotated(chain, note) {
    const copy = { ...chain, step: `${chain.step}${note}` };
    if (chain.length === 1)
        copy.first = copy;
    if (chain.length === 2)
        copy.second = copy;
    return copy;
}
/** Every step of a chain, origin first (as long as the chain: for one node, not for every node). */
function chainSteps(chain) {
    const steps = [];
    for (let c = chain; c; c = c.upstream)
        steps.push(c.step);
    return steps.reverse();
}
/** `a -> b -> c`; past MAX_SHOWN_STEPS steps, `a -> b -> … N more … -> y -> z`. */
function renderChain(chain, maxSteps = MAX_SHOWN_STEPS) {
    if (chain.length <= maxSteps)
        return chainSteps(chain).join(' -> ');
    const last = chain.upstream;
    const hidden = chain.length - 4;
    return [chain.first.step, chain.second.step, `… ${hidden} more …`, last.step, chain.step].join(' -> ');
}
/**
 * The reasons of every node, inputs before consumers: a node's chains are its direct causes
 * (`origins`, by node name) and each of its inputs' chains extended by the node's label.
 */
function reasonChains(graph, origins) {
    const out = new Map();
    for (const node of graph.order) {
        const label = nodeLabel(node);
        const chains = [];
        let count = 0;
        for (const cause of origins.get(node.name) ?? []) {
            if (chains.length < MAX_CHAINS)
                chains.push(extend(origin(cause), label));
            count++;
        }
        for (const name of inputsOf(node)) {
            const upstream = out.get(name);
            if (!upstream)
                continue;
            // An implied input (a process that writes the image's context) says so on its step.
            const note = impliedNote(node, name);
            for (const chain of upstream.chains) {
                if (chains.length >= MAX_CHAINS)
                    break;
                chains.push(extend(note ? annotated(chain, note) : chain, label));
            }
            count = Math.min(Number.MAX_SAFE_INTEGER, count + upstream.count);
        }
        out.set(node.name, { chains, count });
    }
    return out;
}

// Two commits -> an explained plan: what changed, what is affected and why, every content key.
/** Parse the base's graph for comparison only; tell why it cannot be used when it cannot. */
function readBaseGraph(input, head) {
    // An unchanged graph file needs no second parse: no definition can differ.
    if (input.baseGraphText === input.graphText)
        return { graph: head };
    if (input.baseGraphText === null)
        return { unusable: `no ${input.graphFile} at base ${input.base.slice(0, 12)}` };
    try {
        return { graph: parseGraph(input.baseGraphText, input.graphFile) };
    }
    catch (e) {
        if (!(e instanceof UserError))
            throw e;
        const first = e.message.split('\n')[0];
        return {
            unusable: `${input.graphFile} at base ${input.base.slice(0, 12)} is not valid (${first})`
        };
    }
}
function plan(input) {
    const graph = input.graph ?? parseGraph(input.graphText, input.graphFile);
    const graphFiles = input.files?.graphFiles ?? new GraphFiles(graph, input.symlinks);
    const membership = input.files?.membership ?? graphFiles.membership(input.trackedFiles ?? []);
    const problems = checkGraphAgainstFiles(graph, membership);
    const errors = problems.filter(p => p.severity === 'error');
    if (errors.length > 0)
        throw new GraphError(errors);
    const keys = computeKeys(graph, membership);
    // Direct causes: the origin of each chain that starts at this node.
    const direct = new Map();
    const changedFilesOf = new Map();
    const addDirect = (name, origin) => {
        const list = direct.get(name);
        if (!list)
            direct.set(name, [origin]);
        else if (!list.includes(origin))
            list.push(origin);
    };
    let everythingBecause = input.everythingBecause;
    let baseGraph;
    if (!everythingBecause) {
        const base = readBaseGraph(input, graph);
        baseGraph = base.graph;
        if (base.unusable)
            everythingBecause = `${base.unusable}: every node is affected`;
    }
    if (everythingBecause) {
        for (const node of graph.nodes.values())
            addDirect(node.name, everythingBecause);
    }
    else {
        for (const change of input.changedFiles) {
            for (const { path, origin } of touchedPaths(change)) {
                graphFiles.owners(path, node => {
                    addDirect(node.name, origin);
                    const files = changedFilesOf.get(node.name);
                    if (!files)
                        changedFilesOf.set(node.name, [path]);
                    else if (!files.includes(path))
                        files.push(path);
                }, change.symlink === true);
            }
        }
        for (const node of baseGraph === graph ? [] : graph.nodes.values()) {
            const before = baseGraph.nodes.get(node.name);
            if (!before || before.kind !== node.kind)
                addDirect(node.name, `${input.graphFile}: ${nodeLabel(node)} is new`);
            else if (JSON.stringify(writtenDefinition(before)) !== JSON.stringify(writtenDefinition(node))) {
                addDirect(node.name, `${input.graphFile}: ${nodeLabel(node)} changed`);
            }
        }
    }
    const reasons = reasonChains(graph, direct);
    const nodes = new Map();
    for (const node of graph.order) {
        const key = keys.get(node.name);
        const { chains, count } = reasons.get(node.name);
        nodes.set(node.name, {
            kind: node.kind,
            name: node.name,
            affected: chains.length > 0,
            key: key.key,
            reasons: chains.map(c => renderChain(c)),
            chains,
            reasonCount: count,
            changedFiles: changedFilesOf.get(node.name) ?? [],
            inputs: inputsOf(node),
            breakdown: key.breakdown
        });
    }
    return {
        base: input.base,
        head: input.head,
        graphFile: input.graphFile,
        ...(everythingBecause ? { everythingBecause } : {}),
        changedFiles: input.changedFiles,
        nodes,
        order: graph.order.map(n => n.name),
        warnings: problems.filter(p => p.severity === 'warning'),
        graph
    };
}
/** Affected images, inputs before consumers: the order to build them in. */
function affectedImages(p) {
    return p.order.map(n => p.nodes.get(n)).filter(n => n.kind === 'image' && n.affected);
}
function planToJson(p, formatWarning) {
    const out = {
        schema: 'imagegraph-plan/v1',
        base: p.base,
        head: p.head,
        graphFile: p.graphFile,
        ...(p.everythingBecause ? { everythingBecause: p.everythingBecause } : {}),
        changedFiles: p.changedFiles,
        configs: {},
        processes: {},
        images: {},
        affectedImages: [],
        affectedProcesses: [],
        changedConfigs: [],
        warnings: p.warnings.map(formatWarning)
    };
    for (const name of p.order) {
        const n = p.nodes.get(name);
        const node = p.graph.nodes.get(name);
        const common = { key: n.key, reasons: n.reasons, reasonCount: n.reasonCount };
        if (node.kind === 'config') {
            out.configs[name] = { changed: n.affected, ...common, changedFiles: n.changedFiles };
            if (n.affected)
                out.changedConfigs.push(name);
        }
        else if (node.kind === 'process') {
            out.processes[name] = {
                affected: n.affected,
                ...common,
                inputs: node.inputs,
                outputs: node.outputs
            };
            if (n.affected)
                out.affectedProcesses.push(name);
        }
        else {
            out.images[name] = {
                affected: n.affected,
                ...common,
                inputs: node.inputs,
                context: node.context || '.',
                dockerfile: node.dockerfile,
                changedFiles: n.changedFiles
            };
            if (n.affected)
                out.affectedImages.push(name);
        }
    }
    return out;
}

/** A key breakdown's file line `<mode> <oid>\t<path>`, split into its path and its entry. */
function fileEntries(lines) {
    return new Map(lines.map(line => {
        const tab = line.indexOf('\t');
        return [line.slice(tab + 1), line.slice(0, tab)];
    }));
}
/** What was added, changed and removed between two maps: after's order, then the removed ones. */
function mapChanges(before, after) {
    const out = [];
    for (const [name, now] of after) {
        const was = before.get(name);
        if (was !== now)
            out.push(was === undefined ? { name, now } : { name, was, now });
    }
    for (const [name, was] of before)
        if (!after.has(name))
            out.push({ name, was });
    return out;
}
/** The differences between two breakdowns of the same node, in the breakdown's order. */
function explainKeyDifference(before, after) {
    if (!before)
        return [{ kind: 'new-node', node: { kind: after.kind, name: after.name } }];
    const out = [];
    if (before.schema !== after.schema)
        out.push({ kind: 'schema', before: before.schema, after: after.schema });
    if (before.kind !== after.kind)
        out.push({ kind: 'node-kind', before: before.kind, after: after.kind });
    const fields = new Set([...Object.keys(before.definition), ...Object.keys(after.definition)]);
    for (const field of [...fields].sort()) {
        const was = before.definition[field];
        const now = after.definition[field];
        if (stableStringify(was) !== stableStringify(now))
            out.push({ kind: 'definition', field, before: was, after: now });
    }
    for (const { name: path, was, now } of mapChanges(fileEntries(before.files), fileEntries(after.files))) {
        if (was === undefined)
            out.push({ kind: 'file-added', path, entry: now });
        else if (now === undefined)
            out.push({ kind: 'file-removed', path });
        else
            out.push({ kind: 'file-changed', path, before: was, after: now });
    }
    const keysOf = (b) => new Map(b.upstream.map(u => [u.node, u.key]));
    for (const { name: input, was, now } of mapChanges(keysOf(before), keysOf(after))) {
        if (was === undefined)
            out.push({ kind: 'input-added', input, key: now });
        else if (now === undefined)
            out.push({ kind: 'input-removed', input });
        else
            out.push({ kind: 'input-changed', input, before: was, after: now });
    }
    return out;
}
/**
 * A directory's tree id changed: which one, so that its files can be named (`git diff` of the two
 * trees). The key holds one line per directory; the explanation goes down to the file.
 */
function treeChanges(differences) {
    const out = [];
    for (const d of differences)
        if (d.kind === 'file-changed' &&
            d.before.startsWith('040000 ') &&
            d.after.startsWith('040000 '))
            out.push({ path: d.path, before: d.before.slice(7), after: d.after.slice(7) });
    return out;
}
/** How a changed tree's files are looked up: `<path>\0<before>\0<after>`. */
function treeChangeKey(change) {
    return `${change.path}\0${change.before}\0${change.after}`;
}

/** The directory that holds a repository-relative graph file: '' for the repository's top. */
function graphRoot$1(graphFile) {
    const slash = graphFile.lastIndexOf('/');
    return slash === -1 ? '' : graphFile.slice(0, slash);
}
/** A repository-relative path made relative to root, or undefined when it lies outside root. */
function underRoot(repoPath, root) {
    if (root === '')
        return repoPath;
    return repoPath.startsWith(`${root}/`) ? repoPath.slice(root.length + 1) : undefined;
}
/** The tracked files under root, with paths relative to it (a key hashes those paths). */
function scopeTrackedFiles(files, root) {
    if (root === '')
        return files;
    const out = [];
    for (const f of files) {
        const p = underRoot(f.path, root);
        if (p === undefined)
            continue;
        // A key line ends with the path (`<mode> <oid>\t<path>`): the same line, the shorter path.
        out.push('line' in f
            ? { path: p, line: f.line.slice(0, f.line.length - f.path.length) + p }
            : { ...f, path: p });
    }
    return out;
}
/**
 * The changes under root, with paths relative to it. A rename across root's edge is a change
 * inside: a file renamed out of it is deleted there, one renamed or copied in is added.
 */
function scopeChangedFiles(changes, root) {
    if (root === '')
        return changes;
    const out = [];
    for (const c of changes) {
        const to = underRoot(c.path, root);
        const from = c.oldPath === undefined ? undefined : underRoot(c.oldPath, root);
        if (c.oldPath === undefined) {
            if (to !== undefined)
                out.push({ ...c, path: to });
        }
        else if (to !== undefined && from !== undefined)
            out.push({ ...c, path: to, oldPath: from });
        else if (to !== undefined)
            out.push({ path: to, status: 'added' });
        else if (from !== undefined && c.status === 'renamed')
            out.push({ path: from, status: 'deleted' });
    }
    return out;
}

/** As the kernel's ELOOP: more links than this in one resolution is a loop. */
const MAX_HOPS = 40;
/** The trees of one commit under a root directory ('' the repository's top). */
class CommitTree {
    git;
    commit;
    root;
    trees = new Map();
    /** Every link met on the way, by its path under the root: its blob and its target. */
    links = new Map();
    blobs = new Map();
    rootTree;
    constructor(git, commit, root) {
        this.git = git;
        this.commit = commit;
        this.root = root;
    }
    /** Each path's answer, by path. */
    async resolve(paths) {
        const answers = new Map();
        const rootTree = await this.root$();
        let pending = [];
        for (const path of new Set(paths)) {
            if (rootTree === null)
                answers.set(path, { real: path, via: [], entry: null });
            else
                pending.push({
                    path,
                    queue: path === '' ? [] : path.split('/'),
                    out: [],
                    trees: [rootTree],
                    via: [],
                    hops: 0
                });
        }
        while (pending.length > 0) {
            const needs = new Set();
            const next = [];
            for (const walk of pending) {
                const step = this.advance(walk);
                if ('answer' in step)
                    answers.set(walk.path, step.answer);
                else {
                    needs.add(step.need);
                    next.push(walk);
                }
            }
            if (needs.size > 0)
                await this.read([...needs]);
            pending = next;
        }
        return answers;
    }
    /** The root directory's tree id, or null when the commit has no such directory. */
    root$() {
        this.rootTree ??= (async () => {
            const [commitTree] = await this.git.objects([`${this.commit}^{tree}`]);
            if (!commitTree || commitTree.type !== 'tree')
                return null;
            this.store(commitTree);
            let tree = commitTree.oid;
            for (const segment of this.root === '' ? [] : this.root.split('/')) {
                if (!this.trees.has(tree))
                    await this.read([tree]);
                const entry = this.trees.get(tree)?.get(segment);
                if (!entry || entry.mode !== TREE_MODE)
                    return null;
                tree = entry.oid;
            }
            return tree;
        })();
        return this.rootTree;
    }
    /** Walks as far as the trees read so far allow; asks for the one object that is missing. */
    advance(walk) {
        const { queue, out, trees, via } = walk;
        const answer = (entry, error) => ({
            answer: {
                real: error ? walk.path : [...out, ...queue].join('/'),
                via: [...via],
                entry,
                ...(error ? { error } : {})
            }
        });
        if (queue.length === 0 && out.length === 0)
            return answer({ mode: TREE_MODE, oid: trees[0] });
        while (queue.length > 0) {
            const segment = queue[0];
            if (segment === '' || segment === '.') {
                queue.shift();
                if (queue.length === 0)
                    return answer(this.entryOf(out, trees));
                continue;
            }
            if (segment === '..') {
                if (out.length === 0)
                    return answer(null, `${this.describe(via)}, which leads outside the repository`);
                queue.shift();
                out.pop();
                trees.pop();
                if (queue.length === 0)
                    return answer(this.entryOf(out, trees));
                continue;
            }
            const dir = trees[trees.length - 1];
            const entries = this.trees.get(dir);
            if (!entries)
                return { need: dir };
            const entry = entries.get(segment);
            if (!entry)
                return answer(null);
            if (entry.mode === SYMLINK_MODE) {
                const linkPath = [...out, segment].join('/');
                const target = this.blobs.get(entry.oid);
                if (target === undefined)
                    return { need: entry.oid };
                this.links.set(linkPath, { oid: entry.oid, target });
                via.push(linkPath);
                if (++walk.hops > MAX_HOPS)
                    return answer(null, `${this.describe(via.slice(0, 3))}, ..., which loop`);
                if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target))
                    return answer(null, `${this.describe(via)}, which leads outside the repository`);
                queue.shift();
                queue.unshift(...target.split('/'));
                continue;
            }
            queue.shift();
            out.push(segment);
            if (queue.length === 0)
                return answer({ mode: entry.mode, oid: entry.oid });
            if (entry.mode !== TREE_MODE) {
                // A file where a directory should be: nothing is beneath it.
                return answer(null);
            }
            trees.push(entry.oid);
        }
        return answer(this.entryOf(out, trees));
    }
    /** The entry for the directory the walk stands in (after '.' or '..'). */
    entryOf(out, trees) {
        return { mode: TREE_MODE, oid: trees[out.length] ?? trees[trees.length - 1] };
    }
    describe(via) {
        return via.map(link => `the symlink ${link} -> ${this.links.get(link)?.target}`).join(', then ');
    }
    /** Reads objects into the caches: trees parsed, blobs (link targets) as text. */
    async read(oids) {
        const objects = await this.git.objects(oids);
        objects.forEach((object, i) => {
            if (object === null)
                throw new Error(`git has no object ${oids[i]} (commit ${this.commit})`);
            this.store(object);
        });
    }
    store(object) {
        if (object.type === 'tree')
            this.trees.set(object.oid, new TreeObject(object.data, object.oid.length / 2));
        else if (object.type === 'blob')
            this.blobs.set(object.oid, decodePaths(object.data));
    }
}

/** How many times links inside configs lead to more directories to list before it is a loop. */
const MAX_LINK_ROUNDS = 8;
/** The graph's files at commit; root is the graph's directory in the repository. */
async function commitFiles(git, commit, graph, root) {
    const tree = new CommitTree(git, commit, root);
    const images = [...graph.nodes.values()].flatMap(n => (n.kind === 'image' ? [n] : []));
    const configAnchors = new Set();
    for (const node of graph.nodes.values())
        if (node.kind === 'config')
            for (const pattern of node.paths)
                if (!pattern.startsWith('!'))
                    configAnchors.add(anchorOf(pattern));
    const answers = await tree.resolve([
        ...images.flatMap(n => [n.context, n.dockerfile, dockerfileIgnoreFile(n.dockerfile)]),
        ...configAnchors
    ]);
    // A Dockerfile reached through a link has the real file's ignore file too.
    const realIgnores = images.flatMap(n => {
        const real = answers.get(n.dockerfile);
        return real.error || real.real === n.dockerfile ? [] : [dockerfileIgnoreFile(real.real)];
    });
    for (const [path, answer] of await tree.resolve(realIgnores))
        answers.set(path, answer);
    // Configs named by their trees, unless a link inside one says otherwise (config-trees.ts).
    const outputs = outputIndexOf(graph);
    const byTrees = new Map();
    for (const node of graph.nodes.values()) {
        if (node.kind !== 'config')
            continue;
        const whole = wholePathsOf(node);
        const paths = whole?.map(p => answers.get(p));
        if (paths?.every((a, i) => !a.error && !overlapsOutput(outputs, whole[i]) && !overlapsOutput(outputs, a.real)))
            byTrees.set(node.name, paths);
    }
    const dirs = outermost([...byTrees.values()].flat().flatMap(a => (a.entry?.mode === TREE_MODE ? [a.real] : [])));
    const linksInside = (await git.symlinksUnder(commit, dirs.map(d => repoPath(tree, d)))).flatMap(p => {
        const path = underRoot(p, tree.root);
        return path === undefined ? [] : [path];
    });
    for (const [name, paths] of byTrees)
        if (linksInside.some(link => paths.some(a => link !== a.real && isUnder(link, a.real))))
            byTrees.delete(name);
    const listedAnchors = new Set();
    for (const node of graph.nodes.values())
        if (node.kind === 'config' && !byTrees.has(node.name))
            for (const pattern of node.paths)
                if (!pattern.startsWith('!'))
                    listedAnchors.add(anchorOf(pattern));
    const listing = await configListing(git, tree, [...listedAnchors].map(a => answers.get(a)));
    const targets = new Map();
    for (const [path, link] of tree.links)
        targets.set(path, link.target);
    const symlinks = new Symlinks(targets);
    const graphFiles = new GraphFiles(graph, symlinks);
    const membership = graphFiles.membership(listing);
    for (const [name, paths] of byTrees)
        membership.files.set(name, wholePathLines(paths.map(a => ({
            real: a.real,
            via: a.via.map(link => ({ path: link, oid: tree.links.get(link).oid })),
            entry: a.entry
        }))));
    for (const node of images) {
        const named = [node.dockerfile, dockerfileIgnoreFile(node.dockerfile)];
        const dockerfile = answers.get(node.dockerfile);
        if (!dockerfile.error && dockerfile.real !== node.dockerfile)
            named.push(dockerfileIgnoreFile(dockerfile.real));
        const lines = imageLines(tree, answers.get(node.context), named.map(p => answers.get(p)));
        membership.files.set(node.name, lines);
        if (!dockerfile.error && dockerfile.entry && dockerfile.entry.mode !== TREE_MODE)
            membership.dockerfileFound.add(node.name);
        else
            membership.dockerfileFound.delete(node.name);
    }
    return { membership, symlinks, graphFiles };
}
/**
 * An image's lines, as GraphFiles.membership gives them from a full listing: the context's tree
 * (or the file that stands in its place), each named file at its real path, every link on the way.
 */
function imageLines(tree, context, named) {
    const lines = new Map();
    const add = (path, mode, oid) => {
        if (!lines.has(path))
            lines.set(path, { path, mode, oid });
    };
    const links = (answer) => {
        for (const link of answer.via)
            add(link, SYMLINK_MODE, tree.links.get(link).oid);
    };
    links(context);
    if (!context.error && context.entry) {
        if (context.entry.mode === TREE_MODE)
            add(context.real || '.', TREE_MODE, context.entry.oid);
        else
            add(context.real, context.entry.mode, context.entry.oid);
    }
    for (const answer of named) {
        links(answer);
        if (!answer.error && answer.entry && answer.entry.mode !== TREE_MODE)
            add(answer.real, answer.entry.mode, answer.entry.oid);
    }
    return [...lines.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * The files under the configs' fixed directories (as their real paths), and under whatever the
 * links among them lead to, in path order; the links' targets join tree.links.
 */
async function configListing(git, tree, anchors) {
    const listed = [];
    const byPath = new Map();
    let wanted = anchors.filter(a => !a.error && a.entry).map(a => a.real);
    for (let round = 0; wanted.length > 0; round++) {
        const dirs = outermost(wanted).filter(d => !listed.some(l => isUnder(d, l)));
        if (dirs.length === 0)
            break;
        if (round === MAX_LINK_ROUNDS)
            throw new Error(`links inside configs lead on more than ${MAX_LINK_ROUNDS} times`);
        listed.push(...dirs);
        const repoDirs = dirs.map(d => repoPath(tree, d));
        const files = scopeTrackedFiles(await git.filesUnder(tree.commit, repoDirs), tree.root);
        const newLinks = [];
        for (const f of files) {
            if (byPath.has(f.path))
                continue;
            byPath.set(f.path, f);
            if (isSymlink(f) && !tree.links.has(f.path))
                newLinks.push(f);
        }
        // Links inside a config are followed (resolving one reads its target): what they lead to is
        // listed next.
        const resolved = await tree.resolve(newLinks.map(l => l.path));
        wanted = [];
        for (const answer of resolved.values())
            if (!answer.error && answer.entry)
                wanted.push(answer.real);
    }
    // The links on the way to the configs' directories are theirs too, as in a full listing.
    for (const [path, link] of tree.links)
        if (!byPath.has(path))
            byPath.set(path, { path, mode: SYMLINK_MODE, oid: link.oid });
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/** A path under the graph's root as the repository names it. */
function repoPath(tree, path) {
    return tree.root === '' ? path : path === '' ? tree.root : `${tree.root}/${path}`;
}
/** The directories not under another of them. */
function outermost(dirs) {
    const sorted = [...new Set(dirs)].sort();
    const out = [];
    for (const d of sorted)
        if (!out.some(o => isUnder(d, o)))
            out.push(d);
    return out;
}

/** The symlinks among tracked files, with their targets as git holds them (not the working tree). */
async function readSymlinks(git, tracked) {
    const links = tracked.filter(f => isSymlink(f) && objectIdOf(f) !== '');
    const targets = await git.blobs(links.map(objectIdOf));
    const map = new Map();
    links.forEach((link, i) => {
        const target = targets[i];
        // Not guessed: a link whose target is unknown could hide any change behind it.
        if (target === null)
            throw new Error(`git has no object for the symlink ${link.path}`);
        map.set(link.path, target);
    });
    return new Symlinks(map);
}

/** The problems of reading a graph, followed by those of checking it against the files. */
function problemsWithFiles(graph, readProblems, files, symlinks) {
    const membership = new GraphFiles(graph, symlinks).membership(files);
    return [...readProblems, ...checkGraphAgainstFiles(graph, membership)];
}
/** Throws every problem, sorted by position, when any of them is an error. */
function throwOnErrors(problems) {
    if (problems.some(problem => problem.severity === 'error'))
        throw new GraphError(sortProblems(problems));
}
/** The graph file's text checked against the working tree's files: tracked, and untracked ones. */
async function validateWorkingGraph(git, graphText, graphFile) {
    const read = readGraph(graphText, graphFile);
    if (!read.graph)
        throw new GraphError(read.problems);
    const files = scopeTrackedFiles(await git.workingFiles(), graphRoot$1(graphFile));
    const problems = problemsWithFiles(read.graph, read.problems, files, await readSymlinks(git, files));
    throwOnErrors(problems);
    return { graph: read.graph, warnings: problems };
}

/** The revisions a person named (`--base`, `--head`); no base: every node is affected. */
function namedRange(base, head) {
    return base === null
        ? { kind: 'everything', head, reason: 'no base revision' }
        : { kind: 'range', base, head, why: `${base}..${head}` };
}
/** The plan of the located graph file: the working tree's copy of it is the head start. */
function planLocatedGraph(location, base) {
    return planRepository(location.git, {
        graphFile: location.graphFile,
        base,
        workingGraphText: workingFile(location.repo, location.graphFile)
    });
}
/** A parse of the working tree's graph file, or nothing when there is none or it has problems. */
function parseWorkingGraph(request) {
    const text = request.workingGraphText?.();
    if (text === undefined || text === null)
        return undefined;
    const read = readGraph(text, request.graphFile);
    return read.graph && read.problems.length === 0 ? { text, graph: read.graph } : undefined;
}
async function planRepository(git, request) {
    const root = graphRoot$1(request.graphFile);
    const wanted = request.base;
    const [head, base = null] = await git.resolveCommits(wanted.kind === 'range' ? [wanted.head, wanted.base] : [wanted.head]);
    const graphTexts = git.fileBytesAt([
        { rev: head, path: request.graphFile },
        ...(base ? [{ rev: base, path: request.graphFile }] : [])
    ]);
    const changes = base === null
        ? Promise.resolve([])
        : git.changedFiles(base, head).then(c => scopeChangedFiles(c, root));
    // Nothing is left unhandled if the graph turns out invalid and we throw before awaiting it.
    changes.catch(() => undefined);
    // Every git call is under way: the working tree's graph file is parsed while git works.
    const working = parseWorkingGraph(request);
    const [graphBytes, baseGraphBytes = null] = await graphTexts;
    const graphName = underRoot(request.graphFile, root);
    if (graphBytes === null) {
        const entry = await pathEntry(git, head, root, graphName);
        if (entry?.mode === TREE_MODE)
            throw new UserError(`${request.graphFile} is a directory in commit ${shortId(head)}; name the graph file in it (${request.graphFile}/imagegraph.yml)`);
        throw new UserError(`${request.graphFile} is not in commit ${shortId(head)} of ${git.dir}; commit it, or name the graph file that is`);
    }
    const graphText = decodeGraphText(graphBytes, request.graphFile);
    let baseGraphText = null;
    let baseUnreadable;
    try {
        baseGraphText = baseGraphBytes && decodeGraphText(baseGraphBytes, request.graphFile);
    }
    catch (e) {
        if (!(e instanceof GraphError))
            throw e;
        baseUnreadable = `${request.graphFile} at base ${shortId(base)} is not valid (${e.message.split('\n')[0]}): every node is affected`;
    }
    // A symlink's blob is its target's name: it never equals a working tree's valid graph file.
    if (working?.text !== graphText &&
        (await pathEntry(git, head, root, graphName))?.mode === SYMLINK_MODE)
        throw symlinkedGraph(request.graphFile, graphText, head);
    let graph;
    if (working?.text === graphText)
        graph = working.graph;
    else {
        const read = readGraph(graphText, request.graphFile);
        if (!read.graph)
            throw new GraphError(read.problems);
        if (read.problems.length > 0) {
            // Report the problems that need the files too, so that one run lists every mistake.
            const tracked = scopeTrackedFiles(await git.trackedFiles(head), root);
            throw new GraphError(sortProblems(problemsWithFiles(read.graph, read.problems, tracked, await readSymlinks(git, tracked))));
        }
        graph = read.graph;
    }
    const files = await commitFiles(git, head, graph, root);
    const everythingBecause = everythingReason(wanted) ?? baseUnreadable;
    return plan({
        graph,
        graphText,
        graphFile: request.graphFile,
        baseGraphText,
        base: base ?? '',
        head,
        changedFiles: await changes,
        files,
        ...(everythingBecause ? { everythingBecause } : {})
    });
}
/** Every node's key breakdown at another revision (null when the graph is not there or not valid). */
async function keyBreakdownsAt(git, rev, graphFile) {
    const root = graphRoot$1(graphFile);
    const text = await git.fileAt(rev, graphFile);
    if (text === null)
        return null;
    if ((await pathEntry(git, rev, root, underRoot(graphFile, root)))?.mode === SYMLINK_MODE)
        return null;
    let graph;
    try {
        graph = parseGraph(text, graphFile);
    }
    catch (e) {
        if (e instanceof UserError)
            return null;
        throw e;
    }
    const files = await commitFiles(git, await git.resolveCommit(rev), graph, root);
    const keys = computeKeys(graph, files.membership);
    return new Map([...keys].map(([name, k]) => [name, k.breakdown]));
}
/** What stands at a path of a commit (under root), its links not followed; null when nothing. */
async function pathEntry(git, commit, root, path) {
    const slash = path.lastIndexOf('/');
    const parent = slash === -1 ? '' : path.slice(0, slash);
    const answer = (await new CommitTree(git, commit, root).resolve([parent])).get(parent);
    if (answer.error || answer.entry?.mode !== TREE_MODE)
        return null;
    const [tree] = await git.objects([answer.entry.oid]);
    if (!tree)
        return null;
    const name = path.slice(slash + 1);
    return parseTreeObject(tree.data, tree.oid.length / 2).find(e => e.name === name) ?? null;
}
/**
 * The files behind each directory whose tree id differs between a node's key at base and at head,
 * for every node: `why --explain` names them (whyText's treeFiles).
 */
async function changedTreeFiles(git, p, base) {
    const changes = new Map();
    for (const node of p.nodes.values())
        for (const change of treeChanges(explainKeyDifference(base?.get(node.name), node.breakdown)))
            changes.set(treeChangeKey(change), change);
    const out = new Map();
    await Promise.all([...changes].map(async ([key, change]) => {
        const prefix = change.path === '.' ? '' : `${change.path}/`;
        const files = await git.changedFiles(change.before, change.after);
        out.set(key, files.map(f => f.oldPath === undefined
            ? `${prefix}${f.path} (${f.status})`
            : `${prefix}${f.path} (${f.status} from ${prefix}${f.oldPath})`));
    }));
    return out;
}

// The images of a run as the build command needs them: the plan's image nodes made into plain jobs
// (absolute paths, where each is pushed, its tags for this run), with every tag template rendered
// once before anything is built, so that a template that cannot make a valid tag is a located
// error up front. Pure: the caller gives the graph's directory and what names the run.
/** The highest {{seq}} a label may hold (build-images reads at most nine digits). */
const LONGEST_SEQ = 999_999_999;
/** `host[:port][/path]` -> the host and the repository prefix under it. */
function splitRegistry(registry) {
    const slash = registry.indexOf('/');
    return slash < 0
        ? { host: registry, prefix: '' }
        : { host: registry.slice(0, slash), prefix: registry.slice(slash + 1).replace(/\/+$/, '') };
}
/** The values of every field but {{seq}} (known only at build time) and {{key}}, {{image}}. */
function runValues(names, node) {
    const values = {
        sha: names.commit,
        short_sha: names.commit.slice(0, 7)
    };
    if (names.branch)
        values.branch = names.branch;
    if (names.pr !== undefined)
        values.pr = names.pr;
    const version = names.version !== undefined && names.version !== ''
        ? (versionFromRef(names.version) ?? { version: names.version.replace(/^v(?=\d)/, '') })
        : names.ref
            ? versionFromRef(names.ref, node.tagPattern)
            : undefined;
    if (version) {
        values.version = version.version;
        if ('major' in version) {
            values.major = version.major;
            values.minor = version.minor;
            values.patch = version.patch;
        }
    }
    return values;
}
/**
 * Every image of the plan as a job, its tags rendered and checked. Throws a UserError listing every
 * problem (a template that renders to an invalid tag, an invalid repository or registry), each
 * located in the graph file or naming the input, before anything is built.
 */
function imageJobs(request) {
    const { plan, names } = request;
    const graph = plan.graph;
    const problems = [];
    const notes = [];
    const locate = (segments, message) => {
        const at = graph.positions.get(segments) ?? { line: 1, col: 1 };
        const problem = {
            file: graph.file,
            line: at.line,
            col: at.col,
            path: pathText(segments),
            message,
            severity: 'error'
        };
        return formatProblem(problem);
    };
    const registryText = request.registry || graph.registry;
    let registry;
    if (registryText) {
        registry = splitRegistry(registryText);
        const bad = registryProblem(registry.host);
        if (bad)
            problems.push(request.registry
                ? `${request.registryLabel}: ${bad}`
                : locate(['registry'], `${bad}; write host[:port][/path], e.g. ghcr.io/my-org`));
    }
    const inputTags = request.tags && request.tags.length > 0 ? request.tags : undefined;
    if (inputTags)
        inputTags.forEach((template, index) => {
            const parsed = parseTagTemplate(template);
            if ('problem' in parsed)
                problems.push(`${request.tagsLabel} (item ${index + 1}): ${tagTemplateMessage(template, parsed.problem)}`);
        });
    const jobs = [];
    for (const name of plan.order) {
        const node = graph.nodes.get(name);
        if (node.kind !== 'image')
            continue;
        const planned = plan.nodes.get(name);
        const repository = registry?.prefix ? `${registry.prefix}/${node.repository}` : node.repository;
        const badRepository = repositoryProblem(repository);
        if (badRepository)
            problems.push(node.fields.includes('repository')
                ? locate(['images', name, 'repository'], badRepository)
                : locate(['images', name], `${badRepository} (the image's name is its repository unless it sets repository:); set repository: to a valid name`));
        const templates = templatesFor(graph, node, inputTags);
        const source = (index) => node.tags !== undefined
            ? { segments: ['images', name, 'tags', index] }
            : inputTags
                ? { label: request.tagsLabel, index }
                : { segments: ['tags', index] };
        const values = { ...runValues(names, node), key: planned.key, image: name };
        const kept = [];
        templates.forEach((template, index) => {
            const parsed = parseTagTemplate(template);
            if ('problem' in parsed)
                return; // input templates are reported above; the graph's on reading
            const usesSeq = parsed.parts.some(p => 'field' in p && p.field === 'seq');
            for (const seq of usesSeq ? [0, LONGEST_SEQ] : [undefined]) {
                const rendered = renderTag(parsed.parts, seq === undefined ? values : { ...values, seq });
                if ('tag' in rendered)
                    continue;
                if (rendered.problem.kind === 'missing-value') {
                    notes.push(`image ${name}: tag '${template}' left out: ${missingValue(rendered.problem.field, node)}`);
                    return;
                }
                const message = `image ${name}: ${tagTemplateMessage(template, rendered.problem)}`;
                const where = source(index);
                problems.push('segments' in where
                    ? locate(where.segments, message)
                    : `${where.label} (item ${where.index + 1}): ${message}`);
                return;
            }
            kept.push({ template, usesSeq, floating: isFloating(parsed.parts) });
        });
        const tags = {
            usesSeq: kept.some(k => k.usesSeq),
            render(seq) {
                const out = [];
                for (const k of kept) {
                    if (k.usesSeq && seq === undefined)
                        continue;
                    const rendered = renderTag(k.template, seq === undefined ? values : { ...values, seq });
                    if ('tag' in rendered)
                        out.push({ tag: rendered.tag, floating: k.floating });
                }
                return out;
            }
        };
        const imageNeeds = inputsOf(node).filter(n => graph.nodes.get(n)?.kind === 'image');
        jobs.push({
            name,
            key: planned.key,
            repository,
            context: path.resolve(request.root, node.context),
            dockerfile: path.resolve(request.root, node.dockerfile),
            ...(node.target !== undefined ? { target: node.target } : {}),
            platforms: [...node.platforms],
            buildArgs: { ...node.buildArgs },
            imageArgs: { ...node.imageArgs },
            needs: [...new Set([...imageNeeds, ...Object.values(node.imageArgs)])],
            affected: planned.affected,
            reasons: [...planned.reasons],
            tags
        });
    }
    if (problems.length > 0)
        throw new UserError(`${problems.length === 1 ? 'a tag or name is' : `${problems.length} tags or names are`} invalid; nothing was built:\n${problems.join('\n')}`);
    return { jobs, ...(registry ? { registryHost: registry.host } : {}), notes };
}
function missingValue(field, node) {
    switch (field) {
        case 'pr':
            return 'this run is not for a pull request';
        case 'branch':
            return 'this run is not on a branch';
        case 'version':
        case 'major':
        case 'minor':
        case 'patch':
            return node.tagPattern
                ? `no version: the ref is not a tag matching ${node.tagPattern} and no version was given`
                : field === 'version'
                    ? 'no version: the ref is not a version tag (v1.2.3) and no version was given'
                    : `no {{${field}}}: the version is not semantic (1.2.3)`;
        default:
            return `this run has no value for {{${field}}}`;
    }
}
/**
 * The images that cannot be built because a process they read (directly, through other processes,
 * or implied by writing their context) failed or was skipped: image -> one line.
 */
function blockedImages(graph, images, processProblems) {
    const blocked = {};
    if (processProblems.size === 0)
        return blocked;
    for (const image of images) {
        const seen = new Set();
        const found = [];
        const visit = (name) => {
            if (seen.has(name))
                return;
            seen.add(name);
            const node = graph.nodes.get(name);
            if (!node || node.kind !== 'process')
                return;
            const problem = processProblems.get(name);
            if (problem !== undefined)
                found.push(`process ${name} ${problem}`);
            for (const input of inputsOf(node))
                visit(input);
        };
        const node = graph.nodes.get(image);
        if (node)
            for (const input of inputsOf(node))
                visit(input);
        if (found.length > 0)
            blocked[image] = found.join('; ');
    }
    return blocked;
}

/** `a,b` or one per line (or both), spaces around names ignored, each name once, in given order. */
function parseImageList(text) {
    const names = text
        .split(/[,\n]/)
        .map(n => n.trim())
        .filter(n => n !== '');
    return [...new Set(names)];
}
/**
 * The named images in build order (inputs first), or one error naming every name that is not an
 * image of the graph, each with a did-you-mean. `label` says where the names came from.
 */
function selectImages(names, graph, label) {
    const images = [...graph.nodes.values()].filter(n => n.kind === 'image').map(n => n.name);
    const suggestions = new Suggestions(images);
    const problems = [];
    for (const name of names) {
        const node = graph.nodes.get(name);
        if (node?.kind === 'image')
            continue;
        problems.push(node
            ? `'${name}' is a ${node.kind} of ${graph.file}, not an image`
            : `'${name}' is not an image of ${graph.file}${suggestions.for(name)}`);
    }
    if (problems.length > 0)
        throw new UserError(`${label}: ${problems.join('; ')}. Images: ${images.slice(0, 20).join(', ')}${images.length > 20 ? `, … ${images.length - 20} more` : ''}`);
    const wanted = new Set(names);
    return graph.order.filter(n => wanted.has(n.name)).map(n => n.name);
}

// How many things a command runs at once: a queue of slots, and the default size (the CPUs).
// Shared by run-processes (processes) and build-images (builds).
/** Waits for a free slot: at most `size` holders at once, served in order of asking. */
class Slots {
    free;
    waiting = [];
    constructor(size) {
        this.free = size;
    }
    async take() {
        if (this.free > 0) {
            this.free--;
            return;
        }
        await new Promise(resolve => this.waiting.push(resolve));
    }
    give() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.free++;
    }
}
/** The number of CPUs this process may use. */
function defaultParallel() {
    return typeof os.availableParallelism === 'function'
        ? os.availableParallelism()
        : Math.max(1, os.cpus().length);
}

// The names every part of the execution half agrees on: an image's content tag and the labels that
// trace a pushed image back to its inputs. Builds write them; reuse, retag and {{seq}} read them.
/** The content tag of a key: it names the exact inputs (tags allow 128 characters; this is 68). */
function contentTag(key) {
    if (!/^[0-9a-f]{64}$/.test(key))
        throw new Error(`not a content key: '${key}'`);
    return `key-${key}`;
}
/** The key a content tag names, or undefined for any other tag. */
function keyOfContentTag(tag) {
    const match = /^key-([0-9a-f]{64})$/.exec(tag);
    return match ? match[1] : undefined;
}
/** OCI's own labels, and imagegraph's. */
const LABELS = {
    source: 'org.opencontainers.image.source',
    revision: 'org.opencontainers.image.revision',
    version: 'org.opencontainers.image.version',
    created: 'org.opencontainers.image.created',
    title: 'org.opencontainers.image.title',
    /** The image's full content key. */
    key: 'dev.imagegraph.key',
    /** The first reason it was built (file -> ... -> image), one line. */
    reason: 'dev.imagegraph.reason',
    /** Its {{seq}} number, so the same content keeps its number. */
    seq: 'dev.imagegraph.seq'
};

// What happened to each image of a run, as data: the build-images command fills it, the renderers
// show it, the action's `results` output is its JSON (render/images.ts imagesToJson).
function imagesFailed(run) {
    return run.images.filter(i => i.status === 'failed').map(i => i.name);
}

// Which images a run builds, reuses, retags or leaves alone: the images of the run (affected or
// not, with their reasons) plus what the registry answered for their content tags -> one step each.
// The registry, not the diff, is the final word: a key already there is never rebuilt, a key missing
// is built when the run needs it (rebuild-missing, or an image a build stands on).
const REASON_KEY_MISSING = 'key not in the registry';
function byName(jobs) {
    const map = new Map();
    for (const job of jobs)
        map.set(job.name, job);
    for (const job of jobs)
        for (const need of job.needs)
            if (!map.has(need))
                throw new Error(`image ${job.name} builds on unknown image ${need}`);
    return map;
}
function unknownSelection(jobs, images) {
    const unknown = images.filter(name => !jobs.has(name));
    if (unknown.length > 0)
        throw new Error(`images: unknown image ${unknown.join(', ')}`);
}
/** The images in scope: all, or the selected ones and every image they build on, transitively. */
function imagesInScope(jobs, images) {
    const map = byName(jobs);
    if (images === undefined)
        return jobs.map(j => j.name);
    unknownSelection(map, images);
    const seen = new Set();
    const visit = (name) => {
        if (seen.has(name))
            return;
        seen.add(name);
        for (const need of map.get(name).needs)
            visit(need);
    };
    images.forEach(visit);
    return jobs.filter(j => seen.has(j.name)).map(j => j.name);
}
/**
 * The images whose content tag the registry is asked about: none without a registry; else every
 * image in scope that the run may build, reuse or retag, and every image those build on (a build
 * needs its bases' digests, or builds them when they are missing).
 */
function imagesToCheck(jobs, options) {
    if (!options.registry)
        return [];
    const rebuildMissing = options.rebuildMissing ?? true;
    const scope = imagesInScope(jobs, options.images);
    // A leg checks all of its scope: its images, and the bases it builds itself when missing.
    if (options.images !== undefined || rebuildMissing || options.retagUnaffected)
        return scope;
    const map = byName(jobs);
    const wanted = new Set();
    const visit = (name) => {
        if (wanted.has(name))
            return;
        wanted.add(name);
        for (const need of map.get(name).needs)
            visit(need);
    };
    for (const name of scope)
        if (map.get(name).affected)
            visit(name);
    return scope.filter(name => wanted.has(name));
}
/**
 * One step per image in scope. `answers` holds the registry's word on each checked key (see
 * imagesToCheck); an image a build stands on whose key is missing (or cannot be taken from a
 * registry) is built first, whether affected or not: a build never stands on a stale or absent base.
 */
function imageSteps(jobs, answers, options) {
    const map = byName(jobs);
    const rebuildMissing = options.rebuildMissing ?? true;
    const scope = imagesInScope(jobs, options.images);
    const selected = new Set(options.images ?? scope);
    const steps = new Map();
    for (const name of scope) {
        const job = map.get(name);
        const key = answers.get(name);
        const step = { name, action: 'unchanged', reasons: [...job.reasons] };
        if (key !== undefined)
            step.key = key;
        if (selected.has(name)) {
            if (job.affected)
                step.action = key === 'usable' ? 'reuse' : 'build';
            else if (key === 'usable')
                step.action = options.retagUnaffected ? 'retag' : 'unchanged';
            else if (key === 'missing' && rebuildMissing) {
                step.action = 'build';
                step.reasons.push(REASON_KEY_MISSING);
            }
        }
        steps.set(name, step);
    }
    // What the builds stand on: a base that is not usable in the registry is built by this run too.
    // Dependents come after their bases in no particular order, so walk from each build upwards.
    const needsBuild = (name, by) => {
        const step = steps.get(name);
        if (step.action === 'build' || step.key === 'usable')
            return;
        step.action = 'build';
        step.reasons.push(options.registry
            ? `${REASON_KEY_MISSING}; ${by} builds on it`
            : `${by} builds on it, and there is no registry to take it from`);
        for (const need of map.get(name).needs)
            needsBuild(need, name);
    };
    for (const name of scope) {
        if (steps.get(name).action !== 'build')
            continue;
        for (const need of map.get(name).needs)
            needsBuild(need, name);
    }
    const ordered = scope.map(name => steps.get(name));
    return { steps: ordered, toBuild: ordered.filter(s => s.action === 'build').map(s => s.name) };
}
/**
 * The images in dependency order (every image after those it builds on), for the run's scheduling
 * and messages. Throws on a cycle: the graph checks reject one before a run.
 */
function dependencyOrder(jobs) {
    const map = byName(jobs);
    const order = [];
    const state = new Map();
    const visit = (name) => {
        const s = state.get(name);
        if (s === 'done')
            return;
        if (s === 'visiting')
            throw new Error(`images build on each other in a cycle through ${name}`);
        state.set(name, 'visiting');
        for (const need of map.get(name).needs)
            visit(need);
        state.set(name, 'done');
        order.push(name);
    };
    for (const job of jobs)
        visit(job.name);
    return order;
}

// Use case: build, push, reuse and tag the images of a run. First ask the registry which content
// keys it already holds (decideImages: the processes the builds need are handled between the two
// calls), then buildImages: in dependency order, independent images in parallel, each build handed
// its bases by digest (or the local image this run made), tags set by putting the exact manifest
// bytes, floating tags moved only forward. Shared by the action (`mode: build`) and `imagegraph run`.
function checkInput(input, ports) {
    if (input.push && !ports.registry)
        throw new UserError('push: pushing images needs a registry; set registry (CLI: --registry)');
}
/** Asks the registry for every content key the run may build on, reuse or retag (concurrently). */
async function decideImages(input, ports) {
    checkInput(input, ports);
    const options = {
        registry: ports.registry !== undefined,
        rebuildMissing: input.rebuildMissing,
        retagUnaffected: input.retagUnaffected,
        images: input.images
    };
    const jobs = new Map(input.jobs.map(j => [j.name, j]));
    const checked = imagesToCheck(input.jobs, options);
    const answers = new Map();
    const manifests = new Map();
    if (ports.registry && checked.length > 0) {
        const usability = await ports.registry.usableMany(checked.map(name => ({
            repository: jobs.get(name).repository,
            tag: contentTag(jobs.get(name).key)
        })));
        checked.forEach((name, i) => {
            const u = usability[i];
            answers.set(name, u.usable ? 'usable' : 'missing');
            if (u.usable)
                manifests.set(name, u.manifest);
            else if (u.reason.kind !== 'manifest-missing')
                ports.reporter.info(`${name}: ${contentTag(jobs.get(name).key)} is in the registry but not usable (${u.reason.kind} ${'digest' in u.reason ? u.reason.digest : ''}); building it`);
        });
        ports.reporter.info(`registry ${ports.registry.host}: ${manifests.size} of ${checked.length} content keys present`);
    }
    const decided = imageSteps(input.jobs, answers, options);
    return { ...decided, manifests };
}
function errorText$1(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Lines of a build kept for the action's log group (the summary keeps only the tail). */
const LOG_GROUP_LINES = 20000;
/** The seq label's value as a number, or undefined when it is not a whole number. */
function seqOf(labels) {
    const text = labels?.[LABELS.seq];
    return text !== undefined && /^(0|[1-9][0-9]{0,8})$/.test(text) ? Number(text) : undefined;
}
/** One run of buildImages: the ports, the input, and what is shared between images. */
class ImagesJob {
    input;
    ports;
    decision;
    builderPromise;
    builderReason;
    /** Per repository: the last {{seq}} number handed out in this run. */
    seqs = new Map();
    constructor(input, ports, decision) {
        this.input = input;
        this.ports = ports;
        this.decision = decision;
    }
    ref(job) {
        return this.ports.registry ? `${this.ports.registry.host}/${job.repository}` : job.repository;
    }
    builder() {
        this.builderPromise ??= this.ports.builder().then(chosen => {
            this.builderReason = `${chosen.builder.description}: ${chosen.reason}`;
            this.ports.reporter.info(`builder ${this.builderReason}`);
            return chosen;
        });
        return this.builderPromise;
    }
    /**
     * The next {{seq}} number of a repository: one more than the highest seq label among its content
     * tags (labels, not tag names: a template may mix {{seq}} with fields that change every run), 0
     * for the first. Numbers handed out in this run count too, so parallel builds never share one.
     */
    nextSeq(repository) {
        const registry = this.ports.registry;
        const previous = this.seqs.get(repository) ??
            (async () => {
                const tags = (await registry.listTags(repository)).filter(t => /^key-[0-9a-f]{64}$/.test(t));
                const labels = await Promise.all(tags.map(t => registry.labels(repository, t)));
                return labels.reduce((max, l) => Math.max(max, seqOf(l) ?? -1), -1);
            })();
        const next = previous.then(n => n + 1);
        this.seqs.set(repository, next);
        return next;
    }
    /**
     * Puts `manifest` under each tag (the exact bytes: the digest stays). A floating tag moves only
     * when the commit built descends from the one it names now (its revision label); otherwise it
     * stays, with a notice. Returns the tags set and the notices.
     */
    async setTags(job, manifest, tags) {
        const registry = this.ports.registry;
        const set = [];
        const notices = [];
        for (const { tag, floating } of tags) {
            if (floating) {
                const head = await registry.headManifest(job.repository, tag);
                if (head && head.digest !== manifest.digest) {
                    const labels = await registry.labels(job.repository, tag);
                    const at = labels?.[LABELS.revision];
                    const stay = await this.floatingStays(at, tag);
                    if (stay) {
                        notices.push(stay);
                        this.ports.reporter.info(`${job.name}: ${stay}`);
                        continue;
                    }
                }
                if (head?.digest === manifest.digest) {
                    set.push(tag);
                    continue;
                }
            }
            await registry.putManifest(job.repository, tag, manifest);
            set.push(tag);
        }
        return { set, notices };
    }
    /** Why a floating tag now at `at` stays where it is; undefined when it may move to the commit. */
    async floatingStays(at, tag) {
        const commit = this.input.commit;
        if (at === undefined)
            return `${tag} stays: the image it names has no ${LABELS.revision} label, so this build cannot tell whether it is newer (move it with imagegraph retag)`;
        if (at === commit)
            return undefined;
        const descends = await this.ports.git.isAncestor(at, commit);
        if (descends === true)
            return undefined;
        if (descends === false)
            return `${tag} stays at ${at}: ${commit} does not descend from it (floating tags only move forward; move it with imagegraph retag)`;
        return `${tag} stays at ${at}: that commit is not in the local history, so this build cannot tell whether ${commit} descends from it (fetch more history: actions/checkout fetch-depth: 0)`;
    }
    /** The version tags this run gives an image; the content tag is always set apart. */
    versionTags(job, seq) {
        const content = contentTag(job.key);
        const seen = new Set([content]);
        return job.tags.render(seq).filter(t => !seen.has(t.tag) && seen.add(t.tag));
    }
    labels(job, tags, seq) {
        const version = this.input.version ?? tags.find(t => !t.floating)?.tag ?? contentTag(job.key);
        const labels = {
            [LABELS.revision]: this.input.commit,
            [LABELS.version]: version,
            [LABELS.created]: this.input.created,
            [LABELS.title]: job.name,
            [LABELS.key]: job.key
        };
        if (this.input.source)
            labels[LABELS.source] = this.input.source;
        if (job.reasons.length > 0)
            labels[LABELS.reason] = job.reasons[0];
        if (seq !== undefined)
            labels[LABELS.seq] = String(seq);
        return labels;
    }
    /** Builds one image whose bases are done; pushes and tags it when the run pushes. */
    async build(job, step, bases) {
        const started = performance.now();
        const result = {
            name: job.name,
            status: 'failed',
            ref: this.ref(job),
            tags: [],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        const finish = (outcome = {}) => {
            result.seconds = Math.round((performance.now() - started) / 100) / 10;
            const failed = result.status === 'failed';
            return { result, causes: failed ? [`image ${job.name} failed`] : [], ...outcome };
        };
        const fail = (error, logTail) => {
            result.status = 'failed';
            result.error = error;
            if (logTail)
                result.logTail = logTail.slice(-30);
            this.ports.reporter.info(`${job.name}: failed: ${error}`);
            return finish();
        };
        const buildArgs = { ...job.buildArgs };
        const localBases = [];
        for (const [arg, image] of Object.entries(job.imageArgs)) {
            const base = bases.get(image);
            if (base?.byDigest)
                buildArgs[arg] = base.byDigest;
            else if (base?.local) {
                buildArgs[arg] = base.local.ref;
                localBases.push(base.local);
            }
            else
                return fail(`no reference for ${arg}: image ${image} is neither in the registry nor built by this run`);
        }
        const push = this.input.push;
        const registry = this.ports.registry;
        let seq;
        try {
            if (push && job.tags.usesSeq)
                seq = await this.nextSeq(job.repository);
        }
        catch (e) {
            return fail(`reading the {{seq}} numbers of ${this.ref(job)}: ${errorText$1(e)}`);
        }
        const tags = this.versionTags(job, seq);
        let builder;
        try {
            builder = (await this.builder()).builder;
        }
        catch (e) {
            return fail(errorText$1(e));
        }
        const content = contentTag(job.key);
        const live = this.ports.reporter.processLine?.bind(this.ports.reporter);
        const lines = [];
        let dropped = 0;
        this.ports.reporter.info(`${job.name}: building (${step.reasons[0] ?? 'needed'})`);
        const built = await builder.build({
            image: job.name,
            key: job.key,
            context: job.context,
            dockerfile: job.dockerfile,
            ...(job.target !== undefined ? { target: job.target } : {}),
            platforms: job.platforms,
            buildArgs,
            labels: this.labels(job, tags, seq),
            // The content tag only: version tags are put on the manifest the registry then holds.
            tags: push ? [`${this.ref(job)}:${content}`] : [],
            push,
            // Default: the registry's host over verified TLS, credentials from the builder's own config.
            ...(this.input.connection || registry
                ? { registry: this.input.connection ?? { host: registry.host } }
                : {}),
            ...(this.input.layerCache ? { cache: this.input.layerCache } : {}),
            ...(localBases.length > 0 ? { localBases } : {}),
            onLine: line => {
                if (live)
                    return live(job.name, line);
                lines.push(line);
                if (lines.length > LOG_GROUP_LINES) {
                    lines.shift();
                    dropped++;
                }
            }
        });
        if (!live) {
            if (dropped > 0)
                lines.unshift(`[imagegraph: ${dropped} earlier lines were not kept]`);
            this.ports.reporter.group(`${job.name}: ${built.ok ? 'built' : `failed (${built.error ?? 'build failed'})`}`, lines);
        }
        if (!built.ok)
            return fail(built.error ?? 'the build failed', built.logTail);
        if (!push || !registry) {
            result.status = 'built';
            if (built.imageId)
                result.imageId = built.imageId;
            return finish(built.local ? { local: built.local } : {});
        }
        // The digest is the registry's word, not the builder's.
        try {
            const head = await registry.headManifest(job.repository, content);
            if (!head)
                return fail(`pushed, but ${this.ref(job)}:${content} is not in the registry`);
            result.digest = head.digest;
            result.tags = [content];
            if (tags.length > 0) {
                const manifest = await registry.getManifest(job.repository, head.digest);
                if (!manifest)
                    return fail(`pushed, but ${this.ref(job)}@${head.digest} is not in the registry`);
                const { set, notices } = await this.setTags(job, manifest, tags);
                result.tags.push(...set);
                if (notices.length > 0)
                    result.notices = notices;
            }
        }
        catch (e) {
            return fail(`pushed, but tagging failed: ${errorText$1(e)}`);
        }
        result.status = 'pushed';
        this.ports.reporter.info(`${job.name}: pushed ${this.ref(job)}@${result.digest}`);
        return finish({ byDigest: `${this.ref(job)}@${result.digest}` });
    }
    /** An image whose content tag is usable: the run's tags go on that manifest when it pushes. */
    async reuse(job, step) {
        const started = performance.now();
        const manifest = this.decision.manifests.get(job.name);
        const content = contentTag(job.key);
        const result = {
            name: job.name,
            status: step.action === 'reuse' ? 'reused' : 'unchanged',
            ref: this.ref(job),
            digest: manifest.digest,
            tags: [content],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        try {
            if (step.action === 'retag' && !this.input.push)
                return this.unchanged(job, step);
            // Labels give where a reuse was built from, and the number of a {{seq}} tag.
            const labels = step.action === 'reuse' || job.tags.usesSeq
                ? await this.ports.registry.labels(job.repository, content)
                : undefined;
            const from = labels?.[LABELS.revision];
            if (step.action === 'reuse' && from)
                result.builtFrom = from;
            if (this.input.push) {
                const tags = this.versionTags(job, job.tags.usesSeq ? seqOf(labels) : undefined);
                const { set, notices } = await this.setTags(job, manifest, tags);
                result.tags.push(...set);
                if (notices.length > 0)
                    result.notices = notices;
            }
        }
        catch (e) {
            result.status = 'failed';
            result.error = `tagging the existing ${content} failed: ${errorText$1(e)}`;
        }
        result.seconds = Math.round((performance.now() - started) / 100) / 10;
        if (result.status !== 'failed')
            this.ports.reporter.info(`${job.name}: ${result.status === 'reused' ? 'reused' : 'tagged'} ${content}${result.builtFrom ? ` (built from ${result.builtFrom})` : ''}${result.tags.length > 1 ? `; tags ${result.tags.slice(1).join(', ')}` : ''}`);
        return {
            result,
            causes: result.status === 'failed' ? [`image ${job.name} failed`] : [],
            byDigest: `${this.ref(job)}@${manifest.digest}`
        };
    }
    unchanged(job, step) {
        const manifest = this.decision.manifests.get(job.name);
        const result = {
            name: job.name,
            status: 'unchanged',
            ref: this.ref(job),
            ...(manifest ? { digest: manifest.digest } : {}),
            tags: manifest ? [contentTag(job.key)] : [],
            key: job.key,
            reasons: step.reasons,
            seconds: 0
        };
        return {
            result,
            causes: [],
            ...(manifest ? { byDigest: `${this.ref(job)}@${manifest.digest}` } : {})
        };
    }
    skipped(job, step, causes) {
        const error = `skipped: ${causes.join('; ')}`;
        this.ports.reporter.info(`${job.name}: ${error}`);
        return {
            result: {
                name: job.name,
                status: 'skipped',
                ref: this.ref(job),
                tags: [],
                key: job.key,
                reasons: step.reasons,
                seconds: 0,
                error
            },
            causes
        };
    }
}
/**
 * Builds, reuses and tags the images of the run (decideImages first, or pass its decision when the
 * processes were handled in between). A failed build skips the images built on it and nothing
 * else; the caller fails the step when any failed (imagesFailed).
 */
async function buildImages(input, ports, decision) {
    checkInput(input, ports);
    const parallel = input.parallel ?? defaultParallel();
    if (!Number.isInteger(parallel) || parallel < 1)
        throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`);
    const decided = decision ?? (await decideImages(input, ports));
    const run = new ImagesJob(input, ports, decided);
    const jobs = new Map(input.jobs.map(j => [j.name, j]));
    const steps = new Map(decided.steps.map(s => [s.name, s]));
    const slots = new Slots(parallel);
    const outcomes = new Map();
    for (const name of dependencyOrder(input.jobs)) {
        const step = steps.get(name);
        if (!step)
            continue; // not in this leg's scope
        const job = jobs.get(name);
        outcomes.set(name, (async () => {
            const needs = job.needs.filter(n => outcomes.has(n));
            const bases = new Map();
            for (const need of needs)
                bases.set(need, await outcomes.get(need));
            if (step.action !== 'build') {
                return step.action === 'unchanged' ? run.unchanged(job, step) : run.reuse(job, step);
            }
            const causes = [...new Set([...bases.values()].flatMap(b => b.causes))];
            const blocked = input.blocked?.[name];
            if (blocked !== undefined)
                causes.unshift(blocked);
            if (causes.length > 0)
                return run.skipped(job, step, causes);
            await slots.take();
            try {
                return await run.build(job, step, bases);
            }
            catch (e) {
                return {
                    result: {
                        name,
                        status: 'failed',
                        ref: run.ref(job),
                        tags: [],
                        key: job.key,
                        reasons: step.reasons,
                        seconds: 0,
                        error: errorText$1(e)
                    },
                    causes: [`image ${name} failed`]
                };
            }
            finally {
                slots.give();
            }
        })());
    }
    const images = [];
    for (const step of decided.steps)
        images.push((await outcomes.get(step.name)).result);
    const digests = {};
    for (const image of images)
        if (image.digest)
            digests[image.name] = `${image.ref}@${image.digest}`;
    return {
        ...(ports.registry ? { registry: ports.registry.host } : {}),
        push: input.push,
        ...(run.builderReason ? { builder: run.builderReason } : {}),
        images,
        digests
    };
}

// A process's declared outputs in the working tree: cleared before it runs, checked after.
/**
 * The deepest existing directory above `output`, resolved, must lie inside the repository: a
 * symlinked parent (`build -> /`) must never make a removal reach outside it.
 */
async function insideRepository(repository, output) {
    const root = await realpath(repository);
    let dir = path.dirname(path.join(repository, output));
    for (;;) {
        try {
            const real = await realpath(dir);
            return real === root || real.startsWith(`${root}${path.sep}`);
        }
        catch {
            const up = path.dirname(dir);
            if (up === dir)
                return false;
            dir = up;
        }
    }
}
/** Removes each output (file, directory or symlink itself); throws naming one that leaves the repository. */
async function removeOutputs(repository, outputs) {
    for (const output of outputs) {
        if (!(await insideRepository(repository, output)))
            throw new Error(`output '${output}' lies under a symlink that leaves the repository`);
        await rm(path.join(repository, output), { recursive: true, force: true });
    }
}
/** The declared outputs that do not exist (a dangling symlink counts as existing: it was written). */
async function missingOutputs(repository, outputs) {
    const missing = [];
    for (const output of outputs) {
        try {
            await lstat(path.join(repository, output));
        }
        catch {
            missing.push(output);
        }
    }
    return missing;
}

/** Passed as they are: what commands need to find tools and a home, and what CI scripts test. */
const PASSED_NAMES = new Set([
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'TMPDIR',
    'LANG',
    'LANGUAGE',
    'TZ',
    'CI'
]);
/** Passed by prefix: the runner's description of the run (GITHUB_SHA, RUNNER_TEMP, ...), locales. */
const PASSED_PREFIXES = ['GITHUB_', 'RUNNER_', 'LC_'];
/**
 * Never passed, though the prefix matches: the workflow's file commands (a process is no workflow
 * step: it must not set the next step's environment, outputs or PATH) and anything that looks
 * like a credential. A process that needs one names it in `pass-env`.
 */
const WITHHELD_NAMES = new Set([
    'GITHUB_TOKEN',
    'GITHUB_ENV',
    'GITHUB_OUTPUT',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY'
]);
const CREDENTIAL_LIKE = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEY$/i;
/** Whether a variable of the caller's environment reaches every process without being asked for. */
function isPassedByDefault(name) {
    if (WITHHELD_NAMES.has(name) || CREDENTIAL_LIKE.test(name))
        return false;
    return PASSED_NAMES.has(name) || PASSED_PREFIXES.some(prefix => name.startsWith(prefix));
}
/**
 * The runner's variables first, then the passed ones, then the process's own `env` (which wins:
 * it is in the key). The reader forbids a name in both `env` and `pass-env`.
 */
function processEnvironment(callerEnv, node) {
    const env = {};
    for (const [name, value] of Object.entries(callerEnv))
        if (value !== undefined && isPassedByDefault(name))
            env[name] = value;
    const passed = {};
    const missing = [];
    for (const name of node.passEnv) {
        const value = callerEnv[name];
        if (value === undefined)
            missing.push(name);
        else
            passed[name] = env[name] = value;
    }
    Object.assign(env, node.env);
    return { env, passed, missing };
}

// What happened to each process of a run, as data: the command fills it, the renderers show it,
// the action's `processes` output is its JSON.
/** How many lines of a failed process's output the results keep. */
function processesFailed(run) {
    return run.processes.filter(p => p.outcome === 'failed').map(p => p.name);
}
/** The action's `processes` output and `imagegraph run --json`'s processes part. */
function processesToJson(run) {
    const named = (outcome) => run.processes.filter(p => p.outcome === outcome).map(p => p.name);
    return {
        schema: 'imagegraph-processes/v1',
        cache: run.cache,
        saveCache: run.saveCache,
        processes: Object.fromEntries(run.processes.map(({ name, ...rest }) => [name, rest])),
        hit: named('hit'),
        ran: named('ran'),
        failed: named('failed'),
        skipped: named('skipped')
    };
}

// Which processes a run handles, and in what order: the plan plus the images the run will build
// -> processes to restore or run, in levels (every process after the processes it reads).
/** `imagegraph-key/v1` -> `v1`: entries of another key schema are never read. */
const KEY_SCHEMA_VERSION = KEY_SCHEMA.slice(KEY_SCHEMA.lastIndexOf('/') + 1);
/** The cache entry key of a process's outputs, e.g. `imagegraph-v1-process-render-<key>`. */
function processCacheKey(name, key) {
    return `imagegraph-${KEY_SCHEMA_VERSION}-process-${name}-${key}`;
}
/**
 * The processes to handle: the upstream processes of every image the run builds (affected or not:
 * an image needs its inputs' outputs in place), the affected processes that feed no image at all,
 * and the upstream processes of those (a process runs with its inputs' outputs in place). Nothing
 * else: an affected process that feeds only images this run does not build is left alone.
 */
function processSteps(plan, imagesToBuild) {
    const graph = plan.graph;
    for (const name of imagesToBuild) {
        const node = graph.nodes.get(name);
        if (!node || node.kind !== 'image')
            throw new UserError(`images to build: '${name}' is not an image of ${plan.graphFile}`);
    }
    const neededBy = new Map();
    const handled = new Set();
    const addUpstream = (name, image) => {
        const node = graph.nodes.get(name);
        if (node.kind !== 'process')
            return;
        if (image) {
            const set = neededBy.get(name) ?? new Set();
            if (set.has(image))
                return;
            set.add(image);
            neededBy.set(name, set);
        }
        else if (handled.has(name))
            return;
        handled.add(name);
        for (const input of node.inputs)
            addUpstream(input, image);
    };
    for (const image of imagesToBuild) {
        const node = graph.nodes.get(image);
        // An image input is built by this run (its processes come with it) or already exists.
        if (node.kind === 'image')
            for (const input of inputsOf(node))
                addUpstream(input, image);
    }
    // Whether a process's outputs reach any image, through other processes or directly.
    const feedsImage = new Map();
    for (const node of graph.nodes.values())
        if (node.kind === 'process')
            feedsImage.set(node.name, false);
    // Consumers before their inputs, so that a process is decided before the processes it reads.
    for (const name of [...plan.order].reverse()) {
        const node = graph.nodes.get(name);
        if (node.kind === 'config')
            continue;
        const reaches = node.kind === 'image' || feedsImage.get(name) === true;
        if (!reaches)
            continue;
        for (const input of inputsOf(node))
            if (feedsImage.has(input))
                feedsImage.set(input, true);
    }
    for (const [name, feeds] of feedsImage)
        if (!feeds && plan.nodes.get(name).affected)
            addUpstream(name);
    const levelOf = new Map();
    const levels = [];
    const notNeeded = [];
    for (const name of plan.order) {
        const node = graph.nodes.get(name);
        if (node.kind !== 'process')
            continue;
        if (!handled.has(name)) {
            notNeeded.push(name);
            continue;
        }
        const after = node.inputs.filter(input => handled.has(input));
        const level = after.reduce((l, input) => Math.max(l, levelOf.get(input) + 1), 0);
        levelOf.set(name, level);
        const planned = plan.nodes.get(name);
        (levels[level] ??= []).push({
            name,
            key: planned.key,
            cacheKey: processCacheKey(name, planned.key),
            affected: planned.affected,
            neededBy: imagesToBuild.filter(image => neededBy.get(name)?.has(image)),
            after,
            level,
            node
        });
    }
    return { levels, notNeeded };
}

// Use case: put in place the outputs of every process the run needs: restore each from the cache
// by its content key, run it on a miss (after the processes it reads), check and save what it
// wrote. Shared by the action (`mode: build`) and the CLI (`imagegraph run`); image builds follow.
/** The graph file's directory: outputs, cache paths and commands are relative to it. */
function graphRoot(input) {
    return path.join(input.repository, path.dirname(input.plan.graphFile));
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
/** Replaces every passed value (and each line of a multi-line one) by `***`. */
function redactor(secrets) {
    const parts = [...new Set(secrets.flatMap(s => [s, ...s.split(/\r?\n/)]))]
        .filter(s => s.length > 0)
        .sort((a, b) => b.length - a.length);
    if (parts.length === 0)
        return line => line;
    return line => {
        for (const part of parts)
            line = line.split(part).join('***');
        return line;
    };
}
function quoteList(names) {
    return names.map(n => `'${n}'`).join(', ');
}
function failedMessage(r) {
    if (r.timedOut)
        return `timed out after ${formatDuration(r.timeoutSeconds)}; killed with its children`;
    if (r.exitCode === null)
        return `killed by ${r.signal ?? 'a signal'}`;
    return `exited with code ${r.exitCode}`;
}
/** One process, its inputs' outputs already in place: restore, or run, check and save. */
async function handle(step, input, ports) {
    const { cache, runner, reporter } = ports;
    const node = step.node;
    const outputs = node.outputs;
    const started = performance.now();
    const result = {
        name: step.name,
        outcome: 'failed',
        key: step.key,
        cacheKey: step.cacheKey,
        affected: step.affected,
        neededBy: step.neededBy,
        bytesRestored: 0,
        bytesSaved: 0,
        seconds: 0,
        cacheWarnings: []
    };
    const done = (outcome, message) => {
        result.outcome = outcome;
        if (message !== undefined)
            result.message = message;
        result.seconds = Math.round((performance.now() - started) / 100) / 10;
        return result;
    };
    const cacheWarning = (what, text) => {
        const line = `${what} ${step.cacheKey} (${cache.description}): ${text}`;
        result.cacheWarnings.push(line);
        reporter.warning(`process ${step.name}: ${line}`);
    };
    // What is there now may be stale or half-written: only a restore or a run puts outputs back.
    try {
        await removeOutputs(graphRoot(input), outputs);
    }
    catch (e) {
        return done('failed', errorText(e));
    }
    // A process without outputs has nothing to restore: it runs whenever it is handled.
    if (outputs.length > 0) {
        try {
            const restored = await cache.restore(step.cacheKey, [...outputs], graphRoot(input));
            if (restored.warning)
                cacheWarning('restore', restored.warning);
            if (restored.hit) {
                const missing = await missingOutputs(graphRoot(input), outputs);
                if (missing.length === 0) {
                    result.bytesRestored = restored.bytes ?? 0;
                    reporter.info(`${step.name}: restored from the cache (${step.cacheKey})`);
                    return done('hit');
                }
                cacheWarning('restore', `the entry lacks ${quoteList(missing)}; running the process`);
                await removeOutputs(graphRoot(input), outputs);
            }
        }
        catch (e) {
            cacheWarning('restore', errorText(e));
        }
    }
    const environment = processEnvironment(input.callerEnv, node);
    const secrets = Object.values(environment.passed);
    for (const value of secrets)
        if (value !== '')
            reporter.mask(value);
    for (const name of environment.missing)
        reporter.warning(`process ${step.name}: pass-env ${name} is not set in the environment`);
    const redact = redactor(secrets);
    const live = reporter.processLine?.bind(reporter);
    let lines = [];
    let failure;
    try {
        const run = await runner.run({
            name: step.name,
            script: node.run,
            cwd: graphRoot(input),
            env: environment.env,
            timeoutSeconds: node.timeoutSeconds,
            ...(live ? { onLine: (line) => live(step.name, redact(line)) } : {})
        });
        lines = run.output.map(redact);
        if (run.droppedLines > 0)
            lines.unshift(`[imagegraph: ${run.droppedLines} earlier lines of output were not kept]`);
        if (run.timedOut || run.exitCode !== 0)
            failure = failedMessage({ ...run, timeoutSeconds: node.timeoutSeconds });
    }
    catch (e) {
        failure = e instanceof SpawnError ? e.message : `could not run: ${errorText(e)}`;
    }
    if (failure === undefined) {
        const missing = await missingOutputs(graphRoot(input), outputs);
        if (missing.length > 0)
            failure =
                missing.length === 1
                    ? `declared output ${quoteList(missing)} was not written`
                    : `declared outputs ${quoteList(missing)} were not written`;
    }
    if (failure !== undefined) {
        // Nothing half-made may reach an image or a later run.
        await removeOutputs(graphRoot(input), outputs).catch(() => undefined);
        result.outputTail = lines.slice(-30);
        done('failed', failure);
    }
    else {
        // Saved at once, so that what finished survives a later failure in the same run.
        if (input.saveCache && outputs.length > 0) {
            try {
                const saved = await cache.save(step.cacheKey, [...outputs], graphRoot(input));
                if (saved.warning)
                    cacheWarning('save', saved.warning);
                if (saved.saved)
                    result.bytesSaved = saved.bytes ?? 0;
            }
            catch (e) {
                cacheWarning('save', errorText(e));
            }
        }
        done('ran');
    }
    const title = `${step.name}: ${result.outcome === 'ran' ? 'ran' : `failed (${failure})`} in ${result.seconds}s`;
    if (live)
        reporter.info(title);
    else
        reporter.group(title, lines);
    return result;
}
/**
 * Restores or runs the processes the run needs, in dependency order, independent ones in
 * parallel. A failed process skips the processes that read it, and nothing else; the caller
 * fails the step when any failed (see processesFailed). Cache trouble is a warning, never a failure.
 */
async function runProcesses(input, ports) {
    const parallel = input.parallel ?? defaultParallel();
    if (!Number.isInteger(parallel) || parallel < 1)
        throw new UserError(`parallel: ${parallel} is not allowed; give a whole number of at least 1`);
    const steps = processSteps(input.plan, input.imagesToBuild);
    const slots = new Slots(parallel);
    /** Per handled process: its result, and the failed processes that caused a skip. */
    const running = new Map();
    for (const step of steps.levels.flat()) {
        running.set(step.name, (async () => {
            const upstream = await Promise.all(step.after.map(name => running.get(name)));
            const failedRoots = [...new Set(upstream.flatMap(u => u.failedRoots))];
            if (failedRoots.length > 0) {
                const message = `skipped: ${failedRoots.length === 1 ? 'process' : 'processes'} ${failedRoots.join(', ')} failed`;
                ports.reporter.info(`${step.name}: ${message}`);
                const result = {
                    name: step.name,
                    outcome: 'skipped',
                    key: step.key,
                    cacheKey: step.cacheKey,
                    affected: step.affected,
                    neededBy: step.neededBy,
                    bytesRestored: 0,
                    bytesSaved: 0,
                    seconds: 0,
                    message,
                    cacheWarnings: []
                };
                return { result, failedRoots };
            }
            await slots.take();
            try {
                const result = await handle(step, input, ports);
                return { result, failedRoots: result.outcome === 'failed' ? [step.name] : [] };
            }
            finally {
                slots.give();
            }
        })());
    }
    const handled = new Map();
    for (const [name, promise] of running)
        handled.set(name, (await promise).result);
    const processes = [];
    for (const name of input.plan.order) {
        const node = input.plan.graph.nodes.get(name);
        if (node.kind !== 'process')
            continue;
        const planned = input.plan.nodes.get(name);
        processes.push(handled.get(name) ?? {
            name,
            outcome: 'not-needed',
            key: planned.key,
            affected: planned.affected,
            neededBy: [],
            bytesRestored: 0,
            bytesSaved: 0,
            seconds: 0,
            cacheWarnings: []
        });
    }
    return { cache: ports.cache.description, saveCache: input.saveCache, processes };
}

/** The images as jobs, every tag rendered and every name checked (throws before anything runs). */
function jobsOf(request) {
    return imageJobs({
        plan: request.plan,
        root: request.root,
        names: request.names,
        ...(request.registry ? { registry: request.registry } : {}),
        ...(request.tags ? { tags: request.tags } : {}),
        tagsLabel: request.labels.tags,
        registryLabel: request.labels.registry
    });
}
async function runJob(request, ports) {
    const { plan } = request;
    const { reporter } = ports;
    const images = request.images && request.images.length > 0
        ? selectImages(request.images, plan.graph, request.labels.images)
        : undefined;
    // Every tag rendered and every name checked before the registry is asked or a process runs.
    const { jobs, registryHost, notes } = jobsOf(request);
    for (const note of notes)
        reporter.info(note);
    const registry = registryHost !== undefined ? ports.registry(registryHost) : undefined;
    const input = {
        jobs,
        commit: request.names.commit,
        created: request.created,
        ...(request.source ? { source: request.source } : {}),
        ...(request.names.version ? { version: request.names.version } : {}),
        push: request.push,
        ...(request.rebuildMissing !== undefined ? { rebuildMissing: request.rebuildMissing } : {}),
        ...(request.retagUnaffected !== undefined ? { retagUnaffected: request.retagUnaffected } : {}),
        ...(images ? { images } : {}),
        ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
        ...(registryHost !== undefined
            ? { connection: { ...request.connection, host: registryHost } }
            : {}),
        ...(request.layerCache ? { layerCache: request.layerCache } : {})
    };
    const buildPorts = {
        ...(registry ? { registry } : {}),
        reporter,
        builder: ports.builder,
        git: ports.git
    };
    const decision = await decideImages(input, buildPorts);
    const processes = await runProcesses({
        plan,
        imagesToBuild: decision.toBuild,
        repository: request.repository,
        saveCache: request.saveCache,
        ...(request.parallel !== undefined ? { parallel: request.parallel } : {}),
        callerEnv: request.callerEnv
    }, { cache: ports.cache, runner: ports.runner, reporter });
    const problems = new Map();
    for (const p of processes.processes)
        if (p.outcome === 'failed' || p.outcome === 'skipped')
            problems.set(p.name, p.outcome === 'failed' ? 'failed' : 'was skipped');
    const blocked = blockedImages(plan.graph, decision.toBuild, problems);
    const built = await buildImages({ ...input, ...(Object.keys(blocked).length > 0 ? { blocked } : {}) }, buildPorts, decision);
    return { processes, images: built, notes };
}

/** Whether a tag was moved by the retag (it named another digest, or nothing, before). */
function moved(image, move) {
    return move.before !== image.digest;
}
/**
 * Throws a UserError when a tag cannot be a retag's target: not a valid tag, or a content tag
 * (it names one build's exact inputs, so only a build of those inputs may write it).
 */
function checkTargetTags(tags, what = 'tags') {
    if (tags.length === 0)
        throw new UserError(`${what}: no tag given; name at least one tag to set`);
    for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem)
            throw new UserError(`${what}: ${problem}`);
        if (keyOfContentTag(tag) !== undefined)
            throw new UserError(`${what}: '${tag}' is a content tag: it names the inputs of one build, and only that build writes it; choose another tag`);
    }
}
/** Why a reference cannot be used, in the user's words. */
function unusableWords(reason) {
    switch (reason.kind) {
        case 'manifest-missing':
            return 'not in the registry';
        case 'platform-manifest-missing':
            return `its index names platform manifest ${reason.digest}, which is gone`;
        case 'blob-missing':
            return `blob ${reason.digest} of manifest ${reason.manifest} is gone`;
    }
}
/** `api (key 0123456789ab, not in the registry)`: one missing image, short enough for a list. */
function missingWords(m) {
    const source = m.key !== undefined ? `key ${m.key.slice(0, 12)}` : m.from;
    return `${m.image} (${source}, ${unusableWords(m.reason)})`;
}
/** `at v1.4.0 (0123456789ab)`, or '' when the retag names no revision. */
function revisionWords(revision) {
    if (!revision)
        return '';
    const short = revision.commit.slice(0, 12);
    return revision.rev === revision.commit || revision.rev === short
        ? ` at ${short}`
        : ` at ${revision.rev} (${short})`;
}
/**
 * Some images have no usable content tag: nothing was moved. Carries the images, so a caller can
 * show them in full (the summary) while the message stays one line.
 */
class MissingImagesError extends UserError {
    missing;
    total;
    constructor(missing, total, revision, partial) {
        const what = missing.length === total
            ? `none of the ${total} image${total === 1 ? '' : 's'} was built`
            : `${missing.length} of ${total} images were never built (or lost their content)`;
        const advice = partial
            ? 'build them first'
            : 'build them first, or allow a partial retag (--partial) to move the others';
        super(`retag${revisionWords(revision)}: ${what}, so no tag was moved: ${missing.map(missingWords).join('; ')}; ${advice}`);
        this.missing = missing;
        this.total = total;
        this.name = 'MissingImagesError';
    }
}
/**
 * The registry a retag reads and writes: the one the user named (`--registry`, input `registry`),
 * else the graph file's `registry:` at the revision. Throws a UserError when there is none or it is
 * not `host[:port][/path]`.
 */
function retagRegistry(given, graphRegistry, where) {
    const text = given || graphRegistry;
    if (!text)
        throw new UserError(`retag: no registry: give ${where.label}, or set registry: in ${where.graphFile} (it has none at ${where.rev})`);
    const registry = splitRegistry(text);
    const problem = registryProblem(registry.host);
    if (problem)
        throw new UserError(given
            ? `${where.label}: ${problem}; write host[:port][/path], e.g. ghcr.io/my-org`
            : `${where.graphFile} at ${where.rev}: registry: ${problem}`);
    return registry;
}
/** An image's repository under the registry's path prefix (`my-org/api` for `ghcr.io/my-org`). */
function repositoryUnder(registry, repository) {
    return registry.prefix ? `${registry.prefix}/${repository}` : repository;
}

/**
 * Points `tags` at every image's content tag, all or nothing: each content tag must be usable
 * (manifest, platform manifests and blobs all answer) before any tag moves, unless `partial`.
 * Throws a MissingImagesError (a UserError) naming every missing image with its key otherwise.
 */
async function retagRevision(request, ports) {
    checkTargetTags(request.tags);
    const tags = [...new Set(request.tags)];
    const { registry } = ports;
    const sources = request.images.map(i => ({ ...i, from: contentTag(i.key) }));
    sources.forEach(s => assertRepository(s.repository, `image ${s.image}: repository`));
    checkOneImagePerRepository(sources);
    const usability = await registry.usableMany(sources.map(s => ({ repository: s.repository, tag: s.from })), request.concurrency ? { concurrency: request.concurrency } : {});
    const missing = [];
    const present = [];
    sources.forEach((s, i) => {
        const u = usability[i];
        if (u.usable)
            present.push({ source: s, manifest: u.manifest });
        else
            missing.push({ status: 'missing', ...s, reason: u.reason });
    });
    const partial = request.partial ?? false;
    if (missing.length > 0 && (!partial || present.length === 0))
        throw new MissingImagesError(missing, sources.length, request.revision, partial);
    const retagged = await putTags(registry, present.map(p => ({ ...p.source, manifest: p.manifest })), tags);
    const byImage = new Map([...retagged, ...missing].map(r => [r.image, r]));
    return {
        registry: registry.host,
        ...(request.revision ? { revision: request.revision } : {}),
        tags,
        partial,
        images: sources.map(s => byImage.get(s.image))
    };
}
/** Two images in one repository would fight over every tag: refuse before anything moves. */
function checkOneImagePerRepository(images) {
    const owner = new Map();
    for (const { image, repository } of images) {
        const other = owner.get(repository);
        if (other !== undefined && other !== image)
            throw new UserError(`retag: images ${other} and ${image} are both pushed to repository ${repository}, so a tag there can name only one of them; give each image its own repository`);
        owner.set(repository, image);
    }
}
/** Points `to` at the manifest `from` names in one repository, if it is usable. */
async function retagOne(request, ports) {
    const { registry } = ports;
    const image = request.image ?? request.repository;
    assertRepository(request.repository, `image ${image}: repository`);
    assertManifestReference(request.from, 'from');
    checkTargetTags(request.to, 'to');
    const to = [...new Set(request.to)];
    const reference = `${registry.host}/${request.repository}${isDigest(request.from) ? '@' : ':'}${request.from}`;
    const usability = await registry.usability(request.repository, request.from);
    if (!usability.usable) {
        if (usability.reason.kind !== 'manifest-missing')
            throw new UserError(`retag ${image}: ${reference} cannot be pulled: ${unusableWords(usability.reason)}; nothing was moved`);
        throw new UserError(`retag ${image}: ${reference} is not in the registry${await hint(registry, request)}`);
    }
    const key = keyOfContentTag(request.from);
    const [retagged] = await putTags(registry, [
        {
            image,
            repository: request.repository,
            from: request.from,
            manifest: usability.manifest,
            ...(key !== undefined ? { key } : {})
        }
    ], to);
    return { registry: registry.host, tags: to, partial: false, images: [retagged] };
}
/** What the repository does have, for a `from` it does not. */
async function hint(registry, request) {
    if (isDigest(request.from))
        return '; name a digest or tag the repository has';
    const tags = await registry.listTags(request.repository);
    if (tags.length === 0)
        return `; repository ${request.repository} has no tags`;
    const suggestion = didYouMean(request.from, tags);
    if (suggestion)
        return suggestion;
    const named = tags.filter(t => keyOfContentTag(t) === undefined);
    return named.length > 0 && named.length <= 10
        ? `; its tags besides content tags: ${named.join(', ')}`
        : `; it has ${tags.length} other tags`;
}
/**
 * Reads what each tag names now, then puts the exact manifest bytes under every tag that names
 * something else. All requests go at once: the registry client bounds them and keeps connections.
 */
async function putTags(registry, sources, tags) {
    const jobs = sources.flatMap(source => tags.map(tag => ({ source, tag })));
    const outcomes = await Promise.allSettled(jobs.map(async ({ source, tag }) => {
        const before = (await registry.headManifest(source.repository, tag))?.digest ?? null;
        if (before !== source.manifest.digest) {
            const digest = await registry.putManifest(source.repository, tag, source.manifest);
            if (digest !== source.manifest.digest)
                throw new Error(`registry ${registry.host}: ${source.repository}:${tag} got digest ${digest}, not ${source.manifest.digest}`);
        }
        return { tag, before };
    }));
    const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ o, job: jobs[i] }] : []));
    if (failed.length > 0) {
        // The registry has no transactions: say what moved, so that the same retag again finishes it.
        const done = outcomes.length - failed.length;
        const first = failed[0];
        const reason = first.o.reason instanceof Error ? first.o.reason.message : String(first.o.reason);
        const failedNames = failed.map(f => `${f.job.source.repository}:${f.job.tag}`);
        const listed = failedNames.length > 10
            ? `${failedNames.slice(0, 10).join(', ')} and ${failedNames.length - 10} more`
            : failedNames.join(', ');
        const message = `retag: ${failed.length} of ${outcomes.length} tags could not be set (${listed}): ${reason}; ${done} were set; the same retag again sets the rest`;
        throw first.o.reason instanceof UserError ? new UserError(message) : new Error(message);
    }
    return sources.map((source, s) => {
        const moves = tags.map((_, t) => outcomes[s * tags.length + t].value);
        return {
            status: 'retagged',
            image: source.image,
            repository: source.repository,
            ...(source.key !== undefined ? { key: source.key } : {}),
            from: source.from,
            digest: source.manifest.digest,
            mediaType: source.manifest.mediaType,
            tags: moves
        };
    });
}
/**
 * Every image's content key at a git revision, from the graph file as that revision has it, and
 * that file's `registry:` (the default registry of a retag).
 */
async function imageKeysAt(git, request) {
    const plan = await planRepository(git, {
        graphFile: request.graphFile,
        base: { kind: 'everything', head: request.rev, reason: 'retag' }
    });
    const revision = { rev: request.rev, commit: plan.head };
    const images = plan.order.filter(name => plan.nodes.get(name).kind === 'image');
    let chosen = images;
    if (request.images && request.images.length > 0) {
        const known = new Set(images);
        for (const name of request.images) {
            if (known.has(name))
                continue;
            const node = plan.graph.nodes.get(name);
            throw new UserError(node
                ? `images: '${name}' is a ${node.kind} in ${request.graphFile} at ${request.rev}, not an image`
                : `images: no image '${name}' in ${request.graphFile} at ${request.rev}${didYouMean(name, images)}`);
        }
        const wanted = new Set(request.images);
        chosen = images.filter(name => wanted.has(name));
    }
    if (chosen.length === 0)
        throw new UserError(`${request.graphFile} at ${request.rev} declares no images: nothing to retag`);
    return {
        revision,
        ...(plan.graph.registry ? { registry: plan.graph.registry } : {}),
        images: chosen.map(name => ({
            image: name,
            repository: request.repositoryOf(name, plan.graph.nodes.get(name)),
            key: plan.nodes.get(name).key
        }))
    };
}
/**
 * `retag --rev` and the action's `mode: retag` with `rev`: every image's key at the revision, each
 * image at `<registry path>/<its repository>`, then `retagRevision` (all or nothing unless partial).
 */
async function retagAtRevision(request, wiring) {
    checkTargetTags(request.tags);
    await resolveRevision(wiring.git, request.rev, request.labels);
    const at = await imageKeysAt(wiring.git, {
        rev: request.rev,
        graphFile: request.graphFile,
        ...(request.images ? { images: request.images } : {}),
        repositoryOf: (_, node) => node.repository
    });
    const registry = retagRegistry(request.registry, at.registry, {
        label: request.labels.registry,
        graphFile: request.graphFile,
        rev: request.rev
    });
    return retagRevision({
        images: at.images.map(i => ({ ...i, repository: repositoryUnder(registry, i.repository) })),
        tags: request.tags,
        ...(request.partial !== undefined ? { partial: request.partial } : {}),
        revision: at.revision
    }, { registry: wiring.registry(registry.host) });
}
/**
 * `retag IMAGE --from --to` and the action's `mode: retag` with `from`: the image's repository from
 * the graph file (at HEAD), then `retagOne`.
 */
async function retagImage(request, wiring) {
    checkTargetTags(request.to, 'to');
    assertManifestReference(request.from, 'from');
    const rev = request.rev ?? 'HEAD';
    const at = await imageKeysAt(wiring.git, {
        rev,
        graphFile: request.graphFile,
        images: [request.image],
        repositoryOf: (_, node) => node.repository
    });
    const registry = retagRegistry(request.registry, at.registry, {
        label: request.labels.registry,
        graphFile: request.graphFile,
        rev
    });
    const [image] = at.images;
    return retagOne({
        image: image.image,
        repository: repositoryUnder(registry, image.repository),
        from: request.from,
        to: request.to
    }, { registry: wiring.registry(registry.host) });
}
/** A revision the repository lacks is the user's to fetch: say how, before any plan is made. */
async function resolveRevision(git, rev, labels) {
    try {
        return await git.resolveCommit(rev);
    }
    catch (e) {
        if (!(e instanceof UserError))
            throw e;
        // Not a revision name at all (an option, a control character): git's own check says why.
        if (!e.message.startsWith('unknown revision'))
            throw new UserError(`${labels.rev}: ${e.message}`);
        throw new UserError(`${labels.rev}: no revision '${rev}' in ${git.dir}; ${labels.fetchHint}`);
    }
}

// A retag's result for people: a text table for the CLI, a markdown section for the job summary.
// Each tag shows what it named before, so a rollback can itself be rolled back by hand.
/** `sha256:0123456789ab`: enough to tell digests apart in a table. */
function shortDigest$1(digest) {
    const colon = digest.indexOf(':');
    return colon < 0 ? digest : digest.slice(0, colon + 13);
}
function retaggedOf(result) {
    return result.images.filter((i) => i.status === 'retagged');
}
function missingOf(result) {
    return result.images.filter((i) => i.status === 'missing');
}
/** "3 images retagged · 5 tags moved · 1 already in place · 1 missing" (zero counts left out). */
function retagCounts(result) {
    const images = retaggedOf(result);
    const moves = images.flatMap(i => i.tags.map(t => moved(i, t)));
    const parts = [
        `${images.length} image${images.length === 1 ? '' : 's'} retagged`,
        `${moves.filter(Boolean).length} tag${moves.filter(Boolean).length === 1 ? '' : 's'} moved`
    ];
    const inPlace = moves.filter(m => !m).length;
    if (inPlace > 0)
        parts.push(`${inPlace} already in place`);
    const missing = missingOf(result).length;
    if (missing > 0)
        parts.push(`${missing} missing`);
    return parts.join(' · ');
}
function headline(result) {
    return `retag${revisionWords(result.revision)} on ${result.registry}: ${result.tags.join(', ')}`;
}
/** `production (was sha256:0123456789ab)`, `v1 (new)`, `latest (already there)`. */
function moveWords(image, move) {
    if (!moved(image, move))
        return `${move.tag} (already there)`;
    return move.before === null
        ? `${move.tag} (new)`
        : `${move.tag} (was ${shortDigest$1(move.before)})`;
}
/** The CLI's table: one row per image, then the missing ones (a partial retag). */
function retagText(result) {
    const rows = [
        ['IMAGE', 'DIGEST', 'TAGS'],
        ...retaggedOf(result).map(i => [
            i.image,
            shortDigest$1(i.digest),
            i.tags.map(t => moveWords(i, t)).join(', ')
        ])
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
    const lines = [`${headline(result)}: ${retagCounts(result)}`];
    for (const r of rows)
        lines.push(r
            .map((cellText, c) => cellText.padEnd(widths[c]))
            .join('  ')
            .trimEnd());
    for (const m of missingOf(result))
        lines.push(`not retagged: ${m.image}: ${m.repository}:${m.from} ${unusableWords(m.reason)}`);
    return `${lines.join('\n')}\n`;
}
/** The retag keyed by image, for the action's `results` output and `retag --json`. */
function retagToJson(result) {
    return Object.fromEntries(result.images.map(i => {
        const common = {
            status: i.status,
            repository: i.repository,
            from: i.from,
            ...(i.key !== undefined ? { key: i.key } : {})
        };
        return [
            i.image,
            i.status === 'retagged'
                ? {
                    ...common,
                    digest: i.digest,
                    tags: i.tags.map(t => t.tag),
                    before: Object.fromEntries(i.tags.map(t => [t.tag, t.before]))
                }
                : { ...common, tags: [], reason: unusableWords(i.reason) }
        ];
    }));
}
/** `{"api": "registry/repository@sha256:..."}` for every retagged image, as a build's `digests`. */
function retagDigests(result) {
    return Object.fromEntries(retaggedOf(result).map(i => [i.image, `${result.registry}/${i.repository}@${i.digest}`]));
}

// Registry credentials for builders without putting a password on a command line (where `ps` and
// logs would show it): a private temp dir (0700) holding an auth file (0600), removed after the build.
/** A temp dir only this user can read, for auth files, id and digest files; `remove()` when done. */
function privateWorkDir() {
    const dir = mkdtempSync(path.join(tmpdir(), 'imagegraph-build-'));
    chmodSync(dir, 0o700);
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
function writePrivate(file, json) {
    writeFileSync(file, JSON.stringify(json, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
}
/**
 * For buildah and podman (`--authfile`): the user's auth file when given, else one written into
 * `dir` from the username and password, else none (their default auth file applies).
 */
function containersAuthFile(dir, registry) {
    if (registry?.username !== undefined && registry.password !== undefined) {
        const file = path.join(dir, 'auth.json');
        writePrivate(file, {
            auths: { [registry.host]: { auth: basicAuth(registry.username, registry.password) } }
        });
        return file;
    }
    return registry?.authFile;
}
/**
 * For docker and buildx (`DOCKER_CONFIG`): when the request brings credentials, a config dir in `dir`
 * whose `config.json` is the user's (or the given auth file) with this registry's entry added and
 * any credential store for it removed (a `credsStore` would be asked before `auths`); the rest of the
 * user's config dir (buildx builders, CLI plugins, contexts) is linked in so buildx keeps its builder.
 * Undefined when there is nothing to add: the user's own config applies unchanged.
 */
function dockerConfigDir(dir, registry, userConfigDir = process.env.DOCKER_CONFIG || path.join(homedir(), '.docker')) {
    const hasPassword = registry?.username !== undefined && registry.password !== undefined;
    if (!registry || (!hasPassword && !registry.authFile))
        return undefined;
    const configDir = path.join(dir, 'docker-config');
    const base = registry.authFile ?? path.join(userConfigDir, 'config.json');
    let config = {};
    if (existsSync(base))
        config = JSON.parse(readFileSync(base, 'utf8'));
    if (hasPassword) {
        const auths = { ...(config.auths ?? {}) };
        auths[registry.host] = { auth: basicAuth(registry.username, registry.password) };
        const helpers = { ...(config.credHelpers ?? {}) };
        delete helpers[registry.host];
        const { credsStore: _dropped, ...rest } = config;
        config = { ...rest, auths, credHelpers: helpers };
    }
    mkdirSync(configDir, { mode: 0o700 });
    writePrivate(path.join(configDir, 'config.json'), config);
    if (existsSync(userConfigDir)) {
        for (const entry of readdirSync(userConfigDir)) {
            if (entry === 'config.json')
                continue;
            symlinkSync(path.join(userConfigDir, entry), path.join(configDir, entry));
        }
    }
    return configDir;
}

// What every builder adapter does around its commands: run each step through the one spawn helper,
// keep the tail of the output for a failure's report, and time the whole build.
/** How many lines of a failed build's output go to the report (the summary shows them). */
const LOG_TAIL_LINES = 30;
class BuildLog {
    onLine;
    tail = [];
    started = performance.now();
    /** The standard output of the last step, for adapters that read a result from it. */
    lastStdout = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    line(text) {
        this.tail.push(text);
        if (this.tail.length > LOG_TAIL_LINES)
            this.tail.shift();
        this.onLine?.(text);
    }
    /** Runs one step; its output goes to the tail (both streams, in arrival order). */
    async run(step) {
        try {
            const r = await exec(step.command, step.args, {
                env: step.env,
                onStdoutLine: l => this.line(l),
                onStderrLine: l => this.line(l),
                maxBuffer: 1 << 20
            });
            this.lastStdout = r.stdout.toString('utf8');
            if (r.code === 0)
                return { ok: true };
            const how = r.code === null ? `was killed by ${r.signal}` : `exited with ${r.code}`;
            return { ok: false, error: `${step.what} ${how}` };
        }
        catch (e) {
            if (e instanceof SpawnError) {
                const why = e.code === 'ENOENT' ? `${step.command} is not installed (not on PATH)` : e.message;
                this.line(why);
                return { ok: false, error: `${step.what}: ${why}` };
            }
            throw e;
        }
    }
    seconds() {
        return Math.round((performance.now() - this.started) / 100) / 10;
    }
    failure(error, partial = {}) {
        return { ...partial, ok: false, error, logTail: [...this.tail], seconds: this.seconds() };
    }
    success(result) {
        return { ...result, ok: true, logTail: [], seconds: this.seconds() };
    }
}
/** `sha256:<hex>` from what a builder wrote to its id or digest file (with or without the prefix). */
function normaliseDigest(text) {
    const m = /(?:sha256:)?([0-9a-f]{64})/.exec(text.trim());
    return m ? `sha256:${m[1]}` : undefined;
}
/** The tag a build that is not pushed gets, so that a person finds it: `localhost/imagegraph/api:<key>`. */
function localTag(image, key) {
    const repo = image.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-');
    const tag = key.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 128);
    return `localhost/imagegraph/${repo}:${tag}`;
}

// buildx: `docker buildx build` with whatever builder the workflow set up (docker/setup-buildx-action:
// a docker-container driver by default; the docker driver otherwise). BuildKit reports what it made
// in `--metadata-file`. Not runnable here (buildx cannot be installed): its argv is tested as data.
function sortedPairs$2(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** A CSV field for buildx's `key=value,...` options: quoted when it holds a comma or quote. */
function csvField(value) {
    return /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
/**
 * The gha cache scope: one per image and platform set. With one shared scope each image's export
 * replaces the last one's layers, so images evict each other (docker/build-push-action#867).
 */
function ghaScope(request) {
    const platforms = request.platforms.length > 0 ? request.platforms.join('+') : 'default';
    return `${request.image}-${platforms}`.replace(/[^A-Za-z0-9._+-]+/g, '-');
}
function cacheArgs(request, options) {
    const cache = request.cache;
    if (!cache)
        return [];
    const args = [];
    // ignore-error is an exporter option: a full or throttled cache never fails a build. A failed
    // import is only a warning in BuildKit already.
    if (cache.gha && options.github) {
        const scope = `scope=${ghaScope(request)}`;
        args.push('--cache-from', `type=gha,${scope}`);
        if (cache.write)
            args.push('--cache-to', `type=gha,${scope},mode=max,ignore-error=true`);
    }
    else if (cache.registryRef) {
        const insecure = request.registry?.insecure ? ',registry.insecure=true' : '';
        const ref = `ref=${csvField(cache.registryRef)}${insecure}`;
        args.push('--cache-from', `type=registry,${ref}`);
        if (cache.write)
            args.push('--cache-to', `type=registry,${ref},mode=max,ignore-error=true`);
    }
    return args;
}
function outputArgs(request, options, files) {
    if (request.push) {
        if (!request.registry?.insecure)
            return ['--push'];
        // Plain HTTP is a per-build exporter setting; TLS trust belongs to the builder's buildkitd.toml.
        const names = csvField(`name=${request.tags.join(',')}`);
        return ['--output', `type=image,${names},push=true,registry.insecure=true`];
    }
    if ((options.localOutput ?? 'load') === 'load')
        return ['--load'];
    return ['--output', `type=oci,dest=${csvField(files.ociLayoutDir)},tar=false`];
}
function buildxBuildArgs(request, options, files) {
    const args = ['buildx', 'build'];
    if (options.builder)
        args.push('--builder', options.builder);
    args.push('--file', request.dockerfile);
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    for (const pair of sortedPairs$2(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs$2(request.labels))
        args.push('--label', pair);
    for (const base of request.localBases ?? []) {
        for (const [name, value] of Object.entries(base.contexts ?? {}).sort()) {
            args.push('--build-context', `${name}=${value}`);
        }
    }
    const tags = request.push ? request.tags : [localTag(request.image, request.key), ...request.tags];
    for (const tag of tags)
        args.push('--tag', tag);
    args.push('--metadata-file', files.metadataFile);
    args.push(`--provenance=${options.provenance ?? 'false'}`);
    args.push(...cacheArgs(request, options), ...outputArgs(request, options, files));
    args.push(request.context);
    return args;
}
/** What BuildKit reports: the manifest (or index) digest and the config digest (the image id). */
function parseBuildxMetadata(json) {
    const m = JSON.parse(json);
    const digest = typeof m['containerimage.digest'] === 'string' ? m['containerimage.digest'] : undefined;
    const config = m['containerimage.config.digest'];
    return {
        digest: digest ? normaliseDigest(digest) : undefined,
        imageId: typeof config === 'string' ? normaliseDigest(config) : undefined
    };
}
/** How a dependent names this run's unpushed build, per the local output used. */
function buildxLocalImage(request, options, files, digest) {
    const ref = localTag(request.image, request.key);
    if ((options.localOutput ?? 'load') === 'load')
        return { ref };
    // A named build context replaces the FROM reference that equals its name.
    return { ref, contexts: { [ref]: `oci-layout://${files.ociLayoutDir}@${digest}` } };
}
class BuildxBuilder {
    options;
    name = 'buildx';
    description;
    constructor(options = {}) {
        this.options = options;
        this.description = `buildx (${options.builder ?? 'current builder'}, ${options.localOutput ?? 'load'})`;
    }
    async build(request) {
        const log = new BuildLog(request.onLine);
        const work = privateWorkDir();
        try {
            const files = { metadataFile: path.join(work.dir, 'metadata.json') };
            if (!request.push && this.options.localOutput === 'oci-layout') {
                const root = this.options.ociLayoutRoot ?? path.join(tmpdir(), 'imagegraph-oci-layouts');
                files.ociLayoutDir = path.join(root, request.image, request.key);
                mkdirSync(files.ociLayoutDir, { recursive: true });
            }
            const env = { ...process.env };
            if (this.options.host)
                env.DOCKER_HOST = this.options.host;
            const config = dockerConfigDir(work.dir, request.registry);
            if (config)
                env.DOCKER_CONFIG = config;
            const built = await log.run({
                command: this.options.command ?? 'docker',
                args: buildxBuildArgs(request, this.options, files),
                env,
                what: 'docker buildx build'
            });
            if (!built.ok)
                return log.failure(built.error);
            const reported = existsSync(files.metadataFile)
                ? parseBuildxMetadata(readFileSync(files.metadataFile, 'utf8'))
                : {};
            if (!request.push && files.ociLayoutDir && !reported.digest) {
                return log.failure('docker buildx build reported no digest for its OCI layout output');
            }
            const local = request.push
                ? undefined
                : buildxLocalImage(request, this.options, files, reported.digest);
            return log.success({
                imageId: reported.imageId,
                digest: request.push ? reported.digest : undefined,
                local
            });
        }
        finally {
            work.remove();
        }
    }
}

// buildah and podman come from the same project (containers/buildah is podman's build engine): the
// same build flags, storage options, registry flags and push. Their argv is built here, as data.
function globalArgs(options) {
    const args = [];
    if (options.root)
        args.push('--root', options.root);
    if (options.runroot)
        args.push('--runroot', options.runroot);
    if (options.storageDriver)
        args.push('--storage-driver', options.storageDriver);
    return args;
}
/**
 * The flags that reach the registry: for pulling `FROM` images in a build and for pushing. The
 * tools take them per command, not per host: `--tls-verify=false` also covers a `FROM` elsewhere.
 */
function registryArgs(request, files) {
    const args = [];
    const registry = request.registry;
    if (registry?.insecure)
        args.push('--tls-verify=false');
    const certDir = files.certDir ?? registry?.certDir;
    if (certDir)
        args.push('--cert-dir', certDir);
    if (files.authFile)
        args.push('--authfile', files.authFile);
    return args;
}
function sortedPairs$1(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** More than one platform: built into a manifest list named by the local tag, pushed with `--all`. */
function isList(request) {
    return request.platforms.length > 1;
}
/** The build command's arguments (after the program name). */
function containersBuildArgs(tool, request, options, files) {
    const args = [...globalArgs(options), tool === 'buildah' ? 'bud' : 'build'];
    args.push('--isolation', options.isolation ?? 'chroot');
    if (options.network)
        args.push('--network', options.network);
    args.push('--file', request.dockerfile);
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length > 0)
        args.push('--platform', request.platforms.join(','));
    for (const pair of sortedPairs$1(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs$1(request.labels))
        args.push('--label', pair);
    args.push(...registryArgs(request, files));
    if (request.cache?.registryRef) {
        args.push('--layers', '--cache-from', request.cache.registryRef);
        if (request.cache.write)
            args.push('--cache-to', request.cache.registryRef);
    }
    const local = localTag(request.image, request.key);
    if (isList(request))
        args.push('--manifest', local);
    else
        for (const tag of [local, ...request.tags])
            args.push('--tag', tag);
    args.push('--iidfile', files.iidFile, request.context);
    return args;
}
/** One push per tag, of the image built (by id) or of the manifest list (by its local tag). */
function containersPushArgs(request, options, files, imageId) {
    if (!request.push)
        return [];
    return request.tags.map((tag, i) => {
        const args = globalArgs(options);
        if (isList(request))
            args.push('manifest', 'push', '--all');
        else
            args.push('push');
        args.push(...registryArgs(request, files), '--digestfile', files.digestFile(i));
        args.push(isList(request) ? localTag(request.image, request.key) : imageId, `docker://${tag}`);
        return { tag, args };
    });
}
/** The whole build and push for buildah or podman, over the argv above. */
async function containersBuild(tool, request, options) {
    const command = options.command ?? tool;
    const log = new BuildLog(request.onLine);
    const work = privateWorkDir();
    try {
        const files = {
            iidFile: path.join(work.dir, 'iid'),
            digestFile: i => path.join(work.dir, `digest-${i}`),
            authFile: containersAuthFile(work.dir, request.registry),
            certDir: caDir(work.dir, request)
        };
        const built = await log.run({
            command,
            args: containersBuildArgs(tool, request, options, files),
            what: `${tool} ${tool === 'buildah' ? 'bud' : 'build'}`
        });
        if (!built.ok)
            return log.failure(built.error);
        const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'));
        if (!imageId)
            return log.failure(`${tool} wrote no image id`);
        let digest;
        for (const push of containersPushArgs(request, options, files, imageId)) {
            const pushed = await log.run({ command, args: push.args, what: `${tool} push ${push.tag}` });
            if (!pushed.ok)
                return log.failure(pushed.error, { imageId });
            digest ??= normaliseDigest(readFileSync(files.digestFile(0), 'utf8'));
        }
        const local = request.push
            ? undefined
            : { ref: isList(request) ? localTag(request.image, request.key) : imageId };
        return log.success({ imageId, digest, local });
    }
    finally {
        work.remove();
    }
}
/** A CA file given without a directory: buildah and podman read CAs only from a `--cert-dir`. */
function caDir(workDir, request) {
    const registry = request.registry;
    if (!registry?.caFile || registry.certDir)
        return undefined;
    const dir = path.join(workDir, 'certs');
    mkdirSync(dir, { mode: 0o700 });
    copyFileSync(registry.caFile, path.join(dir, 'ca.crt'));
    return dir;
}
/** The buildah or podman builder: one class, since the two differ only in the program they run. */
class ContainersToolBuilder {
    name;
    options;
    description;
    constructor(name, options = {}) {
        this.name = name;
        this.options = options;
        const details = [
            options.storageDriver,
            options.isolation ?? 'chroot',
            options.network && `network ${options.network}`
        ];
        this.description = `${name} (${details.filter(Boolean).join(', ')})`;
    }
    build(request) {
        return containersBuild(this.name, request, this.options);
    }
}

// docker: `docker build` then `docker push` per tag, against whichever daemon DOCKER_HOST names.
// The daemon, not this client, decides how it reaches registries: plain HTTP is its
// `insecure-registries` setting (127.0.0.0/8 is in it by default) and CAs are its
// `/etc/docker/certs.d/<host>/ca.crt`; a request's `insecure`/`certDir` cannot change that here.
// No registry layer cache: the classic builder's `--cache-from` only uses images already pulled.
function sortedPairs(record) {
    return Object.keys(record)
        .sort()
        .map(k => `${k}=${record[k]}`);
}
/** `docker build` arguments; the caller checks that at most one platform is asked for. */
function dockerBuildArgs(request, options, files) {
    const args = ['build', '--file', request.dockerfile];
    if (request.target)
        args.push('--target', request.target);
    if (request.platforms.length === 1)
        args.push('--platform', request.platforms[0]);
    if (options.network)
        args.push('--network', options.network);
    for (const pair of sortedPairs(request.buildArgs))
        args.push('--build-arg', pair);
    for (const pair of sortedPairs(request.labels))
        args.push('--label', pair);
    for (const tag of [localTag(request.image, request.key), ...request.tags])
        args.push('--tag', tag);
    args.push('--iidfile', files.iidFile, request.context);
    return args;
}
/** One `docker push` per tag (the image is tagged with each by the build). */
function dockerPushArgs(request) {
    return request.push ? request.tags.map(tag => ({ tag, args: ['push', tag] })) : [];
}
/** `docker push` prints `<tag>: digest: sha256:... size: N` when it is done. */
function parseDockerPushDigest(output) {
    const m = /digest: (sha256:[0-9a-f]{64})/.exec(output);
    return m?.[1];
}
class DockerBuilder {
    options;
    name = 'docker';
    description;
    constructor(options = {}) {
        this.options = options;
        this.description = `docker (${options.host ?? process.env.DOCKER_HOST ?? 'default daemon'})`;
    }
    async build(request) {
        const log = new BuildLog(request.onLine);
        if (request.platforms.length > 1) {
            return log.failure(`the docker builder builds one platform, not ${request.platforms.join(', ')}: use builder buildx (or buildah/podman) for several`);
        }
        const command = this.options.command ?? 'docker';
        const work = privateWorkDir();
        try {
            const env = { ...process.env };
            if (this.options.host)
                env.DOCKER_HOST = this.options.host;
            const config = dockerConfigDir(work.dir, request.registry);
            if (config)
                env.DOCKER_CONFIG = config;
            if (request.registry?.insecure || request.registry?.certDir || request.registry?.caFile) {
                log.line(`note: the docker daemon's own settings decide TLS for ${request.registry.host} (insecure-registries, /etc/docker/certs.d)`);
            }
            const files = { iidFile: path.join(work.dir, 'iid') };
            const built = await log.run({
                command,
                args: dockerBuildArgs(request, this.options, files),
                env,
                what: 'docker build'
            });
            if (!built.ok)
                return log.failure(built.error);
            const imageId = normaliseDigest(readFileSync(files.iidFile, 'utf8'));
            if (!imageId)
                return log.failure('docker build wrote no image id');
            let digest;
            for (const push of dockerPushArgs(request)) {
                const pushed = await log.run({
                    command,
                    args: push.args,
                    env,
                    what: `docker push ${push.tag}`
                });
                if (!pushed.ok)
                    return log.failure(pushed.error, { imageId });
                digest ??= parseDockerPushDigest(log.lastStdout);
            }
            // The local tag, not the id: the legacy builder takes both in FROM, but BuildKit (what `docker
            // build` runs when buildx is installed) parses FROM as a reference and rejects `sha256:...`.
            // The tag names the content key, so only a build of the same inputs can move it.
            const local = request.push ? undefined : { ref: localTag(request.image, request.key) };
            return log.success({ imageId, digest, local });
        }
        finally {
            work.remove();
        }
    }
}

const BUILDER_CHOICES = [
    'auto',
    'buildx',
    'docker',
    'podman',
    'buildah'
];
const AUTO_ORDER = ['buildx', 'docker', 'podman', 'buildah'];
/** The first usable builder in `AUTO_ORDER` and the line that explains the choice (pure). */
function chooseBuilder(probes) {
    const chosen = probes.find(p => p.usable);
    if (!chosen)
        return undefined;
    return {
        name: chosen.name,
        reason: `${chosen.name}: ${joinNotes(probes.slice(0, probes.indexOf(chosen) + 1))}`
    };
}
/** The probes' notes in order, each said once (buildx and docker both find no `docker`). */
function joinNotes(probes) {
    return [...new Set(probes.map(p => p.note))].join(', ');
}
/** ` (first line of stderr)`, or nothing when the command said nothing. */
function said(line) {
    return line ? ` (${line})` : '';
}
async function run(command, args, env) {
    try {
        const r = await exec(command, args, { env, timeoutMs: 30000, maxBuffer: 1 << 16 });
        const firstErr = r.stderr.toString('utf8').trim().split('\n')[0] ?? '';
        return { found: true, ok: r.code === 0, stdout: r.stdout.toString('utf8'), firstErr };
    }
    catch (e) {
        if (e instanceof SpawnError)
            return { found: false, ok: false, stdout: '', firstErr: '' };
        throw e;
    }
}
function dockerEnv(host) {
    return host ? { ...process.env, DOCKER_HOST: host } : process.env;
}
function storageArgs(o = {}) {
    const args = [];
    if (o.root)
        args.push('--root', o.root);
    if (o.runroot)
        args.push('--runroot', o.runroot);
    if (o.storageDriver)
        args.push('--storage-driver', o.storageDriver);
    return args;
}
/** Probes one builder with real commands (a version, then whether it can work). */
async function probeBuilder(name, options = {}) {
    switch (name) {
        case 'buildx': {
            const o = options.buildx ?? {};
            const docker = o.command ?? 'docker';
            const env = dockerEnv(o.host);
            const version = await run(docker, ['buildx', 'version'], env);
            if (!version.found)
                return { name, usable: false, note: 'docker not found' };
            if (!version.ok)
                return { name, usable: false, note: 'docker buildx not installed' };
            const inspect = await run(docker, ['buildx', 'inspect', ...(o.builder ? [o.builder] : [])], env);
            const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1];
            const status = /^Status:\s*(\S+)/m.exec(inspect.stdout)?.[1];
            if (!inspect.ok || status === 'error') {
                return {
                    name,
                    usable: false,
                    note: `buildx found but its builder is not usable${said(inspect.firstErr || status || '')}`
                };
            }
            const v = version.stdout.trim().split(/\s+/)[1] ?? '';
            return {
                name,
                usable: true,
                driver,
                note: `docker buildx ${v} (driver ${driver ?? 'unknown'})`
            };
        }
        case 'docker': {
            const o = options.docker ?? {};
            const r = await run(o.command ?? 'docker', ['version', '--format', '{{.Server.Version}}'], dockerEnv(o.host));
            if (!r.found)
                return { name, usable: false, note: 'docker not found' };
            if (!r.ok)
                return {
                    name,
                    usable: false,
                    note: `docker found but no daemon reachable${said(r.firstErr)}`
                };
            return { name, usable: true, note: `docker daemon ${r.stdout.trim()}` };
        }
        case 'podman':
        case 'buildah': {
            const o = options[name] ?? {};
            const command = o.command ?? name;
            // `info` opens the storage: a podman that cannot (no user namespaces, bad driver) is not usable.
            const args = name === 'podman'
                ? [...storageArgs(o), 'info', '--format', '{{.Store.GraphDriverName}}']
                : [...storageArgs(o), 'info'];
            const r = await run(command, args);
            if (!r.found)
                return { name, usable: false, note: `${name} not found` };
            if (!r.ok)
                return {
                    name,
                    usable: false,
                    note: `${name} found but \`${name} info\` failed${said(r.firstErr)}`
                };
            return { name, usable: true, note: `${name} found` };
        }
    }
}
/** The builder asked for, or with `auto` the first in `AUTO_ORDER` that works (UserError if none). */
async function detectBuilder(choice, options = {}) {
    if (choice !== 'auto')
        return {
            builder: makeBuilder(choice, options),
            reason: `${choice}: chosen by the builder setting`
        };
    const probes = [];
    for (const name of AUTO_ORDER) {
        const probe = await probeBuilder(name, options);
        probes.push(probe);
        if (probe.usable)
            break;
    }
    const chosen = chooseBuilder(probes);
    if (!chosen) {
        throw new UserError(`no image builder works here: ${joinNotes(probes)}; install docker (with buildx), podman or buildah, or set the builder`);
    }
    const buildx = probes.find(p => p.name === 'buildx');
    const withDriver = chosen.name === 'buildx' && options.buildx?.localOutput === undefined
        ? {
            ...options,
            buildx: {
                ...options.buildx,
                localOutput: buildx?.driver === 'docker' ? 'load' : 'oci-layout'
            }
        }
        : options;
    return { builder: makeBuilder(chosen.name, withDriver), reason: chosen.reason };
}
function makeBuilder(name, options = {}) {
    switch (name) {
        case 'buildx':
            return new BuildxBuilder(options.buildx);
        case 'docker':
            return new DockerBuilder(options.docker);
        case 'podman':
            return new ContainersToolBuilder('podman', options.podman);
        case 'buildah':
            return new ContainersToolBuilder('buildah', options.buildah);
    }
}
/** Detection deferred to the first call and done once: call it only when an image is to be built. */
function lazyBuilder(choice, options = {}) {
    let detected;
    return () => (detected ??= detectBuilder(choice, options));
}

// Registry credentials as `docker login` and docker/login-action leave them: the docker config file
// (`$DOCKER_CONFIG/config.json` or `~/.docker/config.json`) with its `auths` entries, and the
// credential helpers it names (`credHelpers` per registry, `credsStore` for all), run as
// `docker-credential-<name> get` with the server address on stdin.
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
/**
 * `example.com:5000` from any way an `auths` key or helper entry may spell the registry:
 * `https://example.com:5000/v2/`, `http://example.com:5000`, `example.com:5000`.
 */
function registryHostOf(address) {
    const withoutScheme = address.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const host = withoutScheme.split('/')[0].toLowerCase();
    // Docker Hub is written three ways; `docker login` stores it as https://index.docker.io/v1/.
    return DOCKER_HUB.includes(host) ? 'docker.io' : host;
}
/** Reads a docker config file's text; `file` names it in errors. Pure. */
function parseDockerConfig(text, file) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (e) {
        throw new UserError(`${file}: not valid JSON (${e.message})`);
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
        throw new UserError(`${file}: expected a JSON object`);
    const raw = json;
    const auths = [];
    const rawAuths = raw.auths ?? {};
    if (typeof rawAuths !== 'object' || Array.isArray(rawAuths))
        throw new UserError(`${file}: "auths" must be an object keyed by registry`);
    for (const [serverAddress, value] of Object.entries(rawAuths)) {
        if (!value || typeof value !== 'object')
            continue;
        const v = value;
        const entry = { serverAddress };
        if (typeof v.auth === 'string' && v.auth !== '') {
            const decoded = Buffer.from(v.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new UserError(`${file}: auths["${serverAddress}"].auth is not base64 of "username:password"`);
            entry.username = decoded.slice(0, colon);
            entry.password = decoded.slice(colon + 1);
        }
        if (typeof v.username === 'string' && v.username !== '')
            entry.username = v.username;
        if (typeof v.password === 'string' && v.password !== '')
            entry.password = v.password;
        if (typeof v.identitytoken === 'string' && v.identitytoken !== '')
            entry.identityToken = v.identitytoken;
        auths.push(entry);
    }
    const credHelpers = {};
    if (raw.credHelpers && typeof raw.credHelpers === 'object') {
        for (const [host, helper] of Object.entries(raw.credHelpers))
            if (typeof helper === 'string' && helper !== '')
                credHelpers[registryHostOf(host)] = helper;
    }
    const config = { auths, credHelpers };
    if (typeof raw.credsStore === 'string' && raw.credsStore !== '')
        config.credsStore = raw.credsStore;
    return config;
}
/** The `auths` entry for a registry host, matching however its key spells the host. */
function authEntryFor(config, host) {
    const wanted = registryHostOf(host);
    return config.auths.find(a => registryHostOf(a.serverAddress) === wanted);
}
/** Which helper holds a registry's credentials: its own in `credHelpers`, else `credsStore`. */
function helperFor(config, host) {
    return config.credHelpers[registryHostOf(host)] ?? config.credsStore;
}
/** A helper's `get` answer (`{"ServerURL","Username","Secret"}`) as credentials. Pure. */
function parseHelperAnswer(stdout, helper) {
    let json;
    try {
        json = JSON.parse(stdout);
    }
    catch {
        throw new UserError(`docker-credential-${helper} get: answered something that is not JSON`);
    }
    const username = typeof json.Username === 'string' ? json.Username : '';
    const secret = typeof json.Secret === 'string' ? json.Secret : '';
    // Docker's convention: the user name `<token>` marks the secret as an identity token.
    if (username === '<token>')
        return { identityToken: secret };
    return { username, password: secret };
}
function dockerConfigPath(env) {
    const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker');
    return path.join(dir, 'config.json');
}
/** The docker config in effect, or an empty one when there is no file. */
function readDockerConfig(env = process.env) {
    const file = dockerConfigPath(env);
    let text;
    try {
        text = readFileSync(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return { auths: [], credHelpers: {} };
        throw new UserError(`${file}: cannot read the docker config (${e.message})`);
    }
    return parseDockerConfig(text, file);
}
async function runHelper(helper, serverAddress, env) {
    const command = `docker-credential-${helper}`;
    let result;
    try {
        result = await exec(command, ['get'], { input: serverAddress, env, timeoutMs: 30000 });
    }
    catch (e) {
        if (e instanceof SpawnError)
            throw new UserError(`the docker config names credential helper '${helper}', but ${command} cannot be run (${e.code ?? e.message}); install it or remove it from the docker config`);
        throw e;
    }
    const stdout = result.stdout.toString('utf8').trim();
    if (result.code !== 0) {
        // The helper protocol's answer for "nothing stored for this registry".
        if (/credentials not found/i.test(stdout + result.stderr.toString('utf8')))
            return undefined;
        const detail = (result.stderr.toString('utf8').trim() || stdout).split('\n')[0];
        throw new UserError(`${command} get failed for ${serverAddress} (exit ${result.code ?? result.signal}): ${detail}`);
    }
    return parseHelperAnswer(stdout, helper);
}
/**
 * The credentials the docker config holds for `host`, or undefined (anonymous). A helper is asked
 * first, with the address as the `auths` key spells it when there is one; when it has nothing, the
 * `auths` entry's own fields are used.
 */
async function dockerCredentials(host, env = process.env) {
    const config = readDockerConfig(env);
    const entry = authEntryFor(config, host);
    const helper = helperFor(config, host);
    if (helper) {
        const fromHelper = await runHelper(helper, entry?.serverAddress ?? host, env);
        if (fromHelper)
            return fromHelper;
    }
    if (!entry)
        return undefined;
    const { serverAddress: _, ...credentials } = entry;
    return credentials.username || credentials.identityToken ? credentials : undefined;
}

// Registry authentication as the registry asks for it: its 401's WWW-Authenticate decides between
// basic auth and the Bearer token challenge (GET the realm with basic credentials, or anonymously,
// for a token per scope; an identity token is exchanged with an OAuth2 refresh-token POST).
/** `Bearer realm="https://x/token",service="x",scope="repository:a:pull"` as data. Pure. */
function parseChallenge(header) {
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
    if (!m)
        return undefined;
    const params = {};
    const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/g;
    let p;
    while ((p = re.exec(m[2])) !== null) {
        if (p[0] === '')
            break;
        params[p[1].toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3];
    }
    return { scheme: m[1].toLowerCase(), params };
}
/** Default token lifetime when the token service does not say (the spec's minimum). */
const DEFAULT_TOKEN_SECONDS = 60;
class Authenticator {
    http;
    registry;
    loadCredentials;
    mask;
    scheme;
    realm = '';
    service;
    tokens = new Map();
    credentials;
    constructor(http, registry, loadCredentials, mask) {
        this.http = http;
        this.registry = registry;
        this.loadCredentials = loadCredentials;
        this.mask = mask;
    }
    creds() {
        this.credentials ??= this.loadCredentials().then(c => {
            if (c?.password)
                this.mask(c.password);
            if (c?.identityToken)
                this.mask(c.identityToken);
            return c;
        });
        return this.credentials;
    }
    /** The Authorization header for a request needing `scope`, once the registry has said how. */
    async header(scope) {
        if (this.scheme === 'basic') {
            const c = await this.creds();
            return c?.username !== undefined ? basic(c) : undefined;
        }
        if (this.scheme === 'bearer')
            return `Bearer ${(await this.token(scope)).value}`;
        return undefined;
    }
    /**
     * Learns from a 401 how to authenticate. `sent` is the Authorization header the refused request
     * carried: a refusal of what we already sent means the credentials are wrong (or missing).
     */
    async challenged(response, scope, sent) {
        const header = response.headers['www-authenticate'];
        const challenge = parseChallenge(Array.isArray(header) ? header[0] : (header ?? ''));
        const c = await this.creds();
        if (challenge?.scheme === 'bearer' && challenge.params.realm) {
            if (sent?.startsWith('Bearer ')) {
                this.tokens.delete(scope);
                throw this.refused(c, 'the registry refused the token its token service issued');
            }
            this.scheme = 'bearer';
            this.realm = challenge.params.realm;
            this.service = challenge.params.service;
            return;
        }
        if (challenge?.scheme === 'basic') {
            if (c?.username === undefined || !c.password)
                throw this.missing();
            if (sent?.startsWith('Basic '))
                throw this.refused(c, '401');
            this.scheme = 'basic';
            return;
        }
        throw new UserError(`registry ${this.registry}: answered 401 with an authentication scheme this tool does not speak (${JSON.stringify(header ?? '')})`);
    }
    token(scope) {
        const cached = this.tokens.get(scope);
        if (cached) {
            return cached.then(t => {
                if (t.expiresAt > Date.now() + 5000)
                    return t;
                if (this.tokens.get(scope) === cached)
                    this.tokens.delete(scope);
                return this.token(scope);
            });
        }
        const fresh = this.fetchToken(scope);
        this.tokens.set(scope, fresh);
        fresh.catch(() => this.tokens.delete(scope));
        return fresh;
    }
    async fetchToken(scope) {
        const c = await this.creds();
        const url = new URL(this.realm);
        let response;
        if (c?.identityToken) {
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: c.identityToken,
                client_id: 'imagegraph'
            });
            if (this.service)
                form.set('service', this.service);
            if (scope)
                form.set('scope', scope);
            response = await this.http.send({
                method: 'POST',
                url: url.toString(),
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: Buffer.from(form.toString())
            });
        }
        else {
            if (this.service)
                url.searchParams.set('service', this.service);
            if (scope)
                url.searchParams.set('scope', scope);
            if (c?.username)
                url.searchParams.set('account', c.username);
            const headers = {};
            if (c?.username !== undefined && c.password)
                headers.Authorization = basic(c);
            response = await this.http.send({ method: 'GET', url: url.toString(), headers });
        }
        if (response.status === 401 || response.status === 403)
            throw c
                ? this.refused(c, `the token service ${url.origin} answered ${response.status}`)
                : this.missing();
        if (response.status !== 200)
            throw new UserError(`registry ${this.registry}: the token service ${url.origin}${url.pathname} answered ${response.status}; check the registry's token service`);
        let json;
        try {
            json = JSON.parse(response.body.toString('utf8'));
        }
        catch {
            throw new UserError(`registry ${this.registry}: the token service ${url.origin} answered something that is not JSON`);
        }
        const value = json.token || json.access_token;
        if (!value)
            throw new UserError(`registry ${this.registry}: the token service ${url.origin} gave no token`);
        this.mask(value);
        const seconds = Math.max(json.expires_in ?? DEFAULT_TOKEN_SECONDS, DEFAULT_TOKEN_SECONDS);
        return { value, expiresAt: Date.now() + seconds * 1000 };
    }
    /** The credentials were sent and refused. */
    refused(c, detail) {
        if (!c)
            return this.missing();
        const who = c.username ? `user '${c.username}'` : 'the identity token';
        return new UserError(`registry ${this.registry}: the credentials for ${who} were rejected (${detail}); check the username and password (registry-username / registry-password, or docker login)`);
    }
    missing() {
        return new UserError(`registry ${this.registry}: requires credentials (401) and none were found; log in (docker login, docker/login-action) or pass registry-username and registry-password`);
    }
}
function basic(c) {
    return `Basic ${Buffer.from(`${c.username}:${c.password ?? ''}`).toString('base64')}`;
}

// HTTP for the registry client: kept-alive connections, TLS verified against the system's CAs plus
// NODE_EXTRA_CA_CERTS plus an optional CA file, a bound on requests in flight, retries of transient
// failures with backoff, and one clear line for what a user must fix (TLS, unreachable host).
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN']);
const MAX_BODY = 32 * 1024 * 1024;
/** OpenSSL's names for "this certificate does not chain to a CA we trust". */
const UNTRUSTED_CERT_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED'
]);
const SYSTEM_BUNDLES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
function readPem(file, what) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch (e) {
        throw new UserError(`${what} ${file} cannot be read (${e.code})`);
    }
}
/**
 * Node's bundled roots, the system store, NODE_EXTRA_CA_CERTS and `caFile`. Passing `ca` replaces
 * Node's default list, so the extra certificates are named here again.
 */
function trustedCAs(env, caFile) {
    const cas = [...tls.rootCertificates];
    const getCACertificates = tls
        .getCACertificates;
    if (getCACertificates)
        cas.push(...getCACertificates('system'));
    else {
        for (const file of SYSTEM_BUNDLES) {
            try {
                cas.push(readFileSync(file, 'utf8'));
                break;
            }
            catch {
                // not this distribution's path
            }
        }
    }
    if (env.NODE_EXTRA_CA_CERTS)
        cas.push(readPem(env.NODE_EXTRA_CA_CERTS, 'NODE_EXTRA_CA_CERTS'));
    if (caFile)
        cas.push(readPem(caFile, 'the registry CA file'));
    return cas;
}
/** A counting semaphore: at most `limit` holders at once, served in order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    async run(task) {
        if (this.active >= this.limit)
            await new Promise(r => this.waiting.push(r));
        else
            this.active++;
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
/** Seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
function retryAfterMs(value, now) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
class HttpClient {
    options;
    agent;
    limiter;
    constructor(options) {
        this.options = options;
        const agentOptions = {
            keepAlive: true,
            maxSockets: options.concurrency,
            maxFreeSockets: options.concurrency
        };
        this.agent = options.insecure
            ? new http.Agent(agentOptions)
            : new https.Agent({ ...agentOptions, ca: trustedCAs(options.env, options.caFile) });
        this.limiter = new Limiter(options.concurrency);
    }
    get scheme() {
        return this.options.insecure ? 'http' : 'https';
    }
    /** Closes idle kept-alive sockets (the process can exit without waiting for them). */
    close() {
        this.agent.destroy();
    }
    /**
     * Sends with retries of transient failures. Answers of any status are returned (the caller
     * decides what a 404 means); a status still 5xx or 429 after the last try is returned too.
     */
    async send(request) {
        const { attempts, baseDelayMs, maxRetryAfterMs } = this.options.retry;
        for (let attempt = 1;; attempt++) {
            let response;
            let failure;
            try {
                response = await this.limiter.run(() => this.follow(request));
            }
            catch (e) {
                failure = e;
                if (!TRANSIENT_CODES.has(failure.code ?? ''))
                    throw this.explain(failure, request);
            }
            const transientStatus = response && (response.status >= 500 || response.status === 429);
            if (!failure && !transientStatus)
                return response;
            if (attempt >= attempts) {
                if (response)
                    return response;
                throw new UserError(`registry ${this.options.registry}: ${request.method} ${request.url} failed ${attempts} times (${failure.code}: ${failure.message}); the registry or the network is failing, try again later`);
            }
            const backoff = baseDelayMs * 2 ** (attempt - 1) + Math.random() * baseDelayMs;
            const asked = retryAfterMs(response?.headers['retry-after'], Date.now());
            const wait = asked === undefined ? backoff : Math.min(asked, maxRetryAfterMs);
            this.options.debug(`registry ${this.options.registry}: ${request.method} ${request.url}: ${response ? response.status : failure.code}; retry ${attempt}/${attempts - 1} in ${Math.round(wait)} ms`);
            await sleep(wait);
        }
    }
    async follow(request) {
        let current = request;
        for (let hop = 0;; hop++) {
            const response = await this.once(current);
            const location = response.headers.location;
            if (!request.followRedirects || response.status < 300 || response.status >= 400 || !location)
                return response;
            if (hop >= 5)
                throw new Error(`registry ${this.options.registry}: too many redirects`);
            const next = new URL(location, current.url);
            const headers = { ...current.headers };
            // Credentials are for the registry only, never for the storage it redirects to.
            if (next.origin !== new URL(request.url).origin)
                delete headers.Authorization;
            current = { ...current, url: next.toString(), headers };
        }
    }
    once(request) {
        const url = new URL(request.url);
        if (url.protocol === 'http:' && !this.options.insecure)
            return Promise.reject(new UserError(`registry ${this.options.registry}: refusing plain HTTP to ${url.origin}; name the registry insecure only if it speaks plain HTTP`));
        const module = url.protocol === 'https:' ? https : http;
        // A plain-HTTP registry may send its token realm over HTTPS: that needs an HTTPS agent.
        const agent = url.protocol === 'https:' && this.options.insecure ? undefined : this.agent;
        return new Promise((resolve, reject) => {
            const req = module.request(url, {
                method: request.method,
                headers: {
                    'User-Agent': 'imagegraph',
                    ...request.headers,
                    ...(request.body ? { 'Content-Length': String(request.body.length) } : {})
                },
                agent
            }, res => {
                const chunks = [];
                let size = 0;
                res.on('data', (b) => {
                    size += b.length;
                    if (size > MAX_BODY) {
                        req.destroy(new Error(`answer larger than ${MAX_BODY} bytes from ${url}`));
                        return;
                    }
                    chunks.push(b);
                });
                res.on('error', reject);
                res.on('end', () => resolve({
                    status: res.statusCode ?? 0,
                    headers: res.headers,
                    body: Buffer.concat(chunks),
                    url: url.toString()
                }));
            });
            req.setTimeout(this.options.timeoutMs, () => {
                const e = new Error(`no answer in ${this.options.timeoutMs} ms`);
                e.code = 'ETIMEDOUT';
                req.destroy(e);
            });
            req.on('error', reject);
            req.end(request.body);
        });
    }
    /** One line a user can act on for a failure that is not worth retrying. */
    explain(e, request) {
        if (e instanceof UserError)
            return e;
        const where = `registry ${this.options.registry}`;
        const code = e.code ?? '';
        const reason = e.message.replace(/^.*?: /, '');
        if (UNTRUSTED_CERT_CODES.has(code))
            return new UserError(`${where}: the TLS certificate is not trusted (${reason}); add its CA to NODE_EXTRA_CA_CERTS or the system store, or name the registry insecure if it speaks plain HTTP`);
        if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
            return new UserError(`${where}: the TLS certificate does not name this host (${reason}); use the name the certificate was issued for`);
        if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID')
            return new UserError(`${where}: the TLS certificate is not valid now (${code}); renew it`);
        const notTls = /wrong version number|packet length too long|unknown protocol/i.exec(e.message);
        if (notTls)
            return new UserError(`${where}: does not speak TLS (the TLS handshake got: ${notTls[0]}); if it speaks plain HTTP, name it insecure (registry-insecure: true / --insecure-registry)`);
        if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
            return new UserError(`${where}: cannot connect (${code}) to ${new URL(request.url).host}; check the registry address and that it is running`);
        return new Error(`${where}: ${request.method} ${request.url}: ${e.message}`);
    }
}

// The OCI distribution API of one registry, behind the Registry port: manifests as exact bytes with
// their digest checked, retags by putting those bytes under a new tag, blob checks, tag lists, config
// labels, and "is this tag really pullable" for one or thousands of tags over kept-alive connections.
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
};
const ACCEPT = Object.values(MEDIA_TYPES).join(', ');
const INDEX_TYPES = new Set([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
function sha256(bytes) {
    return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
function digestOf(bytes, algorithm) {
    return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
/** Layers a registry need not hold (Windows base layers fetched from elsewhere). */
function isForeign(d) {
    return /foreign|nondistributable/.test(d.mediaType ?? '');
}
/** An index entry that is not an image for a platform (buildx attestations). */
function isAttestation(d) {
    return (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (d.platform?.os === 'unknown' && d.platform?.architecture === 'unknown'));
}
function platformOf(d) {
    const p = d.platform ?? {};
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
function isIndex(manifest) {
    return INDEX_TYPES.has(manifest.mediaType);
}
class HttpRegistry {
    host;
    http;
    auth;
    concurrency;
    constructor(options) {
        const problem = registryProblem(options.host);
        if (problem)
            throw new UserError(problem);
        this.host = options.host;
        const env = options.env ?? process.env;
        this.concurrency = options.concurrency ?? 32;
        this.http = new HttpClient({
            registry: options.host,
            insecure: options.insecure ?? false,
            caFile: options.caFile,
            env,
            concurrency: this.concurrency,
            retry: { attempts: 4, baseDelayMs: 250, maxRetryAfterMs: 10000, ...options.retry },
            timeoutMs: options.timeoutMs ?? 30000,
            debug: options.debug ?? (() => undefined)
        });
        const explicit = options.username !== undefined
            ? { username: options.username, password: options.password ?? '' }
            : undefined;
        this.auth = new Authenticator(this.http, options.host, async () => explicit ?? (await dockerCredentials(options.host, env)), options.mask ?? (() => undefined));
    }
    /** Closes kept-alive sockets. */
    close() {
        this.http.close();
    }
    url(path) {
        return `${this.http.scheme}://${this.host}${path}`;
    }
    /** A request with the registry's auth: on a 401 learn the scheme from the challenge, once. */
    async request(request, scope) {
        const { path, ...rest } = request;
        const send = async () => {
            const authorization = await this.auth.header(scope);
            const headers = {
                ...rest.headers,
                ...(authorization ? { Authorization: authorization } : {})
            };
            return [await this.http.send({ ...rest, url: this.url(path), headers }), authorization];
        };
        let [response, sent] = await send();
        if (response.status === 401) {
            await this.auth.challenged(response, scope, sent);
            [response, sent] = await send();
            if (response.status === 401)
                await this.auth.challenged(response, scope, sent);
        }
        if (response.status === 403)
            throw new UserError(`registry ${this.host}: access denied (403 ${this.errorText(response)}) for ${scope}; the account needs ${scope.endsWith('push') ? 'push' : 'pull'} permission on that repository`);
        if (response.status === 400 && /HTTP request to an HTTPS server/.test(response.body.toString()))
            throw new UserError(`registry ${this.host}: speaks HTTPS, but was named insecure (plain HTTP); drop the insecure setting`);
        return response;
    }
    /** The registry's `{"errors":[{code,message}]}` as one short text. */
    errorText(response) {
        try {
            const json = JSON.parse(response.body.toString('utf8'));
            if (json.errors?.length)
                return json.errors.map(e => [e.code, e.message].filter(Boolean).join(': ')).join('; ');
        }
        catch {
            // not the registry's JSON
        }
        return response.body.toString('utf8').slice(0, 200).trim();
    }
    unexpected(response, what) {
        const text = `registry ${this.host}: ${what}: answered ${response.status} ${this.errorText(response)}`;
        // Still failing after the retries: the registry's trouble, told as one line.
        if (response.status >= 500 || response.status === 429)
            return new UserError(`${text}; the registry is failing, try again later`);
        return new Error(text);
    }
    /** A manifest request: undefined when the registry has none under that reference. */
    async manifestResponse(method, repository, reference) {
        assertRepository(repository);
        assertManifestReference(reference);
        const response = await this.request({ method, path: `/v2/${repository}/manifests/${reference}`, headers: { Accept: ACCEPT } }, pull(repository));
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.unexpected(response, `manifest ${repository}:${reference}`);
        return response;
    }
    async getManifest(repository, reference) {
        const response = await this.manifestResponse('GET', repository, reference);
        if (!response)
            return undefined;
        const bytes = response.body;
        const digest = sha256(bytes);
        // Fail closed: bytes that are not what the registry (or the digest we asked for) says.
        const claimed = isDigest(reference)
            ? reference
            : response.headers['docker-content-digest'];
        if (claimed && digestProblem(claimed) === undefined) {
            const algorithm = claimed.slice(0, claimed.indexOf(':'));
            const actual = digestOf(bytes, algorithm);
            if (actual !== claimed)
                throw new Error(`registry ${this.host}: manifest ${repository}:${reference} hashes to ${actual}, not ${claimed} as the registry says; refusing it`);
        }
        return { bytes, mediaType: this.mediaTypeOf(response, bytes), digest };
    }
    mediaTypeOf(response, bytes) {
        const header = (response.headers['content-type'] ?? '').split(';')[0].trim();
        if (header && header !== 'application/json' && header !== 'text/plain')
            return header;
        if (bytes) {
            try {
                const json = JSON.parse(bytes.toString('utf8'));
                if (json.mediaType)
                    return json.mediaType;
                return json.manifests ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.ociManifest;
            }
            catch {
                // not JSON: keep the header
            }
        }
        return header;
    }
    async headManifest(repository, reference) {
        const response = await this.manifestResponse('HEAD', repository, reference);
        if (!response)
            return undefined;
        const digest = response.headers['docker-content-digest'];
        if (!digest || digestProblem(digest)) {
            // Some registries do not say on HEAD; the bytes do.
            const manifest = await this.getManifest(repository, reference);
            return manifest && { digest: manifest.digest, mediaType: manifest.mediaType };
        }
        const head = { digest, mediaType: this.mediaTypeOf(response) };
        const length = Number(response.headers['content-length']);
        if (Number.isFinite(length) && length > 0)
            head.size = length;
        return head;
    }
    async putManifest(repository, tag, manifest) {
        assertRepository(repository);
        assertTag(tag);
        const expected = sha256(manifest.bytes);
        const response = await this.request({
            method: 'PUT',
            path: `/v2/${repository}/manifests/${tag}`,
            headers: { 'Content-Type': manifest.mediaType },
            body: manifest.bytes
        }, push(repository));
        if (response.status !== 201 && response.status !== 200)
            throw this.unexpected(response, `put manifest ${repository}:${tag}`);
        const reported = response.headers['docker-content-digest'];
        if (reported && reported !== expected)
            throw new Error(`registry ${this.host}: put ${repository}:${tag} stored digest ${reported}, not ${expected} of the bytes sent`);
        return expected;
    }
    async hasBlob(repository, digest) {
        assertRepository(repository);
        const problem = digestProblem(digest);
        if (problem)
            throw new UserError(problem);
        const response = await this.request({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}` }, pull(repository));
        if (response.status === 404)
            return false;
        // A redirect to storage also means the registry has it.
        if (response.status >= 200 && response.status < 400)
            return true;
        throw this.unexpected(response, `blob ${repository}@${digest}`);
    }
    async listTags(repository, options = {}) {
        const pageSize = options.pageSize;
        assertRepository(repository);
        const tags = [];
        let path = `/v2/${repository}/tags/list${pageSize ? `?n=${pageSize}` : ''}`;
        const seen = new Set();
        while (!seen.has(path)) {
            seen.add(path);
            const response = await this.request({ method: 'GET', path }, pull(repository));
            if (response.status === 404)
                return tags;
            if (response.status !== 200)
                throw this.unexpected(response, `tags of ${repository}`);
            const json = JSON.parse(response.body.toString('utf8'));
            tags.push(...(json.tags ?? []));
            const next = nextLink(response.headers.link);
            if (!next)
                return tags;
            const url = new URL(next, this.url(path));
            path = url.pathname + url.search;
        }
        throw new Error(`registry ${this.host}: the tag list of ${repository} pages in a loop`);
    }
    async blobJson(repository, digest) {
        const response = await this.request({ method: 'GET', path: `/v2/${repository}/blobs/${digest}`, followRedirects: true }, pull(repository));
        if (response.status === 404)
            return undefined;
        if (response.status !== 200)
            throw this.unexpected(response, `blob ${repository}@${digest}`);
        const actual = sha256(response.body);
        if (digest.startsWith('sha256:') && actual !== digest)
            throw new Error(`registry ${this.host}: blob ${repository}@${digest} hashes to ${actual}`);
        return JSON.parse(response.body.toString('utf8'));
    }
    async labels(repository, reference, platform) {
        let manifest = await this.getManifest(repository, reference);
        if (!manifest)
            return undefined;
        if (isIndex(manifest)) {
            const entries = (parseManifest(manifest).manifests ?? []).filter(d => !isAttestation(d));
            const chosen = platform ? entries.find(d => platformOf(d) === platform) : entries[0];
            if (!chosen) {
                if (!platform)
                    return undefined;
                throw new UserError(`${this.host}/${repository}:${reference} has no image for platform ${platform} (it has: ${entries.map(platformOf).join(', ') || 'none'})`);
            }
            manifest = await this.getManifest(repository, chosen.digest);
            if (!manifest)
                return undefined;
        }
        const config = parseManifest(manifest).config;
        if (!config)
            return {};
        const json = (await this.blobJson(repository, config.digest));
        if (json === undefined)
            return undefined;
        return { ...(json.config?.Labels ?? {}) };
    }
    async usability(repository, tag) {
        return this.check(repository, tag, new Map());
    }
    async isUsable(repository, tag) {
        return (await this.usability(repository, tag)).usable;
    }
    async usableMany(images, options = {}) {
        const results = new Array(images.length);
        // Images share base layers: ask for each blob of a repository once per call.
        const blobs = new Map();
        let next = 0;
        const worker = async () => {
            while (next < images.length) {
                const i = next++;
                results[i] = await this.check(images[i].repository, images[i].tag, blobs);
            }
        };
        const workers = Math.max(1, Math.min(options.concurrency ?? this.concurrency, images.length));
        await Promise.all(Array.from({ length: workers }, worker));
        return results;
    }
    async check(repository, tag, blobs) {
        const manifest = await this.getManifest(repository, tag);
        if (!manifest)
            return { usable: false, reason: { kind: 'manifest-missing', reference: tag } };
        const hasBlob = (digest) => {
            const key = `${repository}@${digest}`;
            let known = blobs.get(key);
            if (!known) {
                known = this.hasBlob(repository, digest);
                blobs.set(key, known);
            }
            return known;
        };
        const images = [];
        if (isIndex(manifest)) {
            const children = await Promise.all((parseManifest(manifest).manifests ?? []).map(async (d) => ({
                d,
                m: await this.getManifest(repository, d.digest)
            })));
            for (const { d, m } of children) {
                if (!m)
                    return { usable: false, reason: { kind: 'platform-manifest-missing', digest: d.digest } };
                // An index of indexes is legal but rare; its inner entries are checked the same way.
                if (isIndex(m)) {
                    const inner = await this.check(repository, m.digest, blobs);
                    if (!inner.usable)
                        return inner;
                }
                else
                    images.push(m);
            }
        }
        else
            images.push(manifest);
        const wanted = [];
        for (const m of images) {
            const json = parseManifest(m);
            for (const d of [json.config, ...(json.layers ?? [])])
                if (d && !isForeign(d))
                    wanted.push({ digest: d.digest, manifest: m.digest });
        }
        const present = await Promise.all(wanted.map(w => hasBlob(w.digest)));
        const gone = wanted.find((_, i) => !present[i]);
        if (gone)
            return { usable: false, reason: { kind: 'blob-missing', ...gone } };
        return { usable: true, manifest };
    }
}
function parseManifest(manifest) {
    try {
        return JSON.parse(manifest.bytes.toString('utf8'));
    }
    catch {
        throw new Error(`manifest ${manifest.digest} is not JSON`);
    }
}
const pull = (repository) => `repository:${repository}:pull`;
const push = (repository) => `repository:${repository}:pull,push`;
/** The `rel="next"` target of a Link header. Pure. */
function nextLink(header) {
    const value = Array.isArray(header) ? header.join(',') : header;
    if (!value)
        return undefined;
    for (const part of value.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /\brel="?next"?/i.test(m[2]))
            return m[1];
    }
    return undefined;
}
/** The registry client for `options.host`. */
function openRegistry(options) {
    return new HttpRegistry(options);
}

// The results of the images of a run for people and for later steps: a headline, a markdown section
// for the job summary and PR comment, a short text for the CLI, and the `results` output's JSON.
// Names, tags, reasons and build output come from the repository: inert text (markdown.ts).
function count(run, ...statuses) {
    return run.images.filter(i => statuses.includes(i.status)).length;
}
/**
 * `built 3 · pushed 3 · reused 1 · unchanged 35 · failed 0`: built counts every image this run built,
 * pushed or not; skipped is shown when there are any.
 */
function imagesHeadline(run) {
    const parts = [
        `built ${count(run, 'built', 'pushed')}`,
        `pushed ${count(run, 'pushed')}`,
        `reused ${count(run, 'reused')}`,
        `unchanged ${count(run, 'unchanged')}`,
        `failed ${count(run, 'failed')}`
    ];
    const skipped = count(run, 'skipped');
    if (skipped > 0)
        parts.push(`skipped ${skipped}`);
    return parts.join(' · ');
}
function shortDigest(digest) {
    return digest ? `${digest.slice(0, 'sha256:'.length + 12)}` : '';
}
/** The tags shown: the version tags, and the content tag only when there is nothing else. */
function shownTags(image) {
    const version = image.tags.filter(t => !t.startsWith('key-'));
    return version.length > 0 ? version : image.tags.slice(0, 1);
}
/** Why, in one line: the first reason (and how many more), where it came from, what went wrong. */
function why(image) {
    const parts = [];
    if (image.error)
        parts.push(image.error);
    if (image.reasons.length > 0)
        parts.push(image.reasons.length > 1
            ? `${image.reasons[0]} (+${image.reasons.length - 1} more)`
            : image.reasons[0]);
    if (image.builtFrom)
        parts.push(`built from ${image.builtFrom.slice(0, 12)}`);
    for (const notice of image.notices ?? [])
        parts.push(notice);
    return parts.join('; ');
}
/** The CLI's text: the headline, one row per image the run did something with, failures' tails. */
function imagesText(run) {
    const lines = [
        `images: ${imagesHeadline(run)} (${run.registry ?? 'no registry'}${run.push ? '' : ', not pushed'})`
    ];
    const listed = run.images.filter(i => i.status !== 'unchanged' || i.tags.length > 1);
    if (listed.length > 0) {
        const rows = [
            ['IMAGE', 'STATUS', 'DIGEST', 'TAGS', 'WHY'],
            ...listed.map(i => [
                i.name,
                i.status,
                shortDigest(i.digest) || (i.imageId ? `local ${i.imageId.slice(7, 19)}` : ''),
                shownTags(i).join(','),
                why(i)
            ])
        ];
        const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)));
        for (const r of rows)
            lines.push(r
                .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
                .join('  ')
                .trimEnd());
    }
    for (const image of run.images) {
        if (image.status !== 'failed')
            continue;
        lines.push('', `${image.name} failed: ${image.error ?? ''}`);
        for (const l of image.logTail ?? [])
            lines.push(`  | ${l}`);
    }
    return `${lines.join('\n')}\n`;
}
/** The action's `results` output (and `imagegraph run --json`'s images part): keyed by image name. */
function imagesToJson(run) {
    return Object.fromEntries(run.images.map(({ name, ...rest }) => [name, rest]));
}

// Which cache backend a run uses: the `cache` input / `--cache` flag (`gha | local:DIR | none`), or
// the default for where it runs. Pure: the environment is passed in.
/** Parse `gha`, `local:DIR` or `none`; `source` names the input or flag for the error message. */
function parseCacheSpec(value, source) {
    const v = value.trim();
    if (v === 'gha')
        return { kind: 'gha' };
    if (v === 'none')
        return { kind: 'none' };
    if (v.startsWith('local:')) {
        const dir = v.slice('local:'.length);
        if (dir === '')
            throw new UserError(`${source}: 'local:' needs a directory, e.g. local:/var/cache/imagegraph`);
        return { kind: 'local', dir };
    }
    throw new UserError(`${source}: ${JSON.stringify(value)} is not a cache backend; use gha, local:DIR or none`);
}
function formatCacheSpec(spec) {
    return spec.kind === 'local' ? `local:${spec.dir}` : spec.kind;
}
/** True when the runner provides the Actions cache service that `@actions/cache` talks to. */
function hasActionsCacheService(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    return env.ACTIONS_CACHE_SERVICE_V2 ? !!env.ACTIONS_RESULTS_URL : !!env.ACTIONS_CACHE_URL;
}
/** The per-user cache directory of the platform (XDG on Linux), or undefined when unknown. */
function userCacheDir(env, platform) {
    if (platform === 'win32')
        return env.LOCALAPPDATA || undefined;
    if (platform === 'darwin')
        return env.HOME ? path.join(env.HOME, 'Library', 'Caches') : undefined;
    if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME))
        return env.XDG_CACHE_HOME;
    return env.HOME ? path.join(env.HOME, '.cache') : undefined;
}
/**
 * The backend when none is asked for: the Actions cache when the runner provides it; otherwise the
 * CLI keeps entries under the user's cache directory, and the action caches nothing.
 */
function defaultCacheSpec(env, caller, platform) {
    if (hasActionsCacheService(env))
        return { spec: { kind: 'gha' }, reason: 'the runner provides the Actions cache service' };
    {
        const dir = userCacheDir(env, platform);
        if (dir)
            return {
                spec: { kind: 'local', dir: path.join(dir, 'imagegraph') },
                reason: "the user's cache directory"
            };
        return { spec: { kind: 'none' }, reason: 'no user cache directory (HOME is not set)' };
    }
}
/** The backend asked for (by input or flag, named `source`), else the default for the caller. */
function chooseCacheSpec(value, source, env, caller, platform) {
    if (!value)
        return defaultCacheSpec(env, caller, platform);
    const spec = parseCacheSpec(value, source);
    if (spec.kind === 'gha' && !hasActionsCacheService(env))
        throw new UserError(`${source}: gha needs the Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL), which this run does not have; use local:DIR or none`);
    return { spec, reason: source };
}

const OUTCOME_WORDS = {
    ran: 'ran',
    hit: 'restored',
    failed: 'failed',
    skipped: 'skipped',
    'not-needed': 'not needed'
};
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
/** "2 ran, 3 restored, 1 failed, 1 skipped, 4 not needed" (outcomes with none left out). */
function processCounts(run) {
    const parts = [];
    for (const outcome of Object.keys(OUTCOME_WORDS)) {
        const n = run.processes.filter(p => p.outcome === outcome).length;
        if (n > 0)
            parts.push(`${n} ${OUTCOME_WORDS[outcome]}`);
    }
    return parts.length > 0 ? parts.join(', ') : 'no processes';
}
function bytesCell(p) {
    if (p.bytesRestored > 0)
        return `${formatBytes(p.bytesRestored)} restored`;
    if (p.bytesSaved > 0)
        return `${formatBytes(p.bytesSaved)} saved`;
    return '';
}
function note(p) {
    const parts = [];
    if (p.message)
        parts.push(p.message);
    if (p.outcome === 'ran' || p.outcome === 'hit') {
        if (p.affected)
            parts.push('affected');
        else if (p.neededBy.length > 0)
            parts.push(`needed by ${p.neededBy.join(', ')}`);
    }
    if (p.cacheWarnings.length > 0)
        parts.push(`cache: ${counted(p.cacheWarnings.length, 'warning')}`);
    return parts.join('; ');
}
/** The CLI's table: handled processes one per row, then the output tail of each failure. */
function processesText(run) {
    const handled = run.processes.filter(p => p.outcome !== 'not-needed');
    const rows = [
        ['PROCESS', 'RESULT', 'TIME', 'CACHE', 'NOTE'],
        ...handled.map(p => [p.name, OUTCOME_WORDS[p.outcome], `${p.seconds}s`, bytesCell(p), note(p)])
    ];
    const lines = [`processes: ${processCounts(run)} (cache ${run.cache})`];
    if (handled.length > 0)
        lines.push(...textTable(rows));
    for (const p of run.processes) {
        if (p.outcome !== 'failed')
            continue;
        lines.push('', `${p.name} failed: ${p.message ?? ''}`);
        for (const l of p.outputTail ?? [])
            lines.push(`  | ${l}`);
    }
    for (const p of run.processes)
        for (const w of p.cacheWarnings)
            lines.push(`warning: ${p.name}: ${w}`);
    return `${lines.join('\n')}\n`;
}

function changeLine(c) {
    const status = c.status.padEnd(12);
    return c.oldPath ? `${status} ${c.oldPath} -> ${c.path}` : `${status} ${c.path}`;
}
/** A node's chains, elided in the middle when long; in full (`why` of one node) when `full`. */
function reasonLines(n, indent, full = false) {
    const lines = full
        ? n.chains.map(c => `${indent}${renderChain(c, Infinity)}`)
        : n.reasons.map(r => `${indent}${r}`);
    if (n.reasonCount > n.reasons.length)
        lines.push(`${indent}... and ${n.reasonCount - n.reasons.length} more`);
    return lines;
}
function planText(p) {
    const all = p.order.map(name => p.nodes.get(name));
    const images = all.filter(n => n.kind === 'image');
    const processes = all.filter(n => n.kind === 'process');
    const configs = all.filter(n => n.kind === 'config');
    const affected = affectedImages(p);
    const out = [];
    out.push(`imagegraph plan ${shortId(p.base)}..${shortId(p.head)}: ${counted(p.changedFiles.length, 'changed file')}, ${affected.length} of ${counted(images.length, 'image')} affected`);
    if (p.everythingBecause)
        out.push(`Every node is affected: ${p.everythingBecause}`);
    for (const w of p.warnings)
        out.push(formatProblem(w));
    out.push('');
    out.push(`Changed files (${p.changedFiles.length}):`);
    for (const c of p.changedFiles.slice(0, 200))
        out.push(`  ${changeLine(c)}`);
    if (p.changedFiles.length > 200)
        out.push(`  ... and ${p.changedFiles.length - 200} more`);
    const changedConfigs = configs.filter(c => c.affected);
    out.push('');
    out.push(`Configs changed (${changedConfigs.length} of ${configs.length}): ${changedConfigs.map(c => c.name).join(', ') || 'none'}`);
    const section = (title, nodes, total) => {
        out.push('');
        out.push(`${title} (${nodes.length} of ${total})${nodes.length ? ':' : ''}`);
        for (const n of nodes) {
            out.push(`  ${n.name}  key ${shortId(n.key)}`);
            out.push(...reasonLines(n, '    '));
        }
    };
    section('Processes affected', processes.filter(n => n.affected), processes.length);
    section('Images affected, in build order', affected, images.length);
    const unaffected = images.filter(n => !n.affected);
    if (unaffected.length > 0) {
        out.push('');
        out.push(`Images not affected (${unaffected.length}): ${unaffected.map(n => `${n.name} (${shortId(n.key)})`).join(', ')}`);
    }
    return `${out.join('\n')}\n`;
}
/** One difference of a key from its value at base, in words. */
function keyDifferenceText(difference) {
    switch (difference.kind) {
        case 'new-node':
            return `${nodeLabel(difference.node)} did not exist before`;
        case 'schema':
            return `key schema: ${difference.before} -> ${difference.after}`;
        case 'node-kind':
            return `kind: ${difference.before} -> ${difference.after}`;
        case 'definition':
            return `definition.${difference.field}: ${stableStringify(difference.before)} -> ${stableStringify(difference.after)}`;
        case 'file-added':
            return `file added: ${difference.path} (${difference.entry})`;
        case 'file-changed':
            return `file changed: ${difference.path} (${difference.before} -> ${difference.after})`;
        case 'file-removed':
            return `file removed: ${difference.path}`;
        case 'input-added':
            return `input added: ${difference.input} (${shortId(difference.key)})`;
        case 'input-changed':
            return `input key changed: ${difference.input} (${shortId(difference.before)} -> ${shortId(difference.after)})`;
        case 'input-removed':
            return `input removed: ${difference.input}`;
    }
}
/**
 * Why a key differs from its value at base, followed down the inputs whose keys changed, so a miss
 * ends at the file or definition that caused it.
 */
function explainLines(p, name, base, indent = '  ', seen = new Set(), treeFiles = new Map()) {
    const node = p.nodes.get(name);
    seen.add(name);
    const before = base.get(name);
    if (before && before.kind !== node.kind)
        return [`${indent}${nodeLabel(node)} was a ${before.kind} at base`];
    // Upstream keys name their node by label (`process render`).
    const byLabel = new Map(node.inputs.map(input => [nodeLabel(p.nodes.get(input)), input]));
    const out = [];
    for (const difference of explainKeyDifference(before, node.breakdown)) {
        out.push(`${indent}${keyDifferenceText(difference)}`);
        for (const change of treeChanges([difference]))
            for (const file of treeFiles.get(treeChangeKey(change)) ?? [])
                out.push(`${indent}  ${file}`);
        const input = difference.kind === 'input-changed' ? byLabel.get(difference.input) : undefined;
        if (input !== undefined && !seen.has(input))
            out.push(...explainLines(p, input, base, `${indent}  `, seen, treeFiles));
    }
    return out;
}
/**
 * `why NODE` as text; with base, why its key differs from its key there, each changed directory's
 * files named from treeFiles (treeChangeKey -> the files that differ, e.g. `a/b.yaml (modified)`).
 */
function whyText(p, n, base, treeFiles = new Map()) {
    const out = [];
    out.push(`${nodeLabel(n)}: ${n.affected ? 'affected' : 'not affected'} between ${shortId(p.base)} and ${shortId(p.head)}`);
    out.push(`key ${n.key}`);
    if (n.affected)
        out.push(...reasonLines(n, '  ', true));
    if (base !== undefined) {
        out.push('');
        const before = base?.get(n.name);
        if (!base)
            out.push('Key at base: the graph file at base is missing or not valid');
        else if (before?.schema === n.breakdown.schema &&
            before.kind === n.kind &&
            explainKeyDifference(before, n.breakdown).length === 0) {
            out.push('Key at base: the same');
        }
        else {
            out.push('Key at base differs:');
            out.push(...explainLines(p, n.name, base, '  ', new Set(), treeFiles));
        }
        out.push('');
        out.push('Key breakdown at head:');
        out.push(`  schema      ${n.breakdown.schema}`);
        out.push(`  definition  ${JSON.stringify(n.breakdown.definition)}`);
        out.push(`  files       ${n.breakdown.files.length} (digest ${shortId(n.breakdown.filesDigest)})`);
        for (const f of n.breakdown.files.slice(0, 50))
            out.push(`    ${f}`);
        if (n.breakdown.files.length > 50)
            out.push(`    ... and ${n.breakdown.files.length - 50} more`);
        out.push(`  upstream    ${n.breakdown.upstream.length}`);
        for (const u of n.breakdown.upstream)
            out.push(`    ${u.node} ${u.key}`);
    }
    return `${out.join('\n')}\n`;
}
const MERMAID_SHAPES = {
    config: ['[/', '/]'],
    process: ['([', '])'],
    image: ['[', ']']
};
function mermaidText(s) {
    return s.replace(/"/g, '#quot;');
}
/** The graph as a mermaid flowchart; nodes in `affected` are highlighted, `hidden` ones left out. */
function graphMermaid(graph, affected, hidden) {
    const ids = new Map();
    graph.order.forEach((n, i) => ids.set(n.name, `n${i}`));
    const out = ['flowchart LR'];
    for (const n of graph.order) {
        const [open, close] = MERMAID_SHAPES[n.kind];
        out.push(`  ${ids.get(n.name)}${open}"${mermaidText(nodeLabel(n))}"${close}`);
    }
    for (const n of graph.order) {
        for (const input of inputsOf(n))
            out.push(`  ${ids.get(input)} --> ${ids.get(n.name)}`);
    }
    return `${out.join('\n')}\n`;
}
function graphDot(graph, affected) {
    const shape = { config: 'note', process: 'ellipse', image: 'box' };
    const q = (s) => JSON.stringify(s);
    const out = ['digraph imagegraph {', '  rankdir=LR;'];
    for (const n of graph.order) {
        const style = '';
        out.push(`  ${q(n.name)} [label=${q(nodeLabel(n))}, shape=${shape[n.kind]}${style}];`);
    }
    for (const n of graph.order)
        for (const input of inputsOf(n))
            out.push(`  ${q(input)} -> ${q(n.name)};`);
    out.push('}');
    return `${out.join('\n')}\n`;
}
function graphJson(graph) {
    return {
        nodes: graph.order.map(n => ({ name: n.name, kind: n.kind, inputs: inputsOf(n) })),
        edges: graph.order.flatMap(n => inputsOf(n).map(input => ({ from: input, to: n.name })))
    };
}

// The imagegraph CLI: parse the arguments, build the adapters, run the command. What each command
// does is in src/commands/, shared with the action. A command is one row of COMMANDS: its options,
// its arguments and what it runs.
// Exit status: 0 success, 1 the user's error (one line per problem on stderr), 2 an internal error.
const VERSION = '0.1.0';
const USAGE = `imagegraph ${VERSION}: build container images incrementally in monorepos

Usage:
  imagegraph validate [--graph FILE]
  imagegraph plan --base REV [--head REV] [--json]
  imagegraph run --base REV [--head REV] [--cache gha|local:DIR|none] [--parallel N] [--json]
                 [--builder auto|buildx|docker|podman|buildah] [--registry HOST[/PATH]]
                 [--insecure-registry] [--registry-ca-file PEM] [--push] [--tags T1,T2]
                 [--images NAME,...] [--version V] [--no-rebuild-missing] [--retag-unaffected]
  imagegraph retag --rev REV --tags TAG[,TAG] [--images NAME,...] [--partial] [--json]
                 [--registry HOST[/PATH]] [--insecure-registry] [--registry-ca-file PEM]
  imagegraph retag IMAGE --from TAG_OR_DIGEST --to TAG[,TAG] [--json] [--registry ...]
  imagegraph why NODE --base REV [--head REV] [--explain]
  imagegraph graph [--format mermaid|dot|json]

retag builds nothing: it points tags at manifests already in the registry, moving them
backwards or forwards as told. With --rev, every image's content key at REV (a commit, branch
or tag); all or nothing unless --partial. With IMAGE (an image of the graph file at HEAD; a
repository that is no image there is refused), the manifest TAG_OR_DIGEST names. The registry defaults to the graph file's registry:; credentials
come from the docker config (docker login).

Options (every command):
  --repo DIR     the repository, or a directory in it (default: the current directory)
  --graph FILE   the graph file (default: the nearest imagegraph.yml from DIR up to the
                 repository's top); its paths are relative to its own directory
  --head REV     default HEAD
  --help, --version
`;
const COMMON_OPTIONS = {
    repo: { type: 'string' },
    graph: { type: 'string' },
    help: { type: 'boolean' }
};
const VALUE = { type: 'string' };
const SWITCH = { type: 'boolean' };
/** The revisions a plan compares. */
const RANGE_OPTIONS = { base: VALUE, head: VALUE };
/** Where the images are and how to reach it. */
const REGISTRY_OPTIONS = {
    registry: VALUE,
    'insecure-registry': SWITCH,
    'registry-ca-file': VALUE
};
const COMMANDS = {
    validate: { options: {}, run: validateCommand },
    plan: { options: { ...RANGE_OPTIONS, json: SWITCH }, run: planCommand },
    run: {
        options: {
            ...RANGE_OPTIONS,
            json: SWITCH,
            cache: VALUE,
            parallel: VALUE,
            builder: VALUE,
            ...REGISTRY_OPTIONS,
            push: SWITCH,
            tags: VALUE,
            images: VALUE,
            version: VALUE,
            'no-rebuild-missing': SWITCH,
            'retag-unaffected': SWITCH
        },
        run: runCommand
    },
    retag: {
        options: {
            rev: VALUE,
            tags: VALUE,
            images: VALUE,
            partial: SWITCH,
            from: VALUE,
            to: VALUE,
            json: SWITCH,
            ...REGISTRY_OPTIONS
        },
        arguments: { count: 1, what: 'an image name', optional: true },
        run: retagCommand
    },
    why: {
        options: { ...RANGE_OPTIONS, explain: SWITCH, json: SWITCH },
        arguments: { count: 1, what: 'a node name' },
        run: whyCommand
    },
    graph: { options: { format: VALUE }, run: graphCommand }
};
/**
 * The command line, checked strictly against the command's option table: an unknown option (with a
 * did-you-mean), a value given to a switch, or an option where a value belongs is the user's error.
 */
function parseCommandLine(argv) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
        return { command: 'help', positional: [], flags: {} };
    }
    if (argv[0] === '--version')
        return { command: 'version', positional: [], flags: {} };
    const [command, ...rest] = argv;
    const spec = COMMANDS[command];
    if (!spec)
        throw new UserError(`unknown command '${command}'${didYouMean(command, Object.keys(COMMANDS))}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    const options = { ...COMMON_OPTIONS, ...spec.options };
    const { tokens } = parseArgs({
        args: rest,
        options,
        strict: false,
        allowPositionals: true,
        tokens: true
    });
    for (const token of tokens)
        if (token.kind === 'option')
            checkOption(command, options, token);
    // Every token is known and well formed: the strict parse cannot refuse what is left.
    const { values, positionals } = parseArgs({
        args: rest,
        options,
        strict: true,
        allowPositionals: true
    });
    const flags = values;
    const expected = spec.arguments?.count ?? 0;
    const none = spec.arguments?.optional === true && positionals.length === 0;
    if (!flags.help && !none && positionals.length !== expected) {
        throw new UserError(expected === 0
            ? `${command}: unexpected argument '${positionals[0]}'`
            : `${command}: expected ${spec.arguments.optional ? 'at most ' : ''}${expected} argument (${spec.arguments.what}), got ${positionals.length}`);
    }
    return { command, positional: positionals, flags };
}
function checkOption(command, options, token) {
    const { name, value } = token;
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option || token.rawName !== `--${name}`) {
        const known = Object.keys(options).map(o => `--${o}`);
        throw new UserError(`${command}: unknown option '${token.rawName}'${didYouMean(token.rawName, known)}; options: ${known.join(', ')}`);
    }
    if (option.type === 'boolean') {
        if (value !== undefined)
            throw new UserError(`${command}: --${name} takes no value`);
        return;
    }
    if (value === undefined || value === '')
        throw new UserError(`${command}: --${name} needs a value`);
    // `--base --json` is a forgotten value, not a revision named --json.
    if (!token.inlineValue && value.startsWith('-'))
        throw new UserError(`${command}: --${name} needs a value, got the option '${value}' (write --${name}=${value} if the value really starts with -)`);
}
/** The revisions `--base` and `--head` name; --base is required. */
function namedRevisions(args) {
    const base = args.flags.base;
    if (typeof base !== 'string')
        throw new UserError(`${args.command}: --base REV is required`);
    return namedRange(base, typeof args.flags.head === 'string' ? args.flags.head : 'HEAD');
}
async function validateCommand({ io, location }) {
    const { git, repo, graphFile } = location;
    const { graph, warnings } = await validateWorkingGraph(git, readWorkingGraph(repo, graphFile), graphFile);
    for (const warning of warnings)
        io.err(`${formatProblem(warning)}\n`);
    const count = (kind) => [...graph.nodes.values()].filter(n => n.kind === kind).length;
    io.out(`${graphFile}: valid (${counted(count('config'), 'config')}, ${counted(count('process'), 'process', 'processes')}, ${counted(count('image'), 'image')})\n`);
    return 0;
}
async function graphCommand({ args, io, location }) {
    const graph = parseGraph(readWorkingGraph(location.repo, location.graphFile), location.graphFile);
    const format = typeof args.flags.format === 'string' ? args.flags.format : 'mermaid';
    if (format === 'mermaid')
        io.out(graphMermaid(graph));
    else if (format === 'dot')
        io.out(graphDot(graph));
    else if (format === 'json')
        io.out(`${JSON.stringify(graphJson(graph), null, 2)}\n`);
    else
        throw new UserError(`graph: --format ${format} is not supported; use mermaid, dot or json`);
    return 0;
}
async function planCommand({ args, io, location }) {
    const plan = await planLocatedGraph(location, namedRevisions(args));
    if (args.flags.json)
        io.out(`${JSON.stringify(planToJson(plan, formatProblem), null, 2)}\n`);
    else
        io.out(planText(plan));
    return 0;
}
/** A list flag (`--tags a,b`, `--images a,b`) read by its parser; undefined when not given. */
function listFlag(args, name, parse) {
    const value = args.flags[name];
    return typeof value === 'string' ? parse(value) : undefined;
}
/**
 * `imagegraph run`: the whole job on a workstation: the images' keys checked in the registry, the
 * processes the builds need restored or run, the images built, and with --push pushed and tagged.
 */
async function runCommand({ args, io, location }) {
    const revisions = namedRevisions(args);
    const plan = await planLocatedGraph(location, revisions);
    const env = process.env;
    const { spec } = chooseCacheSpec(typeof args.flags.cache === 'string' ? args.flags.cache : undefined, '--cache', env, 'cli', process.platform);
    let parallel;
    if (typeof args.flags.parallel === 'string') {
        parallel = Number(args.flags.parallel);
        if (!Number.isInteger(parallel) || parallel < 1)
            throw new UserError(`run: --parallel ${args.flags.parallel} is not a whole number of at least 1`);
    }
    const builder = typeof args.flags.builder === 'string' ? args.flags.builder : 'auto';
    if (!BUILDER_CHOICES.includes(builder))
        throw new UserError(`run: --builder ${builder} is not a builder; use ${BUILDER_CHOICES.join(', ')}`);
    const reporter = {
        info: message => io.err(`${message}\n`),
        warning: message => io.err(`warning: ${message}\n`),
        debug: () => undefined,
        group: (name, lines) => io.err([`== ${name}`, ...lines, ''].join('\n')),
        mask: () => undefined,
        processLine: (name, line) => io.err(`[${name}] ${line}\n`)
    };
    reporter.info(`cache: ${formatCacheSpec(spec)}`);
    const headRev = revisions.head;
    const named = await location.git.refNamed(headRev);
    const { insecure, caFile } = registryConnection(args, io);
    const registry = typeof args.flags.registry === 'string' ? args.flags.registry : undefined;
    const push = args.flags.push === true;
    const tags = listFlag(args, 'tags', parseTagList);
    const images = listFlag(args, 'images', parseImageList);
    // Loaded here only: the Actions cache library is most of the bundle, and no other command needs it.
    const { createCache } = await import('./cli-factory.js');
    const job = await runJob({
        plan,
        repository: location.repo,
        root: path.join(location.repo, path.dirname(location.graphFile)),
        names: {
            commit: plan.head,
            ...(named.branch ? { branch: named.branch } : {}),
            ...(named.tagRef ? { ref: named.tagRef } : {}),
            ...(typeof args.flags.version === 'string' ? { version: args.flags.version } : {})
        },
        ...(registry ? { registry } : {}),
        ...(tags ? { tags } : {}),
        labels: { tags: '--tags', registry: '--registry', images: '--images' },
        push,
        rebuildMissing: args.flags['no-rebuild-missing'] !== true,
        retagUnaffected: args.flags['retag-unaffected'] === true,
        ...(images ? { images } : {}),
        ...(parallel !== undefined ? { parallel } : {}),
        // A workstation is trusted with its own cache directory.
        saveCache: true,
        callerEnv: env,
        created: new Date().toISOString(),
        connection: { ...(insecure ? { insecure } : {}), ...(caFile ? { caFile } : {}) }
    }, {
        cache: createCache(spec, { cwd: io.cwd }),
        runner: new BashProcessRunner(),
        reporter,
        builder: lazyBuilder(builder),
        registry: host => openRegistry({ host, insecure, ...(caFile ? { caFile } : {}), env }),
        git: location.git
    });
    if (args.flags.json)
        io.out(`${JSON.stringify({
            processes: processesToJson(job.processes),
            images: imagesToJson(job.images),
            digests: job.images.digests
        }, null, 2)}\n`);
    else
        io.out(`${processesText(job.processes)}${imagesText(job.images)}`);
    return processesFailed(job.processes).length > 0 || imagesFailed(job.images).length > 0 ? 1 : 0;
}
/** --insecure-registry and --registry-ca-file (relative to the current directory). */
function registryConnection(args, io) {
    const caFile = args.flags['registry-ca-file'];
    return {
        insecure: args.flags['insecure-registry'] === true,
        ...(typeof caFile === 'string' ? { caFile: path.resolve(io.cwd, caFile) } : {})
    };
}
/** The value of a string option, or undefined. */
function stringFlag(args, name) {
    const value = args.flags[name];
    return typeof value === 'string' ? value : undefined;
}
/**
 * `imagegraph retag`: a release or a rollback, built from nothing. `--rev`: every image at once;
 * `IMAGE --from --to`: one image. The options of one form are refused with the other.
 */
async function retagCommand({ args, io, location }) {
    const image = args.positional[0];
    const given = (names) => names.filter(n => args.flags[n] !== undefined);
    const [form, required, foreign] = image === undefined
        ? ['retag --rev', ['rev', 'tags'], ['from', 'to']]
        : [`retag ${image}`, ['from', 'to'], ['rev', 'tags', 'images', 'partial']];
    const missing = required.filter(n => args.flags[n] === undefined);
    if (missing.length > 0)
        throw new UserError(image === undefined
            ? `retag: give --rev REV and --tags TAG[,TAG] (every image), or IMAGE --from TAG_OR_DIGEST --to TAG (one image); missing ${missing.map(n => `--${n}`).join(', ')}`
            : `${form}: --from TAG_OR_DIGEST and --to TAG[,TAG] are required; missing ${missing.map(n => `--${n}`).join(', ')}`);
    const extra = given(foreign);
    if (extra.length > 0)
        throw new UserError(`${form}: ${extra.map(n => `--${n}`).join(', ')} ${extra.length === 1 ? 'belongs' : 'belong'} to ${image === undefined ? 'the one-image form (retag IMAGE --from --to)' : 'the every-image form (retag --rev REV --tags TAG)'}`);
    const { insecure, caFile } = registryConnection(args, io);
    const images = listFlag(args, 'images', parseImageList);
    const opened = [];
    const wiring = {
        git: location.git,
        registry: (host) => {
            const client = openRegistry({
                host,
                insecure,
                ...(caFile ? { caFile } : {}),
                env: process.env
            });
            opened.push(client);
            return client;
        }
    };
    const registry = stringFlag(args, 'registry');
    const common = {
        graphFile: location.graphFile,
        ...(registry ? { registry } : {}),
        labels: {
            registry: '--registry',
            rev: '--rev',
            fetchHint: 'fetch it first (git fetch origin tag NAME, or git fetch --unshallow)'
        }
    };
    try {
        const result = image === undefined
            ? await retagAtRevision({
                ...common,
                rev: String(args.flags.rev),
                tags: parseTagList(String(args.flags.tags)),
                ...(images ? { images } : {}),
                partial: args.flags.partial === true
            }, wiring)
            : await retagImage({
                ...common,
                image,
                from: String(args.flags.from),
                to: parseTagList(String(args.flags.to))
            }, wiring);
        if (args.flags.json)
            io.out(`${JSON.stringify({ images: retagToJson(result), digests: retagDigests(result) }, null, 2)}
`);
        else
            io.out(retagText(result));
        return 0;
    }
    finally {
        for (const client of opened)
            client.close();
    }
}
async function whyCommand({ args, io, location }) {
    const name = args.positional[0];
    const plan = await planLocatedGraph(location, namedRevisions(args));
    const node = plan.nodes.get(name);
    if (!node)
        throw new UserError(`why: unknown node '${name}'${didYouMean(name, plan.nodes.keys())}`);
    const atBase = args.flags.explain
        ? await keyBreakdownsAt(location.git, plan.base, location.graphFile)
        : undefined;
    if (args.flags.json) {
        const baseBreakdown = atBase === undefined ? undefined : (atBase?.get(name) ?? null);
        io.out(`${JSON.stringify({ ...node, ...(baseBreakdown !== undefined ? { baseBreakdown } : {}) }, null, 2)}\n`);
    }
    else
        io.out(whyText(plan, node, atBase, atBase === undefined ? undefined : await changedTreeFiles(location.git, plan, atBase)));
    return 0;
}
async function runCli(argv, io) {
    try {
        const args = parseCommandLine(argv);
        if (args.command === 'help' || args.flags.help) {
            io.out(USAGE);
            return 0;
        }
        if (args.command === 'version') {
            io.out(`${VERSION}\n`);
            return 0;
        }
        const repo = typeof args.flags.repo === 'string' ? args.flags.repo : undefined;
        const location = await locateGraph({
            dir: path.resolve(io.cwd, repo ?? '.'),
            dirLabel: repo === undefined ? 'the current directory' : '--repo',
            ...(typeof args.flags.graph === 'string' ? { graph: args.flags.graph } : {}),
            graphFrom: io.cwd,
            graphLabel: '--graph'
        });
        return await COMMANDS[args.command].run({ args, io, location });
    }
    catch (e) {
        if (e instanceof UserError) {
            io.err(`${e.message}\n`);
            return 1;
        }
        io.err(`imagegraph: internal error: ${e.stack ?? String(e)}\n`);
        return 2;
    }
}
async function main() {
    // `imagegraph plan | head` closes the pipe early: that is the reader's choice, not a crash.
    process.stdout.on('error', (e) => {
        if (e.code === 'EPIPE')
            process.exit(0);
        throw e;
    });
    const code = await runCli(process.argv.slice(2), {
        cwd: process.cwd(),
        out: t => process.stdout.write(t),
        err: t => process.stderr.write(t)
    });
    process.exitCode = code;
}
// dist/cli.js is the bin; `import` of this module from tests does not run it.
if (process.argv[1] && /(^|[\\/])(cli\.(js|ts)|imagegraph)$/.test(process.argv[1]))
    void main();

export { VERSION as V, commonjsGlobal as c, main as m, parseCommandLine as p, runCli as r, semverExports as s };
