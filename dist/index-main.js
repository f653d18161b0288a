import * as os from 'os';
import os__default, { EOL as EOL$1 } from 'os';
import * as crypto from 'crypto';
import crypto__default from 'crypto';
import * as fs from 'fs';
import fs__default, { promises, constants as constants$2 } from 'fs';
import * as path from 'path';
import path__default from 'path';
import 'string_decoder';
import * as events from 'events';
import * as child from 'child_process';
import { ok } from 'assert';
import { setTimeout as setTimeout$1 } from 'timers';
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, realpathSync, lstatSync, readlinkSync, statSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as os$1 from 'node:os';
import { tmpdir } from 'node:os';
import * as path$1 from 'node:path';
import { isUtf8 } from 'node:buffer';
import { g as getDefaultExportFromCjs$1, a as getAugmentedNamespace } from './index-commonjs-helpers.js';
import { spawn } from 'node:child_process';
import * as crypto$1 from 'node:crypto';
import { createRequire } from 'node:module';
import { readdir as readdir$1, readFile } from 'node:fs/promises';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command$1(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
let Command$1 = class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
};
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter$5 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter$5(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants$2.R_OK | constants$2.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter$5(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter$5(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL$1);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

var __awaiter$4 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
const IS_WINDOWS$1 = process.platform === 'win32';
fs.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter$4(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS$1) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter$4(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS$1) {
                // on Windows, test for valid extension
                const upperExt = path.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS$1) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path.dirname(filePath);
                        const upperName = path.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS$1) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}

var __awaiter$3 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        if (IS_WINDOWS$1) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter$3(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter$3(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS$1) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter$3(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS$1 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(path.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}

var __awaiter$2 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends events.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(os.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + os.EOL.length);
                n = s.indexOf(os.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter$2(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = path.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter$2(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = child.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends events.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout$1(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}

var __awaiter$1 = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec$1(commandLine, args, options) {
    return __awaiter$1(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return __awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}

/** Who comments with the job's own token (GITHUB_TOKEN). */
const JOB_TOKEN_LOGIN = 'github-actions[bot]';
class OctokitGitHub {
    octokit;
    constructor(octokit) {
        this.octokit = octokit;
    }
    static async create(token) {
        const { getOctokit } = await import('./index-github.js');
        return new OctokitGitHub(getOctokit(token));
    }
    /**
     * The login that comments written with this token carry; undefined when it cannot be known.
     * The job's own token is an installation token, which GitHub refuses `GET /user` (403).
     */
    async tokenLogin() {
        try {
            const { data } = await this.octokit.rest.users.getAuthenticated();
            return typeof data.login === 'string' ? data.login : undefined;
        }
        catch (e) {
            if (httpStatus(e) === 403)
                return JOB_TOKEN_LOGIN;
            return undefined;
        }
    }
    async upsertComment(pr, marker, body) {
        // Only our own comment is edited: anyone can write the marker into theirs, and editing it
        // would put our plan under their name (and let them change it). Unsure whose we are: a new one.
        const login = await this.tokenLogin();
        const params = { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 };
        let existing;
        if (login !== undefined) {
            for await (const page of this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, params)) {
                const found = page.data.find(c => c.user?.login === login && typeof c.body === 'string' && c.body.startsWith(marker));
                if (found) {
                    existing = found.id;
                    break;
                }
            }
        }
        if (existing !== undefined) {
            await this.octokit.rest.issues.updateComment({
                owner: pr.owner,
                repo: pr.repo,
                comment_id: existing,
                body
            });
            return 'updated';
        }
        await this.octokit.rest.issues.createComment({
            owner: pr.owner,
            repo: pr.repo,
            issue_number: pr.number,
            body
        });
        return 'created';
    }
}
/** The HTTP status of an Octokit error, if it has one. */
function httpStatus(e) {
    const status = e?.status;
    return typeof status === 'number' ? status : undefined;
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

var re = {exports: {}};

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

var semver;
var hasRequiredSemver;

function requireSemver () {
	if (hasRequiredSemver) return semver;
	hasRequiredSemver = 1;

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

	semver = SemVer;
	return semver;
}

var parse_1$1;
var hasRequiredParse$1;

function requireParse$1 () {
	if (hasRequiredParse$1) return parse_1$1;
	hasRequiredParse$1 = 1;

	const SemVer = requireSemver();
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

var parseExports = requireParse$1();
var parseSemver = /*@__PURE__*/getDefaultExportFromCjs$1(parseExports);

// Version tags from templates (`{{major}}.{{minor}}`, `pr-{{pr}}`, `latest`): parsing, which ones
// float, rendering to a valid OCI tag, and the values they are filled with. Pure: the graph reader
// checks templates with it, the build renders them. Problems are data; tagTemplateMessage words them.
// One function of semver, not its whole index: the graph reader loads this file on every start.
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
    const parsed = parseSemver(text);
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
function compilePattern$1(pattern) {
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
const CONTEXT_INPUTS = ['dockerfile', 'whole'];
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
var schema;
var hasRequiredSchema;
function requireSchema() {
  if (hasRequiredSchema) return schema;
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
  schema = Schema2;
  return schema;
}
var str$1;
var hasRequiredStr;
function requireStr() {
  if (hasRequiredStr) return str$1;
  hasRequiredStr = 1;
  const Type2 = requireType();
  str$1 = new Type2("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str$1;
}
var seq;
var hasRequiredSeq;
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type2 = requireType();
  seq = new Type2("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
var map;
var hasRequiredMap;
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type2 = requireType();
  map = new Type2("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
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
var int;
var hasRequiredInt;
function requireInt() {
  if (hasRequiredInt) return int;
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
  int = new Type2("tag:yaml.org,2002:int", {
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
  return int;
}
var float;
var hasRequiredFloat;
function requireFloat() {
  if (hasRequiredFloat) return float;
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
  float = new Type2("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
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
var timestamp;
var hasRequiredTimestamp;
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
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
  timestamp = new Type2("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
var merge;
var hasRequiredMerge;
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type2 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type2("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
var binary;
var hasRequiredBinary;
function requireBinary() {
  if (hasRequiredBinary) return binary;
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
  binary = new Type2("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
var omap;
var hasRequiredOmap;
function requireOmap() {
  if (hasRequiredOmap) return omap;
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
  omap = new Type2("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
var pairs;
var hasRequiredPairs;
function requirePairs() {
  if (hasRequiredPairs) return pairs;
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
  pairs = new Type2("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
var set;
var hasRequiredSet;
function requireSet() {
  if (hasRequiredSet) return set;
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
  set = new Type2("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
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
  Schema,
  FAILSAFE_SCHEMA,
  JSON_SCHEMA,
  CORE_SCHEMA,
  DEFAULT_SCHEMA,
  load: load$1,
  loadAll,
  dump,
  YAMLException,
  types,
  safeLoad,
  safeLoadAll,
  safeDump
} = yaml;

let load;
let loaded;
/** How to load the position-keeping parser; called once by each composition root. */
function usePositionParser(loader) {
    if (load === loader)
        return;
    load = loader;
    loaded = undefined;
}
/** The position-keeping parser, loaded on first use. */
function positionParser() {
    if (!loaded) {
        if (!load)
            throw new Error('the position-keeping YAML parser was never given: the composition root calls usePositionParser');
        loaded = load();
    }
    return loaded;
}

// The graph file as plain values, by either of two YAML readers that must agree: a fast one
// (js-yaml) that keeps no positions, and a position-keeping one (`yaml`) that runs when the fast
// one refuses the text or a problem needs a line. Both give the same values: mappings without a
// prototype (a user's `__proto__` or `constructor` is a name like any other), numbers that keep
// their spelling (`1.20` stays "1.20"), keys by their spelling. Merge keys (`<<`) are refused.
// The position-keeping parser's functions, loaded only when called (a valid graph never calls them).
const isAlias = ((n) => positionParser().isAlias(n));
const isMap = ((n) => positionParser().isMap(n));
const isScalar = ((n) => positionParser().isScalar(n));
const isSeq = ((n) => positionParser().isSeq(n));
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
            const { LineCounter, parseDocument } = positionParser();
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
        'context-inputs': { type: 'context-inputs' },
        'build-args-file': { type: 'file' },
        description: { type: 'string' }
    }
};
const TOP_FIELDS = [
    'version',
    'configs',
    'processes',
    'images',
    'registry',
    'tags',
    'context-inputs',
    'build-args-file'
];
/** The top-level fields that are read like a node's: what type each is. */
const TOP_FIELD_TYPES = {
    registry: 'registry',
    tags: 'tag-templates',
    'context-inputs': 'context-inputs',
    'build-args-file': 'file'
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
let Reader$1 = class Reader {
    problems = [];
    /** path: how the message names the place, when not its segments (a missing top-level field). */
    error(segments, at, message, path = pathText(segments)) {
        this.problems.push({ loc: { segments, at }, path, message });
    }
};
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
        case 'context-inputs':
            if (typeof value !== 'string' || !CONTEXT_INPUTS.includes(value)) {
                r.error(segs, 'value', `expected ${CONTEXT_INPUTS.join(' or ')}, got ${describe(value)}${typeof value === 'string' ? didYouMean(value, [...CONTEXT_INPUTS]) : ''}`);
                return undefined;
            }
            return value;
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
            const buildArgsFile = values['build-args-file'];
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
                ...(tagPattern !== undefined ? { tagPattern } : {}),
                // The top level's value, when the image has none, is filled in by the reader (read.ts).
                contextInputs: values['context-inputs'] ?? 'dockerfile',
                ...(buildArgsFile !== undefined ? { buildArgsFile } : {})
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
const JOINER = '\u200d';
/** Characters that mean something to markdown or HTML, written as character references. */
const ACTIVE = new Map([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ..."\\`*_[]()|~!$'{}".split('').map((c) => [c, `&#${c.charCodeAt(0)};`])
]);
/** Invisible or line-breaking characters, shown by name rather than acting. */
function visible(code) {
    if (code < 0x20)
        return String.fromCodePoint(0x2400 + code); // ␀ … ␟ (␊ for \n, ␍ for \r)
    if (code === 0x7f)
        return '␡';
    if ((code >= 0x80 && code <= 0x9f) || // C1 controls (NEL breaks lines)
        (code >= 0x2028 && code <= 0x202e) || // line and paragraph separators, bidi embeddings
        (code >= 0x2066 && code <= 0x2069) || // bidi isolates
        (code >= 0x200b && code <= 0x200f) || // zero-width characters and direction marks
        code === 0x2060 ||
        code === 0x061c ||
        code === 0xfeff)
        return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    return undefined;
}
/**
 * Text that renders as exactly itself: controls shown by name, markup characters as character
 * references, `@` and `#` joined invisibly to what follows, `www.` and `scheme://` broken so
 * nothing links. One line, safe in a table cell (`|` is escaped) and in HTML (`<>&"'` are).
 */
function inert(text) {
    const chars = [...text];
    let out = '';
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const code = ch.codePointAt(0);
        const shown = visible(code);
        if (shown !== undefined)
            out += shown;
        else if (ACTIVE.has(ch))
            out += ACTIVE.get(ch);
        else if (ch === '@' || ch === '#')
            out += `&#${code};${JOINER}`;
        // Autolinks: `http://x` and `www.x` link by themselves; their `:` and `.` written as references.
        else if (ch === ':' && chars[i + 1] === '/')
            out += '&#58;';
        else if (ch === '.' && /www$/i.test(chars.slice(Math.max(0, i - 3), i).join('')))
            out += '&#46;';
        // At the start of a line these begin a list, a heading, a quote or a rule.
        else if (i === 0 && /[-+=#>0-9]/.test(ch))
            out += `&#${code};`;
        else
            out += ch;
    }
    return out;
}

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
/** Repository text in a markdown table cell, list item, quote or HTML: inert, on one line. */
const cell = inert;

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
    const r = await gitToFile(cwd, args);
    return { stderr: r.stderr, code: r.code, stdout: decodePaths(r.bytes) };
}
/** git with its output in a temporary file (runGitToFile), as bytes; input on its stdin. */
async function gitToFile(cwd, args, input) {
    const dir = mkdtempSync(path$1.join(tmpdir(), 'imagegraph-git-'));
    const file = path$1.join(dir, 'out');
    const fd = openSync(file, 'w');
    try {
        const r = await spawnGit(cwd, args, { stdoutFd: fd, ...(input === undefined ? {} : { input }) });
        return { bytes: readFileSync(file), stderr: r.stderr, code: r.code };
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
    pendingBytes = 0;
    /** Bytes the object being read needs before it is whole (0: unknown yet). */
    need = 0;
    /**
     * `--batch-command --buffer` (git 2.36 and later): each request is flushed once, not object by
     * object (2,000 small trees otherwise cost 2,000 turns of the event loop). Older git: `--batch`.
     */
    command = true;
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
            this.queue.push({ names, count: names.length, results: [], resolve, reject });
            session.write(this.request(names));
        });
    }
    request(names) {
        return this.command
            ? `${names.map(n => `contents ${n}\n`).join('')}flush\n`
            : names.map(n => `${n}\n`).join('');
    }
    start() {
        const session = new Session('git', this.command ? ['cat-file', '--batch-command', '--buffer'] : ['cat-file', '--batch'], { cwd: this.dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, chunk => {
            this.pending.push(chunk);
            this.pendingBytes += chunk.length;
            // A large object comes in many chunks: joined once it is all there, not at every chunk.
            if (this.pendingBytes >= this.need)
                this.parse();
        });
        session.onEnd = error => {
            if (this.session !== session)
                return;
            this.session = undefined;
            if (this.command && /batch-command|usage:/.test(error.message)) {
                // An older git: the same requests, one object at a time.
                this.command = false;
                this.pending = [];
                this.pendingBytes = 0;
                this.need = 0;
                if (this.queue.length === 0)
                    return;
                const again = (this.session = this.start());
                for (const waiting of this.queue) {
                    waiting.results = [];
                    again.write(this.request(waiting.names));
                }
                return;
            }
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
            this.need = 0;
            const got = batchEntry(buf, at);
            if (got === undefined)
                break;
            if ('need' in got) {
                this.need = got.need;
                break;
            }
            head.results.push(got.object);
            at = got.next;
        }
        buf = buf.subarray(at);
        this.pending = buf.length > 0 ? [buf] : [];
        this.pendingBytes = buf.length;
    }
}
/**
 * One answer of `git cat-file --batch` at `at` in its output: the object (null for `<name>
 * missing`, `ambiguous`: not there) and where the next answer starts; the bytes it needs from `at`
 * when only part of it is there; undefined before its header line is whole.
 */
function batchEntry(buf, at) {
    const eol = buf.indexOf(10, at);
    if (eol === -1)
        return undefined;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(buf.toString('latin1', at, eol));
    if (!m)
        return { object: null, next: eol + 1 };
    const end = eol + 1 + Number(m[3]);
    if (end + 1 > buf.length)
        return { need: end + 1 - at };
    return { object: { oid: m[1], type: m[2], data: buf.subarray(eol + 1, end) }, next: end + 1 };
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
    /**
     * Objects by id read by a `git cat-file --batch` of their own whose output goes to a file: git
     * reads them at full speed while this process is busy (through a pipe it would stop at 64 KiB
     * until this process read), and the reads of the plan's own reader do not wait behind them.
     */
    async objectsAside(names) {
        if (names.length === 0)
            return [];
        if (names.some(n => /[\n\0]/.test(n) || n.startsWith('-')))
            throw new Error('not an object name');
        const r = await gitToFile(this.dir, ['cat-file', '--batch'], `${names.join('\n')}\n`);
        if (r.code !== 0)
            throw new Error(`git cat-file --batch failed in ${this.dir}: ${r.stderr.trim()}`);
        const out = [];
        for (let at = 0; out.length < names.length;) {
            const got = batchEntry(r.bytes, at);
            if (got === undefined || 'need' in got)
                throw new Error(`git cat-file --batch in ${this.dir} ended after ${out.length} of ${names.length} objects`);
            out.push(got.object);
            at = got.next;
        }
        return out;
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
    const parent = path$1.dirname(p);
    if (parent === p)
        return p;
    try {
        return path$1.join(realpathSync(parent), path$1.basename(p));
    }
    catch {
        return path$1.join(realPath(parent), path$1.basename(p));
    }
}
/** The nearest DEFAULT_GRAPH_FILE from dir up to the repository's top; the top's when none. */
function nearestGraphFile(dir, repo) {
    for (let d = dir;; d = path$1.dirname(d)) {
        const candidate = path$1.join(d, DEFAULT_GRAPH_FILE);
        if (existsSync(candidate))
            return candidate;
        if (d === repo || path$1.dirname(d) === d)
            return path$1.join(repo, DEFAULT_GRAPH_FILE);
    }
}
async function locateGraph(request) {
    const dir = existingDirectory(request.dir, request.dirLabel);
    const repo = realpathSync(await GitCommandLine.toplevel(dir));
    const file = request.graph === undefined
        ? nearestGraphFile(dir, repo)
        : realPath(path$1.resolve(request.graphFrom, request.graph));
    const named = request.graph === undefined ? path$1.relative(request.graphFrom, file) : request.graph;
    const relative = path$1.relative(repo, file);
    if (relative === '' || relative.startsWith('..') || path$1.isAbsolute(relative))
        throw new UserError(`${request.graphLabel} '${named}': ${file} is ${relative === '' ? 'the repository itself' : 'outside the repository'} ${repo}; name a graph file inside it`);
    const normalized = normalizeRepoPath(relative.split(path$1.sep).join('/'));
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
        throw new UserError(`${request.graphLabel} '${named}' is a directory; name the graph file in it (${path$1.posix.join(normalized.path, DEFAULT_GRAPH_FILE)})`);
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
            const bytes = readFileSync(path$1.join(repo, file));
            // Not UTF-8: no head start; the committed text is read and its error located.
            return isUtf8(bytes) ? bytes.toString('utf8') : null;
        }
        catch {
            return null;
        }
    };
}

var compare_1;
var hasRequiredCompare;

function requireCompare () {
	if (hasRequiredCompare) return compare_1;
	hasRequiredCompare = 1;

	const SemVer = requireSemver();
	const compare = (a, b, loose) =>
	  new SemVer(a, loose).compare(new SemVer(b, loose));

	compare_1 = compare;
	return compare_1;
}

var compareExports = requireCompare();
var compareSemver = /*@__PURE__*/getDefaultExportFromCjs$1(compareExports);

var compareBuild_1;
var hasRequiredCompareBuild;

function requireCompareBuild () {
	if (hasRequiredCompareBuild) return compareBuild_1;
	hasRequiredCompareBuild = 1;

	const SemVer = requireSemver();
	const compareBuild = (a, b, loose) => {
	  const versionA = new SemVer(a, loose);
	  const versionB = new SemVer(b, loose);
	  return versionA.compare(versionB) || versionA.compareBuild(versionB)
	};
	compareBuild_1 = compareBuild;
	return compareBuild_1;
}

var compareBuildExports = requireCompareBuild();
var compareSemverBuild = /*@__PURE__*/getDefaultExportFromCjs$1(compareBuildExports);

// Which base to compare against for each event GitHub sends, decided from the payload alone.
// Resolving it (fetching commits, finding merge-bases and tags) is src/commands/resolve-base.ts's job.
// semver's functions one by one, not its whole index (ranges and all), which every start would load.
const ZERO_SHA = /^0+$/;
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
/** A payload field as an object, `{}` when it is not one. */
const obj = (v) => (v && typeof v === 'object' ? v : {});
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/** The commit an event is about: a pull request's head, never its merge commit nor its base. */
function headOf(e) {
    if (e.eventName === 'pull_request' || e.eventName === 'pull_request_target')
        return str(obj(obj(obj(e.payload).pull_request).head).sha) ?? e.sha;
    return e.sha;
}
function chooseBase(e) {
    const strategy = chooseForEvent(e);
    if (!e.inputHead)
        return strategy;
    return { ...strategy, head: e.inputHead, why: `${strategy.why}; input 'head' is ${e.inputHead}` };
}
function chooseForEvent(e) {
    const p = e.payload;
    const head = e.sha;
    if (e.inputBase)
        return {
            kind: 'range',
            base: e.inputBase,
            head: headOf(e),
            why: `input 'base' is ${e.inputBase}`
        };
    if (e.payloadMissing)
        return {
            kind: 'everything',
            head,
            why: `${e.eventName || 'unknown'} event without its payload (${e.payloadMissing}) and no input 'base'`
        };
    switch (e.eventName) {
        case 'push': {
            const ref = str(p.ref) ?? e.ref;
            const after = str(p.after);
            const before = str(p.before);
            // A deleted branch or tag: checked before tags, as a deleted tag has no commit to compare.
            // What is gone has nothing to build; what it pointed at was built when it was pushed.
            if (p.deleted === true || (after && ZERO_SHA.test(after)))
                return { kind: 'nothing', head, why: `push deleted ${ref}: nothing to build` };
            if (!after)
                return { kind: 'everything', head, why: `push payload without 'after' for ${ref}` };
            if (ref.startsWith('refs/tags/')) {
                const tag = ref.slice('refs/tags/'.length);
                // `after` of an annotated tag is the tag object; GITHUB_SHA is its commit.
                return { kind: 'previous-tag', tag, head, why: `push of tag ${tag}` };
            }
            const branch = ref.replace(/^refs\/heads\//, '');
            if (!before || ZERO_SHA.test(before)) {
                const defaultBranch = str(obj(p.repository).default_branch);
                if (!defaultBranch)
                    return {
                        kind: 'everything',
                        head: after,
                        why: `first push of ${branch}, and the payload names no default branch`
                    };
                if (defaultBranch === branch)
                    return {
                        kind: 'everything',
                        head: after,
                        why: `first push of the default branch ${branch}`
                    };
                return {
                    kind: 'merge-base',
                    base: `refs/heads/${defaultBranch}`,
                    head: after,
                    why: `first push of ${branch}: merge-base with the default branch ${defaultBranch}`
                };
            }
            const forced = p.forced === true;
            return {
                kind: 'range',
                base: before,
                head: after,
                why: forced
                    ? `forced push to ${branch}: ${shortId(before)}..${shortId(after)} compared as trees, so what the push dropped is rebuilt too`
                    : `push to ${branch}: ${shortId(before)}..${shortId(after)}`
            };
        }
        case 'pull_request':
        case 'pull_request_target': {
            const pr = obj(p.pull_request);
            const baseSha = str(obj(pr.base).sha);
            const headSha = str(obj(pr.head).sha);
            const baseBranch = str(obj(pr.base).ref);
            const number = p.number ?? pr.number;
            if (!baseSha || !headSha)
                return {
                    kind: 'everything',
                    head,
                    why: `${e.eventName} payload without base and head commits`
                };
            return {
                kind: 'merge-base',
                base: baseSha,
                head: headSha,
                why: `pull request #${String(number)}: merge-base of ${baseBranch ?? 'base'} (${shortId(baseSha)}) and the PR head (${shortId(headSha)})`
            };
        }
        case 'merge_group': {
            const group = obj(p.merge_group);
            const baseSha = str(group.base_sha);
            const headSha = str(group.head_sha);
            if (!baseSha || !headSha)
                return {
                    kind: 'everything',
                    head,
                    why: 'merge_group payload without base_sha and head_sha'
                };
            return {
                kind: 'range',
                base: baseSha,
                head: headSha,
                why: `merge queue: ${shortId(baseSha)}..${shortId(headSha)}`
            };
        }
        default:
            return { kind: 'everything', head, why: `${e.eventName} event and no input 'base'` };
    }
}
/** A tag split into its series (everything before the version) and its version numbers. */
function tagVersion(tag) {
    const m = /^(.*?)(\d+(?:\.\d+)*)([-+][0-9A-Za-z.+-]*)?$/.exec(tag);
    if (!m)
        return undefined;
    return { series: m[1], numbers: m[2].split('.').map(Number), suffix: m[3] ?? '' };
}
/** The part after the numbers as semver reads it (`-rc.10+build.2`), or null when it is not semver. */
function suffixVersion(suffix) {
    return parseSemver(`0.0.0${suffix}`);
}
/**
 * Semver precedence: numbers as numbers (any count of them; missing ones are 0), then a pre-release
 * before its release, pre-release identifiers numerically where numeric (`rc.9` < `rc.10`); build
 * metadata (`+build.2`) never counts.
 */
function compareVersions(a, b) {
    const n = Math.max(a.numbers.length, b.numbers.length);
    for (let i = 0; i < n; i++) {
        const d = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return compareSemver(a.pre, b.pre);
}
/**
 * The newest tag before `tag` in the same series (`api/v1.2.2` for `api/v1.2.3`), in semver's
 * order. `matches`, from input `tag-pattern`, limits which tags form the series. A tag whose
 * suffix is not semver cannot be ordered: it is no one's previous tag (an older base only makes
 * more affected), and a pushed tag like it has none.
 */
function previousTag(tag, tags, matches) {
    const versionOf = (t) => {
        const v = tagVersion(t);
        const pre = v && suffixVersion(v.suffix);
        return v && pre ? { ...v, pre } : undefined;
    };
    const current = versionOf(tag);
    if (!current)
        return undefined;
    let best;
    for (const t of tags) {
        if (t === tag)
            continue;
        if (matches ? !matches(t) : false)
            continue;
        const v = versionOf(t);
        if (!v || (!matches && v.series !== current.series))
            continue;
        if (compareVersions(v, current) >= 0)
            continue;
        // Equal precedence (builds of one version): semver's build order, then the name, so the
        // choice never depends on the order git lists tags in.
        const order = best
            ? compareVersions(v, best.v) ||
                compareSemverBuild(v.pre, best.v.pre) ||
                (t > best.tag ? 1 : -1)
            : 1;
        if (order > 0)
            best = { tag: t, v };
    }
    return best?.tag;
}
/**
 * Why this event's code must not be trusted with pushes or cache writes, or undefined when it can
 * be: pull_request_target runs with write access on code from anywhere, and a pull request from
 * a fork carries someone else's code.
 */
function untrustedBecause(eventName, payload) {
    if (eventName === 'pull_request_target')
        return "pull_request_target runs code from the pull request with the base repository's access";
    if (eventName === 'pull_request') {
        const pr = obj(payload.pull_request);
        // GitHub sends head.repo null once the head repository is deleted: its code is nobody's.
        if (!obj(obj(pr.head).repo).full_name)
            return 'pull request from a deleted or unknown head repository';
        const headRepo = str(obj(obj(pr.head).repo).full_name);
        const baseRepo = str(obj(obj(pr.base).repo).full_name) ?? str(obj(payload.repository).full_name);
        if (obj(obj(pr.head).repo).fork === true || (headRepo && baseRepo && headRepo !== baseRepo)) {
            return `pull request from the fork ${headRepo ?? '(unknown)'}`;
        }
    }
    if (eventName === 'workflow_run') {
        // A run triggered by a fork's pull request hands its artifacts and head to this trusted job.
        const run = obj(payload.workflow_run);
        const head = obj(run.head_repository);
        const headRepo = str(head.full_name);
        const baseRepo = str(obj(payload.repository).full_name);
        if (!headRepo)
            return 'workflow_run with no head repository';
        if (head.fork === true || (baseRepo && headRepo !== baseRepo))
            return `workflow_run of a run from the fork ${headRepo}`;
    }
    return undefined;
}
/** The pull request an event is about, for the sticky comment. */
function pullRequestOf(eventName, payload) {
    if (eventName !== 'pull_request' && eventName !== 'pull_request_target')
        return undefined;
    const repository = obj(payload.repository);
    const owner = str(obj(repository.owner).login);
    const repo = str(repository.name);
    const number = obj(payload.pull_request).number ?? payload.number;
    if (!owner || !repo || typeof number !== 'number')
        return undefined;
    return { owner, repo, number };
}

var main$4 = {};

var argument = {};

var hasRequiredArgument;

function requireArgument () {
	if (hasRequiredArgument) return argument;
	hasRequiredArgument = 1;
	Object.defineProperty(argument, "__esModule", { value: true });
	argument.Argument = void 0;
	class Argument {
	    constructor(value, range) {
	        this.value = value;
	        this.range = range;
	    }
	    toString() {
	        return this.value;
	    }
	    getRange() {
	        return this.range;
	    }
	    getValue() {
	        return this.value;
	    }
	    isAfter(position) {
	        if (this.range.end.line < position.line) {
	            return false;
	        }
	        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
	    }
	    isBefore(position) {
	        if (this.range.start.line < position.line) {
	            return true;
	        }
	        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
	    }
	}
	argument.Argument = Argument;
	return argument;
}

var jsonArgument = {};

var hasRequiredJsonArgument;

function requireJsonArgument () {
	if (hasRequiredJsonArgument) return jsonArgument;
	hasRequiredJsonArgument = 1;
	Object.defineProperty(jsonArgument, "__esModule", { value: true });
	jsonArgument.JSONArgument = void 0;
	const argument_1 = requireArgument();
	class JSONArgument extends argument_1.Argument {
	    constructor(value, range, jsonRange) {
	        super(value, range);
	        this.jsonRange = jsonRange;
	    }
	    getJSONRange() {
	        return this.jsonRange;
	    }
	    getJSONValue() {
	        let value = super.getValue();
	        value = value.substring(1, value.length - 1);
	        return value;
	    }
	}
	jsonArgument.JSONArgument = JSONArgument;
	return jsonArgument;
}

var comment = {};

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Microsoft Corporation. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */
var DocumentUri;
(function (DocumentUri) {
    function is(value) {
        return typeof value === 'string';
    }
    DocumentUri.is = is;
})(DocumentUri || (DocumentUri = {}));
var URI;
(function (URI) {
    function is(value) {
        return typeof value === 'string';
    }
    URI.is = is;
})(URI || (URI = {}));
var integer;
(function (integer) {
    integer.MIN_VALUE = -2147483648;
    integer.MAX_VALUE = 2147483647;
    function is(value) {
        return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
    }
    integer.is = is;
})(integer || (integer = {}));
var uinteger;
(function (uinteger) {
    uinteger.MIN_VALUE = 0;
    uinteger.MAX_VALUE = 2147483647;
    function is(value) {
        return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
    }
    uinteger.is = is;
})(uinteger || (uinteger = {}));
/**
 * The Position namespace provides helper functions to work with
 * {@link Position} literals.
 */
var Position;
(function (Position) {
    /**
     * Creates a new Position literal from the given line and character.
     * @param line The position's line.
     * @param character The position's character.
     */
    function create(line, character) {
        if (line === Number.MAX_VALUE) {
            line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
            character = uinteger.MAX_VALUE;
        }
        return { line, character };
    }
    Position.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Position} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
    }
    Position.is = is;
})(Position || (Position = {}));
/**
 * The Range namespace provides helper functions to work with
 * {@link Range} literals.
 */
var Range;
(function (Range) {
    function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
            return { start: Position.create(one, two), end: Position.create(three, four) };
        }
        else if (Position.is(one) && Position.is(two)) {
            return { start: one, end: two };
        }
        else {
            throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
    }
    Range.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Range} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
    }
    Range.is = is;
})(Range || (Range = {}));
/**
 * The Location namespace provides helper functions to work with
 * {@link Location} literals.
 */
var Location;
(function (Location) {
    /**
     * Creates a Location literal.
     * @param uri The location's uri.
     * @param range The location's range.
     */
    function create(uri, range) {
        return { uri, range };
    }
    Location.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Location} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
    }
    Location.is = is;
})(Location || (Location = {}));
/**
 * The LocationLink namespace provides helper functions to work with
 * {@link LocationLink} literals.
 */
var LocationLink;
(function (LocationLink) {
    /**
     * Creates a LocationLink literal.
     * @param targetUri The definition's uri.
     * @param targetRange The full range of the definition.
     * @param targetSelectionRange The span of the symbol definition at the target.
     * @param originSelectionRange The span of the symbol being defined in the originating source file.
     */
    function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
    }
    LocationLink.create = create;
    /**
     * Checks whether the given literal conforms to the {@link LocationLink} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
            && Range.is(candidate.targetSelectionRange)
            && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
    }
    LocationLink.is = is;
})(LocationLink || (LocationLink = {}));
/**
 * The Color namespace provides helper functions to work with
 * {@link Color} literals.
 */
var Color;
(function (Color) {
    /**
     * Creates a new Color literal.
     */
    function create(red, green, blue, alpha) {
        return {
            red,
            green,
            blue,
            alpha,
        };
    }
    Color.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Color} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
            && Is.numberRange(candidate.green, 0, 1)
            && Is.numberRange(candidate.blue, 0, 1)
            && Is.numberRange(candidate.alpha, 0, 1);
    }
    Color.is = is;
})(Color || (Color = {}));
/**
 * The ColorInformation namespace provides helper functions to work with
 * {@link ColorInformation} literals.
 */
var ColorInformation;
(function (ColorInformation) {
    /**
     * Creates a new ColorInformation literal.
     */
    function create(range, color) {
        return {
            range,
            color,
        };
    }
    ColorInformation.create = create;
    /**
     * Checks whether the given literal conforms to the {@link ColorInformation} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
    }
    ColorInformation.is = is;
})(ColorInformation || (ColorInformation = {}));
/**
 * The Color namespace provides helper functions to work with
 * {@link ColorPresentation} literals.
 */
var ColorPresentation;
(function (ColorPresentation) {
    /**
     * Creates a new ColorInformation literal.
     */
    function create(label, textEdit, additionalTextEdits) {
        return {
            label,
            textEdit,
            additionalTextEdits,
        };
    }
    ColorPresentation.create = create;
    /**
     * Checks whether the given literal conforms to the {@link ColorInformation} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label)
            && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
            && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
    }
    ColorPresentation.is = is;
})(ColorPresentation || (ColorPresentation = {}));
/**
 * A set of predefined range kinds.
 */
var FoldingRangeKind;
(function (FoldingRangeKind) {
    /**
     * Folding range for a comment
     */
    FoldingRangeKind.Comment = 'comment';
    /**
     * Folding range for an import or include
     */
    FoldingRangeKind.Imports = 'imports';
    /**
     * Folding range for a region (e.g. `#region`)
     */
    FoldingRangeKind.Region = 'region';
})(FoldingRangeKind || (FoldingRangeKind = {}));
/**
 * The folding range namespace provides helper functions to work with
 * {@link FoldingRange} literals.
 */
var FoldingRange;
(function (FoldingRange) {
    /**
     * Creates a new FoldingRange literal.
     */
    function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
            startLine,
            endLine
        };
        if (Is.defined(startCharacter)) {
            result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
            result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
            result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
            result.collapsedText = collapsedText;
        }
        return result;
    }
    FoldingRange.create = create;
    /**
     * Checks whether the given literal conforms to the {@link FoldingRange} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
            && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
            && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
            && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
    }
    FoldingRange.is = is;
})(FoldingRange || (FoldingRange = {}));
/**
 * The DiagnosticRelatedInformation namespace provides helper functions to work with
 * {@link DiagnosticRelatedInformation} literals.
 */
var DiagnosticRelatedInformation;
(function (DiagnosticRelatedInformation) {
    /**
     * Creates a new DiagnosticRelatedInformation literal.
     */
    function create(location, message) {
        return {
            location,
            message
        };
    }
    DiagnosticRelatedInformation.create = create;
    /**
     * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
    }
    DiagnosticRelatedInformation.is = is;
})(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
/**
 * The diagnostic's severity.
 */
var DiagnosticSeverity;
(function (DiagnosticSeverity) {
    /**
     * Reports an error.
     */
    DiagnosticSeverity.Error = 1;
    /**
     * Reports a warning.
     */
    DiagnosticSeverity.Warning = 2;
    /**
     * Reports an information.
     */
    DiagnosticSeverity.Information = 3;
    /**
     * Reports a hint.
     */
    DiagnosticSeverity.Hint = 4;
})(DiagnosticSeverity || (DiagnosticSeverity = {}));
/**
 * The diagnostic tags.
 *
 * @since 3.15.0
 */
var DiagnosticTag;
(function (DiagnosticTag) {
    /**
     * Unused or unnecessary code.
     *
     * Clients are allowed to render diagnostics with this tag faded out instead of having
     * an error squiggle.
     */
    DiagnosticTag.Unnecessary = 1;
    /**
     * Deprecated or obsolete code.
     *
     * Clients are allowed to rendered diagnostics with this tag strike through.
     */
    DiagnosticTag.Deprecated = 2;
})(DiagnosticTag || (DiagnosticTag = {}));
/**
 * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
 *
 * @since 3.16.0
 */
var CodeDescription;
(function (CodeDescription) {
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
    }
    CodeDescription.is = is;
})(CodeDescription || (CodeDescription = {}));
/**
 * The Diagnostic namespace provides helper functions to work with
 * {@link Diagnostic} literals.
 */
var Diagnostic;
(function (Diagnostic) {
    /**
     * Creates a new Diagnostic literal.
     */
    function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
            result.severity = severity;
        }
        if (Is.defined(code)) {
            result.code = code;
        }
        if (Is.defined(source)) {
            result.source = source;
        }
        if (Is.defined(relatedInformation)) {
            result.relatedInformation = relatedInformation;
        }
        return result;
    }
    Diagnostic.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Diagnostic} interface.
     */
    function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate)
            && Range.is(candidate.range)
            && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
            && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
            && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
            && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
            && (Is.string(candidate.source) || Is.undefined(candidate.source))
            && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
    }
    Diagnostic.is = is;
    /**
     * Checks whether the given diagnostic's message conforms to the 3.17.0
     * version of the protocol where the message is a string.
     *
     * @param value the diagnostic
     * @returns true if the diagnostic's message is a string, false otherwise.
     */
    function is3_17(value) {
        return Is.string(value.message);
    }
    Diagnostic.is3_17 = is3_17;
    /**
     * Gets the message string of a diagnostic. If the message is already a
     * string, it is returned as is. If the message is a MarkupContent,
     * the value of the MarkupContent is returned. Otherwise an error is thrown.
     *
     * @param diagnostic the diagnostic to get the message string from.
     * @returns the message string of the given diagnostic.
     */
    function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
            return diagnostic.message;
        }
        else if (MarkupContent.is(diagnostic.message)) {
            return diagnostic.message.value;
        }
        else {
            throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
    }
    Diagnostic.getMessageString = getMessageString;
})(Diagnostic || (Diagnostic = {}));
/**
 * The Command namespace provides helper functions to work with
 * {@link Command} literals.
 */
var Command;
(function (Command) {
    /**
     * Creates a new Command literal.
     */
    function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
            result.arguments = args;
        }
        return result;
    }
    Command.create = create;
    /**
     * Checks whether the given literal conforms to the {@link Command} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
    }
    Command.is = is;
})(Command || (Command = {}));
/**
 * The TextEdit namespace provides helper function to create replace,
 * insert and delete edits more easily.
 */
var TextEdit;
(function (TextEdit) {
    /**
     * Creates a replace text edit.
     * @param range The range of text to be replaced.
     * @param newText The new text.
     */
    function replace(range, newText) {
        return { range, newText };
    }
    TextEdit.replace = replace;
    /**
     * Creates an insert text edit.
     * @param position The position to insert the text at.
     * @param newText The text to be inserted.
     */
    function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
    }
    TextEdit.insert = insert;
    /**
     * Creates a delete text edit.
     * @param range The range of text to be deleted.
     */
    function del(range) {
        return { range, newText: '' };
    }
    TextEdit.del = del;
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate)
            && Is.string(candidate.newText)
            && Range.is(candidate.range);
    }
    TextEdit.is = is;
})(TextEdit || (TextEdit = {}));
var ChangeAnnotation;
(function (ChangeAnnotation) {
    function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== undefined) {
            result.needsConfirmation = needsConfirmation;
        }
        if (description !== undefined) {
            result.description = description;
        }
        return result;
    }
    ChangeAnnotation.create = create;
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
            (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
            (Is.string(candidate.description) || candidate.description === undefined);
    }
    ChangeAnnotation.is = is;
})(ChangeAnnotation || (ChangeAnnotation = {}));
var ChangeAnnotationIdentifier;
(function (ChangeAnnotationIdentifier) {
    function is(value) {
        const candidate = value;
        return Is.string(candidate);
    }
    ChangeAnnotationIdentifier.is = is;
})(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
var AnnotatedTextEdit;
(function (AnnotatedTextEdit) {
    /**
     * Creates an annotated replace text edit.
     *
     * @param range The range of text to be replaced.
     * @param newText The new text.
     * @param annotation The annotation.
     */
    function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
    }
    AnnotatedTextEdit.replace = replace;
    /**
     * Creates an annotated insert text edit.
     *
     * @param position The position to insert the text at.
     * @param newText The text to be inserted.
     * @param annotation The annotation.
     */
    function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
    }
    AnnotatedTextEdit.insert = insert;
    /**
     * Creates an annotated delete text edit.
     *
     * @param range The range of text to be deleted.
     * @param annotation The annotation.
     */
    function del(range, annotation) {
        return { range, newText: '', annotationId: annotation };
    }
    AnnotatedTextEdit.del = del;
    function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
    }
    AnnotatedTextEdit.is = is;
})(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
/**
 * The TextDocumentEdit namespace provides helper function to create
 * an edit that manipulates a text document.
 */
var TextDocumentEdit;
(function (TextDocumentEdit) {
    /**
     * Creates a new `TextDocumentEdit`
     */
    function create(textDocument, edits) {
        return { textDocument, edits };
    }
    TextDocumentEdit.create = create;
    function is(value) {
        const candidate = value;
        return Is.defined(candidate)
            && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
            && Array.isArray(candidate.edits);
    }
    TextDocumentEdit.is = is;
})(TextDocumentEdit || (TextDocumentEdit = {}));
var CreateFile;
(function (CreateFile) {
    function create(uri, options, annotation) {
        const result = {
            kind: 'create',
            uri
        };
        if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
            result.options = options;
        }
        if (annotation !== undefined) {
            result.annotationId = annotation;
        }
        return result;
    }
    CreateFile.create = create;
    function is(value) {
        const candidate = value;
        return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
            ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
    }
    CreateFile.is = is;
})(CreateFile || (CreateFile = {}));
var RenameFile;
(function (RenameFile) {
    function create(oldUri, newUri, options, annotation) {
        const result = {
            kind: 'rename',
            oldUri,
            newUri
        };
        if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
            result.options = options;
        }
        if (annotation !== undefined) {
            result.annotationId = annotation;
        }
        return result;
    }
    RenameFile.create = create;
    function is(value) {
        const candidate = value;
        return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
            ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
    }
    RenameFile.is = is;
})(RenameFile || (RenameFile = {}));
var DeleteFile;
(function (DeleteFile) {
    function create(uri, options, annotation) {
        const result = {
            kind: 'delete',
            uri
        };
        if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
            result.options = options;
        }
        if (annotation !== undefined) {
            result.annotationId = annotation;
        }
        return result;
    }
    DeleteFile.create = create;
    function is(value) {
        const candidate = value;
        return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
            ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
    }
    DeleteFile.is = is;
})(DeleteFile || (DeleteFile = {}));
var WorkspaceEdit;
(function (WorkspaceEdit) {
    function is(value) {
        const candidate = value;
        return candidate &&
            (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
            (candidate.documentChanges === undefined || candidate.documentChanges.every((change) => {
                if (Is.string(change.kind)) {
                    return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                }
                else {
                    return TextDocumentEdit.is(change);
                }
            }));
    }
    WorkspaceEdit.is = is;
})(WorkspaceEdit || (WorkspaceEdit = {}));
class TextEditChangeImpl {
    constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
    }
    insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === undefined) {
            edit = TextEdit.insert(position, newText);
        }
        else if (ChangeAnnotationIdentifier.is(annotation)) {
            id = annotation;
            edit = AnnotatedTextEdit.insert(position, newText, annotation);
        }
        else {
            this.assertChangeAnnotations(this.changeAnnotations);
            id = this.changeAnnotations.manage(annotation);
            edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== undefined) {
            return id;
        }
    }
    replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === undefined) {
            edit = TextEdit.replace(range, newText);
        }
        else if (ChangeAnnotationIdentifier.is(annotation)) {
            id = annotation;
            edit = AnnotatedTextEdit.replace(range, newText, annotation);
        }
        else {
            this.assertChangeAnnotations(this.changeAnnotations);
            id = this.changeAnnotations.manage(annotation);
            edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== undefined) {
            return id;
        }
    }
    delete(range, annotation) {
        let edit;
        let id;
        if (annotation === undefined) {
            edit = TextEdit.del(range);
        }
        else if (ChangeAnnotationIdentifier.is(annotation)) {
            id = annotation;
            edit = AnnotatedTextEdit.del(range, annotation);
        }
        else {
            this.assertChangeAnnotations(this.changeAnnotations);
            id = this.changeAnnotations.manage(annotation);
            edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== undefined) {
            return id;
        }
    }
    add(edit) {
        this.edits.push(edit);
    }
    all() {
        return this.edits;
    }
    clear() {
        this.edits.splice(0, this.edits.length);
    }
    assertChangeAnnotations(value) {
        if (value === undefined) {
            throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
    }
}
var SnippetTextEdit;
(function (SnippetTextEdit) {
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate)
            && Range.is(candidate.range)
            && StringValue.isSnippet(candidate.snippet)
            && (candidate.annotationId === undefined ||
                (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
    }
    SnippetTextEdit.is = is;
})(SnippetTextEdit || (SnippetTextEdit = {}));
/**
 * A helper class
 */
class ChangeAnnotations {
    constructor(annotations) {
        this._annotations = annotations === undefined ? Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
    }
    all() {
        return this._annotations;
    }
    get size() {
        return this._size;
    }
    manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
            id = idOrAnnotation;
        }
        else {
            id = this.nextId();
            annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== undefined) {
            throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === undefined) {
            throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
    }
    nextId() {
        this._counter++;
        return this._counter.toString();
    }
}
/**
 * A workspace change helps constructing changes to a workspace.
 */
class WorkspaceChange {
    constructor(workspaceEdit) {
        this._textEditChanges = Object.create(null);
        if (workspaceEdit !== undefined) {
            this._workspaceEdit = workspaceEdit;
            if (workspaceEdit.documentChanges) {
                this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                workspaceEdit.documentChanges.forEach((change) => {
                    if (TextDocumentEdit.is(change)) {
                        const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                        this._textEditChanges[change.textDocument.uri] = textEditChange;
                    }
                });
            }
            else if (workspaceEdit.changes) {
                Object.keys(workspaceEdit.changes).forEach((key) => {
                    const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                    this._textEditChanges[key] = textEditChange;
                });
            }
        }
        else {
            this._workspaceEdit = {};
        }
    }
    /**
     * Returns the underlying {@link WorkspaceEdit} literal
     * use to be returned from a workspace edit operation like rename.
     */
    get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== undefined) {
            if (this._changeAnnotations.size === 0) {
                this._workspaceEdit.changeAnnotations = undefined;
            }
            else {
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        }
        return this._workspaceEdit;
    }
    getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            const textDocument = { uri: key.uri, version: key.version };
            let result = this._textEditChanges[textDocument.uri];
            if (!result) {
                const edits = [];
                const textDocumentEdit = {
                    textDocument,
                    edits
                };
                this._workspaceEdit.documentChanges.push(textDocumentEdit);
                result = new TextEditChangeImpl(edits, this._changeAnnotations);
                this._textEditChanges[textDocument.uri] = result;
            }
            return result;
        }
        else {
            this.initChanges();
            if (this._workspaceEdit.changes === undefined) {
                throw new Error('Workspace edit is not configured for normal text edit changes.');
            }
            let result = this._textEditChanges[key];
            if (!result) {
                const edits = [];
                this._workspaceEdit.changes[key] = edits;
                result = new TextEditChangeImpl(edits);
                this._textEditChanges[key] = result;
            }
            return result;
        }
    }
    initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
            this._changeAnnotations = new ChangeAnnotations();
            this._workspaceEdit.documentChanges = [];
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
    }
    initChanges() {
        if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
            this._workspaceEdit.changes = Object.create(null);
        }
    }
    createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === undefined) {
            throw new Error('Workspace edit is not configured for document changes.');
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
            annotation = optionsOrAnnotation;
        }
        else {
            options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === undefined) {
            operation = CreateFile.create(uri, options);
        }
        else {
            id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
            operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== undefined) {
            return id;
        }
    }
    renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === undefined) {
            throw new Error('Workspace edit is not configured for document changes.');
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
            annotation = optionsOrAnnotation;
        }
        else {
            options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === undefined) {
            operation = RenameFile.create(oldUri, newUri, options);
        }
        else {
            id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
            operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== undefined) {
            return id;
        }
    }
    deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === undefined) {
            throw new Error('Workspace edit is not configured for document changes.');
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
            annotation = optionsOrAnnotation;
        }
        else {
            options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === undefined) {
            operation = DeleteFile.create(uri, options);
        }
        else {
            id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
            operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== undefined) {
            return id;
        }
    }
}
/**
 * The TextDocumentIdentifier namespace provides helper functions to work with
 * {@link TextDocumentIdentifier} literals.
 */
var TextDocumentIdentifier;
(function (TextDocumentIdentifier) {
    /**
     * Creates a new TextDocumentIdentifier literal.
     * @param uri The document's uri.
     */
    function create(uri) {
        return { uri };
    }
    TextDocumentIdentifier.create = create;
    /**
     * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
    }
    TextDocumentIdentifier.is = is;
})(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
/**
 * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
 * {@link VersionedTextDocumentIdentifier} literals.
 */
var VersionedTextDocumentIdentifier;
(function (VersionedTextDocumentIdentifier) {
    /**
     * Creates a new VersionedTextDocumentIdentifier literal.
     * @param uri The document's uri.
     * @param version The document's version.
     */
    function create(uri, version) {
        return { uri, version };
    }
    VersionedTextDocumentIdentifier.create = create;
    /**
     * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
    }
    VersionedTextDocumentIdentifier.is = is;
})(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
/**
 * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
 * {@link OptionalVersionedTextDocumentIdentifier} literals.
 */
var OptionalVersionedTextDocumentIdentifier;
(function (OptionalVersionedTextDocumentIdentifier) {
    /**
     * Creates a new OptionalVersionedTextDocumentIdentifier literal.
     * @param uri The document's uri.
     * @param version The document's version.
     */
    function create(uri, version) {
        return { uri, version };
    }
    OptionalVersionedTextDocumentIdentifier.create = create;
    /**
     * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
    }
    OptionalVersionedTextDocumentIdentifier.is = is;
})(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
/**
 * Predefined Language kinds
 * @since 3.18.0
 */
var LanguageKind;
(function (LanguageKind) {
    LanguageKind.ABAP = 'abap';
    LanguageKind.WindowsBat = 'bat';
    LanguageKind.BibTeX = 'bibtex';
    LanguageKind.Clojure = 'clojure';
    LanguageKind.Coffeescript = 'coffeescript';
    LanguageKind.C = 'c';
    LanguageKind.CPP = 'cpp';
    LanguageKind.CSharp = 'csharp';
    LanguageKind.CSS = 'css';
    /**
     * @since 3.18.0
     */
    LanguageKind.D = 'd';
    /**
     * @since 3.18.0
     */
    LanguageKind.Delphi = 'pascal';
    LanguageKind.Diff = 'diff';
    LanguageKind.Dart = 'dart';
    LanguageKind.Dockerfile = 'dockerfile';
    LanguageKind.Elixir = 'elixir';
    LanguageKind.Erlang = 'erlang';
    LanguageKind.FSharp = 'fsharp';
    LanguageKind.GitCommit = 'git-commit';
    LanguageKind.GitRebase = 'git-rebase';
    LanguageKind.Go = 'go';
    LanguageKind.Groovy = 'groovy';
    LanguageKind.Handlebars = 'handlebars';
    LanguageKind.Haskell = 'haskell';
    LanguageKind.HTML = 'html';
    LanguageKind.Ini = 'ini';
    LanguageKind.Java = 'java';
    LanguageKind.JavaScript = 'javascript';
    LanguageKind.JavaScriptReact = 'javascriptreact';
    LanguageKind.JSON = 'json';
    LanguageKind.LaTeX = 'latex';
    LanguageKind.Less = 'less';
    LanguageKind.Lua = 'lua';
    LanguageKind.Makefile = 'makefile';
    LanguageKind.Markdown = 'markdown';
    LanguageKind.ObjectiveC = 'objective-c';
    LanguageKind.ObjectiveCPP = 'objective-cpp';
    /**
     * @since 3.18.0
     */
    LanguageKind.Pascal = 'pascal';
    LanguageKind.Perl = 'perl';
    LanguageKind.Perl6 = 'perl6';
    LanguageKind.PHP = 'php';
    LanguageKind.Plaintext = 'plaintext';
    LanguageKind.Powershell = 'powershell';
    LanguageKind.Pug = 'jade';
    LanguageKind.Python = 'python';
    LanguageKind.R = 'r';
    LanguageKind.Razor = 'razor';
    LanguageKind.Ruby = 'ruby';
    LanguageKind.Rust = 'rust';
    LanguageKind.SCSS = 'scss';
    LanguageKind.SASS = 'sass';
    LanguageKind.Scala = 'scala';
    LanguageKind.ShaderLab = 'shaderlab';
    LanguageKind.ShellScript = 'shellscript';
    LanguageKind.SQL = 'sql';
    LanguageKind.Swift = 'swift';
    LanguageKind.TypeScript = 'typescript';
    LanguageKind.TypeScriptReact = 'typescriptreact';
    LanguageKind.TeX = 'tex';
    LanguageKind.VisualBasic = 'vb';
    LanguageKind.XML = 'xml';
    LanguageKind.XSL = 'xsl';
    LanguageKind.YAML = 'yaml';
})(LanguageKind || (LanguageKind = {}));
/**
 * The TextDocumentItem namespace provides helper functions to work with
 * {@link TextDocumentItem} literals.
 */
var TextDocumentItem;
(function (TextDocumentItem) {
    /**
     * Creates a new TextDocumentItem literal.
     * @param uri The document's uri.
     * @param languageId The document's language identifier.
     * @param version The document's version number.
     * @param text The document's text.
     */
    function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
    }
    TextDocumentItem.create = create;
    /**
     * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
    }
    TextDocumentItem.is = is;
})(TextDocumentItem || (TextDocumentItem = {}));
/**
 * Describes the content type that a client supports in various
 * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
 *
 * Please note that `MarkupKinds` must not start with a `$`. This kinds
 * are reserved for internal usage.
 */
var MarkupKind;
(function (MarkupKind) {
    /**
     * Plain text is supported as a content format
     */
    MarkupKind.PlainText = 'plaintext';
    /**
     * Markdown is supported as a content format
     */
    MarkupKind.Markdown = 'markdown';
    /**
     * Checks whether the given value is a value of the {@link MarkupKind} type.
     */
    function is(value) {
        const candidate = value;
        return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
    }
    MarkupKind.is = is;
})(MarkupKind || (MarkupKind = {}));
var MarkupContent;
(function (MarkupContent) {
    /**
     * Checks whether the given value conforms to the {@link MarkupContent} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
    }
    MarkupContent.is = is;
})(MarkupContent || (MarkupContent = {}));
/**
 * The kind of a completion entry.
 */
var CompletionItemKind;
(function (CompletionItemKind) {
    CompletionItemKind.Text = 1;
    CompletionItemKind.Method = 2;
    CompletionItemKind.Function = 3;
    CompletionItemKind.Constructor = 4;
    CompletionItemKind.Field = 5;
    CompletionItemKind.Variable = 6;
    CompletionItemKind.Class = 7;
    CompletionItemKind.Interface = 8;
    CompletionItemKind.Module = 9;
    CompletionItemKind.Property = 10;
    CompletionItemKind.Unit = 11;
    CompletionItemKind.Value = 12;
    CompletionItemKind.Enum = 13;
    CompletionItemKind.Keyword = 14;
    CompletionItemKind.Snippet = 15;
    CompletionItemKind.Color = 16;
    CompletionItemKind.File = 17;
    CompletionItemKind.Reference = 18;
    CompletionItemKind.Folder = 19;
    CompletionItemKind.EnumMember = 20;
    CompletionItemKind.Constant = 21;
    CompletionItemKind.Struct = 22;
    CompletionItemKind.Event = 23;
    CompletionItemKind.Operator = 24;
    CompletionItemKind.TypeParameter = 25;
})(CompletionItemKind || (CompletionItemKind = {}));
/**
 * Defines whether the insert text in a completion item should be interpreted as
 * plain text or a snippet.
 */
var InsertTextFormat;
(function (InsertTextFormat) {
    /**
     * The primary text to be inserted is treated as a plain string.
     */
    InsertTextFormat.PlainText = 1;
    /**
     * The primary text to be inserted is treated as a snippet.
     *
     * A snippet can define tab stops and placeholders with `$1`, `$2`
     * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
     * the end of the snippet. Placeholders with equal identifiers are linked,
     * that is typing in one will update others too.
     *
     * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
     */
    InsertTextFormat.Snippet = 2;
})(InsertTextFormat || (InsertTextFormat = {}));
/**
 * Completion item tags are extra annotations that tweak the rendering of a completion
 * item.
 *
 * @since 3.15.0
 */
var CompletionItemTag;
(function (CompletionItemTag) {
    /**
     * Render a completion as obsolete, usually using a strike-out.
     */
    CompletionItemTag.Deprecated = 1;
})(CompletionItemTag || (CompletionItemTag = {}));
/**
 * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
 *
 * @since 3.16.0
 */
var InsertReplaceEdit;
(function (InsertReplaceEdit) {
    /**
     * Creates a new insert / replace edit
     */
    function create(newText, insert, replace) {
        return { newText, insert, replace };
    }
    InsertReplaceEdit.create = create;
    /**
     * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
     */
    function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
    }
    InsertReplaceEdit.is = is;
})(InsertReplaceEdit || (InsertReplaceEdit = {}));
/**
 * How whitespace and indentation is handled during completion
 * item insertion.
 *
 * @since 3.16.0
 */
var InsertTextMode;
(function (InsertTextMode) {
    /**
     * The insertion or replace strings is taken as it is. If the
     * value is multi line the lines below the cursor will be
     * inserted using the indentation defined in the string value.
     * The client will not apply any kind of adjustments to the
     * string.
     */
    InsertTextMode.asIs = 1;
    /**
     * The editor adjusts leading whitespace of new lines so that
     * they match the indentation up to the cursor of the line for
     * which the item is accepted.
     *
     * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
     * multi line completion item is indented using 2 tabs and all
     * following lines inserted will be indented using 2 tabs as well.
     */
    InsertTextMode.adjustIndentation = 2;
})(InsertTextMode || (InsertTextMode = {}));
/**
 * Defines how values from a set of defaults and an individual item will be
 * merged.
 *
 * @since 3.18.0
 */
var ApplyKind;
(function (ApplyKind) {
    /**
     * The value from the individual item (if provided and not `null`) will be
     * used instead of the default.
     */
    ApplyKind.Replace = 1;
    /**
     * The value from the item will be merged with the default.
     *
     * The specific rules for mergeing values are defined against each field
     * that supports merging.
     */
    ApplyKind.Merge = 2;
})(ApplyKind || (ApplyKind = {}));
var CompletionItemLabelDetails;
(function (CompletionItemLabelDetails) {
    function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
            (Is.string(candidate.description) || candidate.description === undefined);
    }
    CompletionItemLabelDetails.is = is;
})(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
/**
 * The CompletionItem namespace provides functions to deal with
 * completion items.
 */
var CompletionItem;
(function (CompletionItem) {
    /**
     * Create a completion item and seed it with a label.
     * @param label The completion item's label
     */
    function create(label) {
        return { label };
    }
    CompletionItem.create = create;
})(CompletionItem || (CompletionItem = {}));
/**
 * The CompletionList namespace provides functions to deal with
 * completion lists.
 */
var CompletionList;
(function (CompletionList) {
    /**
     * Creates a new completion list.
     *
     * @param items The completion items.
     * @param isIncomplete The list is not complete.
     */
    function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
    }
    CompletionList.create = create;
})(CompletionList || (CompletionList = {}));
var MarkedString;
(function (MarkedString) {
    /**
     * Creates a marked string from plain text.
     *
     * @param plainText The plain text.
     */
    function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
    }
    MarkedString.fromPlainText = fromPlainText;
    /**
     * Checks whether the given value conforms to the {@link MarkedString} type.
     */
    function is(value) {
        const candidate = value;
        return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
    }
    MarkedString.is = is;
})(MarkedString || (MarkedString = {}));
var Hover;
(function (Hover) {
    /**
     * Checks whether the given value conforms to the {@link Hover} interface.
     */
    function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
            MarkedString.is(candidate.contents) ||
            Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
    }
    Hover.is = is;
})(Hover || (Hover = {}));
/**
 * The ParameterInformation namespace provides helper functions to work with
 * {@link ParameterInformation} literals.
 */
var ParameterInformation;
(function (ParameterInformation) {
    /**
     * Creates a new parameter information literal.
     *
     * @param label A label string.
     * @param documentation A doc string.
     */
    function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
    }
    ParameterInformation.create = create;
})(ParameterInformation || (ParameterInformation = {}));
/**
 * The SignatureInformation namespace provides helper functions to work with
 * {@link SignatureInformation} literals.
 */
var SignatureInformation;
(function (SignatureInformation) {
    function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
            result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
            result.parameters = parameters;
        }
        else {
            result.parameters = [];
        }
        return result;
    }
    SignatureInformation.create = create;
})(SignatureInformation || (SignatureInformation = {}));
/**
 * A document highlight kind.
 */
var DocumentHighlightKind;
(function (DocumentHighlightKind) {
    /**
     * A textual occurrence.
     */
    DocumentHighlightKind.Text = 1;
    /**
     * Read-access of a symbol, like reading a variable.
     */
    DocumentHighlightKind.Read = 2;
    /**
     * Write-access of a symbol, like writing to a variable.
     */
    DocumentHighlightKind.Write = 3;
})(DocumentHighlightKind || (DocumentHighlightKind = {}));
/**
 * DocumentHighlight namespace to provide helper functions to work with
 * {@link DocumentHighlight} literals.
 */
var DocumentHighlight;
(function (DocumentHighlight) {
    /**
     * Create a DocumentHighlight object.
     * @param range The range the highlight applies to.
     * @param kind The highlight kind
     */
    function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
            result.kind = kind;
        }
        return result;
    }
    DocumentHighlight.create = create;
})(DocumentHighlight || (DocumentHighlight = {}));
/**
 * A symbol kind.
 */
var SymbolKind;
(function (SymbolKind) {
    SymbolKind.File = 1;
    SymbolKind.Module = 2;
    SymbolKind.Namespace = 3;
    SymbolKind.Package = 4;
    SymbolKind.Class = 5;
    SymbolKind.Method = 6;
    SymbolKind.Property = 7;
    SymbolKind.Field = 8;
    SymbolKind.Constructor = 9;
    SymbolKind.Enum = 10;
    SymbolKind.Interface = 11;
    SymbolKind.Function = 12;
    SymbolKind.Variable = 13;
    SymbolKind.Constant = 14;
    SymbolKind.String = 15;
    SymbolKind.Number = 16;
    SymbolKind.Boolean = 17;
    SymbolKind.Array = 18;
    SymbolKind.Object = 19;
    SymbolKind.Key = 20;
    SymbolKind.Null = 21;
    SymbolKind.EnumMember = 22;
    SymbolKind.Struct = 23;
    SymbolKind.Event = 24;
    SymbolKind.Operator = 25;
    SymbolKind.TypeParameter = 26;
})(SymbolKind || (SymbolKind = {}));
/**
 * Symbol tags are extra annotations that tweak the rendering of a symbol.
 *
 * @since 3.16
 */
var SymbolTag;
(function (SymbolTag) {
    /**
     * Render a symbol as obsolete, usually using a strike-out.
     */
    SymbolTag.Deprecated = 1;
})(SymbolTag || (SymbolTag = {}));
var SymbolInformation;
(function (SymbolInformation) {
    /**
     * Creates a new symbol information literal.
     *
     * @param name The name of the symbol.
     * @param kind The kind of the symbol.
     * @param range The range of the location of the symbol.
     * @param uri The resource of the location of symbol.
     * @param containerName The name of the symbol containing the symbol.
     */
    function create(name, kind, range, uri, containerName) {
        const result = {
            name,
            kind,
            location: { uri, range }
        };
        if (containerName) {
            result.containerName = containerName;
        }
        return result;
    }
    SymbolInformation.create = create;
})(SymbolInformation || (SymbolInformation = {}));
var WorkspaceSymbol;
(function (WorkspaceSymbol) {
    /**
     * Create a new workspace symbol.
     *
     * @param name The name of the symbol.
     * @param kind The kind of the symbol.
     * @param uri The resource of the location of the symbol.
     * @param range An options range of the location.
     * @returns A WorkspaceSymbol.
     */
    function create(name, kind, uri, range) {
        return range !== undefined
            ? { name, kind, location: { uri, range } }
            : { name, kind, location: { uri } };
    }
    WorkspaceSymbol.create = create;
})(WorkspaceSymbol || (WorkspaceSymbol = {}));
var DocumentSymbol;
(function (DocumentSymbol) {
    /**
     * Creates a new symbol information literal.
     *
     * @param name The name of the symbol.
     * @param detail The detail of the symbol.
     * @param kind The kind of the symbol.
     * @param range The range of the symbol.
     * @param selectionRange The selectionRange of the symbol.
     * @param children Children of the symbol.
     */
    function create(name, detail, kind, range, selectionRange, children) {
        const result = {
            name,
            detail,
            kind,
            range,
            selectionRange
        };
        if (children !== undefined) {
            result.children = children;
        }
        return result;
    }
    DocumentSymbol.create = create;
    /**
     * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
     */
    function is(value) {
        const candidate = value;
        return candidate &&
            Is.string(candidate.name) && Is.number(candidate.kind) &&
            Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
            (candidate.detail === undefined || Is.string(candidate.detail)) &&
            (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
            (candidate.children === undefined || Array.isArray(candidate.children)) &&
            (candidate.tags === undefined || Array.isArray(candidate.tags));
    }
    DocumentSymbol.is = is;
})(DocumentSymbol || (DocumentSymbol = {}));
/**
 * A set of predefined code action kinds
 */
var CodeActionKind;
(function (CodeActionKind) {
    /**
     * Empty kind.
     */
    CodeActionKind.Empty = '';
    /**
     * Base kind for quickfix actions: 'quickfix'
     */
    CodeActionKind.QuickFix = 'quickfix';
    /**
     * Base kind for refactoring actions: 'refactor'
     */
    CodeActionKind.Refactor = 'refactor';
    /**
     * Base kind for refactoring extraction actions: 'refactor.extract'
     *
     * Example extract actions:
     *
     * - Extract method
     * - Extract function
     * - Extract variable
     * - Extract interface from class
     * - ...
     */
    CodeActionKind.RefactorExtract = 'refactor.extract';
    /**
     * Base kind for refactoring inline actions: 'refactor.inline'
     *
     * Example inline actions:
     *
     * - Inline function
     * - Inline variable
     * - Inline constant
     * - ...
     */
    CodeActionKind.RefactorInline = 'refactor.inline';
    /**
     * Base kind for refactoring move actions: `refactor.move`
     *
     * Example move actions:
     *
     * - Move a function to a new file
     * - Move a property between classes
     * - Move method to base class
     * - ...
     *
     * @since 3.18.0
     */
    CodeActionKind.RefactorMove = 'refactor.move';
    /**
     * Base kind for refactoring rewrite actions: 'refactor.rewrite'
     *
     * Example rewrite actions:
     *
     * - Convert JavaScript function to class
     * - Add or remove parameter
     * - Encapsulate field
     * - Make method static
     * - Move method to base class
     * - ...
     */
    CodeActionKind.RefactorRewrite = 'refactor.rewrite';
    /**
     * Base kind for source actions: `source`
     *
     * Source code actions apply to the entire file.
     */
    CodeActionKind.Source = 'source';
    /**
     * Base kind for an organize imports source action: `source.organizeImports`
     */
    CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
    /**
     * Base kind for auto-fix source actions: `source.fixAll`.
     *
     * Fix all actions automatically fix errors that have a clear fix that do not require user input.
     * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
     *
     * @since 3.15.0
     */
    CodeActionKind.SourceFixAll = 'source.fixAll';
    /**
     * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
     * this should always begin with `notebook.`
     *
     * @since 3.18.0
     */
    CodeActionKind.Notebook = 'notebook';
})(CodeActionKind || (CodeActionKind = {}));
/**
 * The reason why code actions were requested.
 *
 * @since 3.17.0
 */
var CodeActionTriggerKind;
(function (CodeActionTriggerKind) {
    /**
     * Code actions were explicitly requested by the user or by an extension.
     */
    CodeActionTriggerKind.Invoked = 1;
    /**
     * Code actions were requested automatically.
     *
     * This typically happens when current selection in a file changes, but can
     * also be triggered when file content changes.
     */
    CodeActionTriggerKind.Automatic = 2;
})(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
/**
 * The CodeActionContext namespace provides helper functions to work with
 * {@link CodeActionContext} literals.
 */
var CodeActionContext;
(function (CodeActionContext) {
    /**
     * Creates a new CodeActionContext literal.
     */
    function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== undefined && only !== null) {
            result.only = only;
        }
        if (triggerKind !== undefined && triggerKind !== null) {
            result.triggerKind = triggerKind;
        }
        return result;
    }
    CodeActionContext.create = create;
    /**
     * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
            && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
            && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
    }
    CodeActionContext.is = is;
})(CodeActionContext || (CodeActionContext = {}));
/**
 * Code action tags are extra annotations that tweak the behavior of a code action.
 *
 * @since 3.18.0
 */
var CodeActionTag;
(function (CodeActionTag) {
    /**
     * Marks the code action as LLM-generated.
     */
    CodeActionTag.LLMGenerated = 1;
    /**
     * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
     */
    function is(value) {
        return Is.defined(value) && value === CodeActionTag.LLMGenerated;
    }
    CodeActionTag.is = is;
})(CodeActionTag || (CodeActionTag = {}));
var CodeAction;
(function (CodeAction) {
    function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === 'string') {
            checkKind = false;
            result.kind = kindOrCommandOrEdit;
        }
        else if (Command.is(kindOrCommandOrEdit)) {
            result.command = kindOrCommandOrEdit;
        }
        else {
            result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== undefined) {
            result.kind = kind;
        }
        return result;
    }
    CodeAction.create = create;
    function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) &&
            (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
            (candidate.kind === undefined || Is.string(candidate.kind)) &&
            (candidate.edit !== undefined || candidate.command !== undefined) &&
            (candidate.command === undefined || Command.is(candidate.command)) &&
            (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
            (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
            (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
    }
    CodeAction.is = is;
})(CodeAction || (CodeAction = {}));
/**
 * The CodeLens namespace provides helper functions to work with
 * {@link CodeLens} literals.
 */
var CodeLens;
(function (CodeLens) {
    /**
     * Creates a new CodeLens literal.
     */
    function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
            result.data = data;
        }
        return result;
    }
    CodeLens.create = create;
    /**
     * Checks whether the given literal conforms to the {@link CodeLens} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
    }
    CodeLens.is = is;
})(CodeLens || (CodeLens = {}));
/**
 * The FormattingOptions namespace provides helper functions to work with
 * {@link FormattingOptions} literals.
 */
var FormattingOptions;
(function (FormattingOptions) {
    /**
     * Creates a new FormattingOptions literal.
     */
    function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
    }
    FormattingOptions.create = create;
    /**
     * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
    }
    FormattingOptions.is = is;
})(FormattingOptions || (FormattingOptions = {}));
/**
 * The DocumentLink namespace provides helper functions to work with
 * {@link DocumentLink} literals.
 */
var DocumentLink;
(function (DocumentLink) {
    /**
     * Creates a new DocumentLink literal.
     */
    function create(range, target, data) {
        return { range, target, data };
    }
    DocumentLink.create = create;
    /**
     * Checks whether the given literal conforms to the {@link DocumentLink} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
    }
    DocumentLink.is = is;
})(DocumentLink || (DocumentLink = {}));
/**
 * The SelectionRange namespace provides helper function to work with
 * SelectionRange literals.
 */
var SelectionRange;
(function (SelectionRange) {
    /**
     * Creates a new SelectionRange
     * @param range the range.
     * @param parent an optional parent.
     */
    function create(range, parent) {
        return { range, parent };
    }
    SelectionRange.create = create;
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
    }
    SelectionRange.is = is;
})(SelectionRange || (SelectionRange = {}));
/**
 * A set of predefined token types. This set is not fixed
 * an clients can specify additional token types via the
 * corresponding client capabilities.
 *
 * @since 3.16.0
 */
var SemanticTokenTypes;
(function (SemanticTokenTypes) {
    SemanticTokenTypes["namespace"] = "namespace";
    /**
     * Represents a generic type. Acts as a fallback for types which can't be mapped to
     * a specific type like class or enum.
     */
    SemanticTokenTypes["type"] = "type";
    SemanticTokenTypes["class"] = "class";
    SemanticTokenTypes["enum"] = "enum";
    SemanticTokenTypes["interface"] = "interface";
    SemanticTokenTypes["struct"] = "struct";
    SemanticTokenTypes["typeParameter"] = "typeParameter";
    SemanticTokenTypes["parameter"] = "parameter";
    SemanticTokenTypes["variable"] = "variable";
    SemanticTokenTypes["property"] = "property";
    SemanticTokenTypes["enumMember"] = "enumMember";
    SemanticTokenTypes["event"] = "event";
    SemanticTokenTypes["function"] = "function";
    SemanticTokenTypes["method"] = "method";
    SemanticTokenTypes["macro"] = "macro";
    SemanticTokenTypes["keyword"] = "keyword";
    SemanticTokenTypes["modifier"] = "modifier";
    SemanticTokenTypes["comment"] = "comment";
    SemanticTokenTypes["string"] = "string";
    SemanticTokenTypes["number"] = "number";
    SemanticTokenTypes["regexp"] = "regexp";
    SemanticTokenTypes["operator"] = "operator";
    /**
     * @since 3.17.0
     */
    SemanticTokenTypes["decorator"] = "decorator";
    /**
     * @since 3.18.0
     */
    SemanticTokenTypes["label"] = "label";
})(SemanticTokenTypes || (SemanticTokenTypes = {}));
/**
 * A set of predefined token modifiers. This set is not fixed
 * an clients can specify additional token types via the
 * corresponding client capabilities.
 *
 * @since 3.16.0
 */
var SemanticTokenModifiers;
(function (SemanticTokenModifiers) {
    SemanticTokenModifiers["declaration"] = "declaration";
    SemanticTokenModifiers["definition"] = "definition";
    SemanticTokenModifiers["readonly"] = "readonly";
    SemanticTokenModifiers["static"] = "static";
    SemanticTokenModifiers["deprecated"] = "deprecated";
    SemanticTokenModifiers["abstract"] = "abstract";
    SemanticTokenModifiers["async"] = "async";
    SemanticTokenModifiers["modification"] = "modification";
    SemanticTokenModifiers["documentation"] = "documentation";
    SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
})(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
/**
 * @since 3.16.0
 */
var SemanticTokens;
(function (SemanticTokens) {
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
            Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
    }
    SemanticTokens.is = is;
})(SemanticTokens || (SemanticTokens = {}));
/**
 * The InlineValueText namespace provides functions to deal with InlineValueTexts.
 *
 * @since 3.17.0
 */
var InlineValueText;
(function (InlineValueText) {
    /**
     * Creates a new InlineValueText literal.
     */
    function create(range, text) {
        return { range, text };
    }
    InlineValueText.create = create;
    function is(value) {
        const candidate = value;
        return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
    }
    InlineValueText.is = is;
})(InlineValueText || (InlineValueText = {}));
/**
 * The InlineValueVariableLookup namespace provides functions to
 * deal with InlineValueVariableLookups.
 *
 * @since 3.17.0
 */
var InlineValueVariableLookup;
(function (InlineValueVariableLookup) {
    /**
     * Creates a new InlineValueText literal.
     */
    function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
    }
    InlineValueVariableLookup.create = create;
    function is(value) {
        const candidate = value;
        return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
            && (Is.string(candidate.variableName) || candidate.variableName === undefined);
    }
    InlineValueVariableLookup.is = is;
})(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
/**
 * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
 *
 * @since 3.17.0
 */
var InlineValueEvaluatableExpression;
(function (InlineValueEvaluatableExpression) {
    /**
     * Creates a new InlineValueEvaluatableExpression literal.
     */
    function create(range, expression) {
        return { range, expression };
    }
    InlineValueEvaluatableExpression.create = create;
    function is(value) {
        const candidate = value;
        return candidate !== undefined && candidate !== null && Range.is(candidate.range)
            && (Is.string(candidate.expression) || candidate.expression === undefined);
    }
    InlineValueEvaluatableExpression.is = is;
})(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
/**
 * The InlineValueContext namespace provides helper functions to work with
 * {@link InlineValueContext} literals.
 *
 * @since 3.17.0
 */
var InlineValueContext;
(function (InlineValueContext) {
    /**
     * Creates a new InlineValueContext literal.
     */
    function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
    }
    InlineValueContext.create = create;
    /**
     * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
    }
    InlineValueContext.is = is;
})(InlineValueContext || (InlineValueContext = {}));
/**
 * Inlay hint kinds.
 *
 * @since 3.17.0
 */
var InlayHintKind;
(function (InlayHintKind) {
    /**
     * An inlay hint that for a type annotation.
     */
    InlayHintKind.Type = 1;
    /**
     * An inlay hint that is for a parameter.
     */
    InlayHintKind.Parameter = 2;
    function is(value) {
        return value === 1 || value === 2;
    }
    InlayHintKind.is = is;
})(InlayHintKind || (InlayHintKind = {}));
var InlayHintLabelPart;
(function (InlayHintLabelPart) {
    function create(value) {
        return { value };
    }
    InlayHintLabelPart.create = create;
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate)
            && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
            && (candidate.location === undefined || Location.is(candidate.location))
            && (candidate.command === undefined || Command.is(candidate.command));
    }
    InlayHintLabelPart.is = is;
})(InlayHintLabelPart || (InlayHintLabelPart = {}));
var InlayHint;
(function (InlayHint) {
    function create(position, label, kind) {
        const result = { position, label };
        if (kind !== undefined) {
            result.kind = kind;
        }
        return result;
    }
    InlayHint.create = create;
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position)
            && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
            && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
            && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
            && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
            && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
            && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
    }
    InlayHint.is = is;
})(InlayHint || (InlayHint = {}));
var StringValue;
(function (StringValue) {
    function createSnippet(value) {
        return { kind: 'snippet', value };
    }
    StringValue.createSnippet = createSnippet;
    function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate)
            && candidate.kind === 'snippet'
            && Is.string(candidate.value);
    }
    StringValue.isSnippet = isSnippet;
})(StringValue || (StringValue = {}));
var InlineCompletionItem;
(function (InlineCompletionItem) {
    function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
    }
    InlineCompletionItem.create = create;
})(InlineCompletionItem || (InlineCompletionItem = {}));
var InlineCompletionList;
(function (InlineCompletionList) {
    function create(items) {
        return { items };
    }
    InlineCompletionList.create = create;
})(InlineCompletionList || (InlineCompletionList = {}));
/**
 * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
 *
 * @since 3.18.0
 */
var InlineCompletionTriggerKind;
(function (InlineCompletionTriggerKind) {
    /**
     * Completion was triggered explicitly by a user gesture.
     */
    InlineCompletionTriggerKind.Invoked = 1;
    /**
     * Completion was triggered automatically while editing.
     */
    InlineCompletionTriggerKind.Automatic = 2;
})(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
var SelectedCompletionInfo;
(function (SelectedCompletionInfo) {
    function create(range, text) {
        return { range, text };
    }
    SelectedCompletionInfo.create = create;
})(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
var InlineCompletionContext;
(function (InlineCompletionContext) {
    function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
    }
    InlineCompletionContext.create = create;
})(InlineCompletionContext || (InlineCompletionContext = {}));
var WorkspaceFolder;
(function (WorkspaceFolder) {
    function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
    }
    WorkspaceFolder.is = is;
})(WorkspaceFolder || (WorkspaceFolder = {}));
const EOL = ['\n', '\r\n', '\r'];
/**
 * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
 */
var TextDocument$1;
(function (TextDocument) {
    /**
     * Creates a new ITextDocument literal from the given uri and content.
     * @param uri The document's uri.
     * @param languageId The document's language Id.
     * @param version The document's version.
     * @param content The document's content.
     */
    function create(uri, languageId, version, content) {
        return new FullTextDocument$1(uri, languageId, version, content);
    }
    TextDocument.create = create;
    /**
     * Checks whether the given literal conforms to the {@link ITextDocument} interface.
     */
    function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
            && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
    }
    TextDocument.is = is;
    function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort(edits, (a, b) => {
            const diff = a.range.start.line - b.range.start.line;
            if (diff === 0) {
                return a.range.start.character - b.range.start.character;
            }
            return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
            const e = sortedEdits[i];
            const startOffset = document.offsetAt(e.range.start);
            const endOffset = document.offsetAt(e.range.end);
            if (endOffset <= lastModifiedOffset) {
                text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
            }
            else {
                throw new Error('Overlapping edit');
            }
            lastModifiedOffset = startOffset;
        }
        return text;
    }
    TextDocument.applyEdits = applyEdits;
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        const p = (data.length / 2) | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            const ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
})(TextDocument$1 || (TextDocument$1 = {}));
/**
 * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
 */
let FullTextDocument$1 = class FullTextDocument {
    constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = undefined;
    }
    get uri() {
        return this._uri;
    }
    get languageId() {
        return this._languageId;
    }
    get version() {
        return this._version;
    }
    getText(range) {
        if (range) {
            const start = this.offsetAt(range.start);
            const end = this.offsetAt(range.end);
            return this._content.substring(start, end);
        }
        return this._content;
    }
    update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = undefined;
    }
    getLineOffsets() {
        if (this._lineOffsets === undefined) {
            const lineOffsets = [];
            const text = this._content;
            let isLineStart = true;
            for (let i = 0; i < text.length; i++) {
                if (isLineStart) {
                    lineOffsets.push(i);
                    isLineStart = false;
                }
                const ch = text.charAt(i);
                isLineStart = (ch === '\r' || ch === '\n');
                if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                    i++;
                }
            }
            if (isLineStart && text.length > 0) {
                lineOffsets.push(text.length);
            }
            this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
    }
    positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
            return Position.create(0, offset);
        }
        while (low < high) {
            const mid = Math.floor((low + high) / 2);
            if (lineOffsets[mid] > offset) {
                high = mid;
            }
            else {
                low = mid + 1;
            }
        }
        // low is the least x for which the line offset is larger than the current offset
        // or array.length if no line offset is larger than the current offset
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
    }
    offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
            return this._content.length;
        }
        else if (position.line < 0) {
            return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
    }
    get lineCount() {
        return this.getLineOffsets().length;
    }
};
var Is;
(function (Is) {
    const toString = Object.prototype.toString;
    function defined(value) {
        return typeof value !== 'undefined';
    }
    Is.defined = defined;
    function undefined$1(value) {
        return typeof value === 'undefined';
    }
    Is.undefined = undefined$1;
    function boolean(value) {
        return value === true || value === false;
    }
    Is.boolean = boolean;
    function string(value) {
        return toString.call(value) === '[object String]';
    }
    Is.string = string;
    function number(value) {
        return toString.call(value) === '[object Number]';
    }
    Is.number = number;
    function numberRange(value, min, max) {
        return toString.call(value) === '[object Number]' && min <= value && value <= max;
    }
    Is.numberRange = numberRange;
    function integer(value) {
        return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
    }
    Is.integer = integer;
    function uinteger(value) {
        return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
    }
    Is.uinteger = uinteger;
    function func(value) {
        return toString.call(value) === '[object Function]';
    }
    Is.func = func;
    function objectLiteral(value) {
        // Strictly speaking class instances pass this check as well. Since the LSP
        // doesn't use classes we ignore this for now. If we do we need to add something
        // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
        return value !== null && typeof value === 'object';
    }
    Is.objectLiteral = objectLiteral;
    function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
    }
    Is.typedArray = typedArray;
})(Is || (Is = {}));

var main$3 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    get AnnotatedTextEdit () { return AnnotatedTextEdit; },
    get ApplyKind () { return ApplyKind; },
    get ChangeAnnotation () { return ChangeAnnotation; },
    get ChangeAnnotationIdentifier () { return ChangeAnnotationIdentifier; },
    get CodeAction () { return CodeAction; },
    get CodeActionContext () { return CodeActionContext; },
    get CodeActionKind () { return CodeActionKind; },
    get CodeActionTag () { return CodeActionTag; },
    get CodeActionTriggerKind () { return CodeActionTriggerKind; },
    get CodeDescription () { return CodeDescription; },
    get CodeLens () { return CodeLens; },
    get Color () { return Color; },
    get ColorInformation () { return ColorInformation; },
    get ColorPresentation () { return ColorPresentation; },
    get Command () { return Command; },
    get CompletionItem () { return CompletionItem; },
    get CompletionItemKind () { return CompletionItemKind; },
    get CompletionItemLabelDetails () { return CompletionItemLabelDetails; },
    get CompletionItemTag () { return CompletionItemTag; },
    get CompletionList () { return CompletionList; },
    get CreateFile () { return CreateFile; },
    get DeleteFile () { return DeleteFile; },
    get Diagnostic () { return Diagnostic; },
    get DiagnosticRelatedInformation () { return DiagnosticRelatedInformation; },
    get DiagnosticSeverity () { return DiagnosticSeverity; },
    get DiagnosticTag () { return DiagnosticTag; },
    get DocumentHighlight () { return DocumentHighlight; },
    get DocumentHighlightKind () { return DocumentHighlightKind; },
    get DocumentLink () { return DocumentLink; },
    get DocumentSymbol () { return DocumentSymbol; },
    get DocumentUri () { return DocumentUri; },
    EOL: EOL,
    get FoldingRange () { return FoldingRange; },
    get FoldingRangeKind () { return FoldingRangeKind; },
    get FormattingOptions () { return FormattingOptions; },
    get Hover () { return Hover; },
    get InlayHint () { return InlayHint; },
    get InlayHintKind () { return InlayHintKind; },
    get InlayHintLabelPart () { return InlayHintLabelPart; },
    get InlineCompletionContext () { return InlineCompletionContext; },
    get InlineCompletionItem () { return InlineCompletionItem; },
    get InlineCompletionList () { return InlineCompletionList; },
    get InlineCompletionTriggerKind () { return InlineCompletionTriggerKind; },
    get InlineValueContext () { return InlineValueContext; },
    get InlineValueEvaluatableExpression () { return InlineValueEvaluatableExpression; },
    get InlineValueText () { return InlineValueText; },
    get InlineValueVariableLookup () { return InlineValueVariableLookup; },
    get InsertReplaceEdit () { return InsertReplaceEdit; },
    get InsertTextFormat () { return InsertTextFormat; },
    get InsertTextMode () { return InsertTextMode; },
    get LanguageKind () { return LanguageKind; },
    get Location () { return Location; },
    get LocationLink () { return LocationLink; },
    get MarkedString () { return MarkedString; },
    get MarkupContent () { return MarkupContent; },
    get MarkupKind () { return MarkupKind; },
    get OptionalVersionedTextDocumentIdentifier () { return OptionalVersionedTextDocumentIdentifier; },
    get ParameterInformation () { return ParameterInformation; },
    get Position () { return Position; },
    get Range () { return Range; },
    get RenameFile () { return RenameFile; },
    get SelectedCompletionInfo () { return SelectedCompletionInfo; },
    get SelectionRange () { return SelectionRange; },
    get SemanticTokenModifiers () { return SemanticTokenModifiers; },
    get SemanticTokenTypes () { return SemanticTokenTypes; },
    get SemanticTokens () { return SemanticTokens; },
    get SignatureInformation () { return SignatureInformation; },
    get SnippetTextEdit () { return SnippetTextEdit; },
    get StringValue () { return StringValue; },
    get SymbolInformation () { return SymbolInformation; },
    get SymbolKind () { return SymbolKind; },
    get SymbolTag () { return SymbolTag; },
    get TextDocument () { return TextDocument$1; },
    get TextDocumentEdit () { return TextDocumentEdit; },
    get TextDocumentIdentifier () { return TextDocumentIdentifier; },
    get TextDocumentItem () { return TextDocumentItem; },
    get TextEdit () { return TextEdit; },
    get URI () { return URI; },
    get VersionedTextDocumentIdentifier () { return VersionedTextDocumentIdentifier; },
    WorkspaceChange: WorkspaceChange,
    get WorkspaceEdit () { return WorkspaceEdit; },
    get WorkspaceFolder () { return WorkspaceFolder; },
    get WorkspaceSymbol () { return WorkspaceSymbol; },
    get integer () { return integer; },
    get uinteger () { return uinteger; }
});

var require$$1 = /*@__PURE__*/getAugmentedNamespace(main$3);

var line = {};

var hasRequiredLine;

function requireLine () {
	if (hasRequiredLine) return line;
	hasRequiredLine = 1;
	Object.defineProperty(line, "__esModule", { value: true });
	line.Line = void 0;
	class Line {
	    constructor(document, range) {
	        this.document = document;
	        this.range = range;
	    }
	    getRange() {
	        return this.range;
	    }
	    getTextContent() {
	        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
	    }
	    isAfter(line) {
	        return this.range.start.line > line.range.start.line;
	    }
	    isBefore(line) {
	        return this.range.start.line < line;
	    }
	}
	line.Line = Line;
	return line;
}

var util = {};

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.Util = void 0;
	class Util {
	    static isUTF8BOM(char) {
	        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
	        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
	    }
	    static isWhitespace(char) {
	        return char === ' ' || char === '\t' || Util.isNewline(char);
	    }
	    static isNewline(char) {
	        return char === '\r' || char === '\n';
	    }
	    static findLeadingNonWhitespace(content, escapeChar) {
	        whitespaceCheck: for (let i = 0; i < content.length; i++) {
	            switch (content.charAt(i)) {
	                case ' ':
	                case '\t':
	                    continue;
	                case escapeChar:
	                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
	                        switch (content.charAt(j)) {
	                            case ' ':
	                            case '\t':
	                                continue;
	                            case '\r':
	                                // offset one more for \r\n
	                                i = j + 1;
	                                continue whitespaceCheck;
	                            case '\n':
	                                i = j;
	                                continue whitespaceCheck;
	                            default:
	                                break escapeCheck;
	                        }
	                    }
	                    // found an escape character and then reached EOF
	                    return -1;
	                default:
	                    return i;
	            }
	        }
	        // only possible if the content is the empty string
	        return -1;
	    }
	    /**
	     * Determines if the given position is contained within the given range.
	     *
	     * @param position the position to check
	     * @param range the range to see if the position is inside of
	     */
	    static isInsideRange(position, range) {
	        if (range.start.line === range.end.line) {
	            return range.start.line === position.line
	                && range.start.character <= position.character
	                && position.character <= range.end.character;
	        }
	        else if (range.start.line === position.line) {
	            return range.start.character <= position.character;
	        }
	        else if (range.end.line === position.line) {
	            return position.character <= range.end.character;
	        }
	        return range.start.line < position.line && position.line < range.end.line;
	    }
	    static parseHeredocName(value) {
	        value = value.substring(2);
	        if (value.charAt(0) === '-') {
	            value = value.substring(1);
	        }
	        if (value.charAt(0) === '"') {
	            if (value.charAt(value.length - 1) !== '"') {
	                return null;
	            }
	            value = value.substring(1, value.length - 1);
	        }
	        if (value.charAt(0) === '\'') {
	            if (value.charAt(value.length - 1) !== '\'') {
	                return null;
	            }
	            value = value.substring(1, value.length - 1);
	        }
	        if (value.charAt(0) === "<") {
	            return null;
	        }
	        return value;
	    }
	}
	util.Util = Util;
	return util;
}

var hasRequiredComment;

function requireComment () {
	if (hasRequiredComment) return comment;
	hasRequiredComment = 1;
	Object.defineProperty(comment, "__esModule", { value: true });
	comment.Comment = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const line_1 = requireLine();
	const util_1 = requireUtil();
	class Comment extends line_1.Line {
	    constructor(document, range) {
	        super(document, range);
	    }
	    toString() {
	        const content = this.getContent();
	        if (content) {
	            return "# " + content;
	        }
	        return "#";
	    }
	    /**
	     * Returns the content of this comment. This excludes leading and
	     * trailing whitespace as well as the # symbol. If the comment only
	     * consists of whitespace, the empty string will be returned.
	     */
	    getContent() {
	        let range = this.getContentRange();
	        if (range === null) {
	            return "";
	        }
	        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
	    }
	    /**
	     * Returns a range that includes the content of the comment
	     * excluding any leading and trailing whitespace as well as the #
	     * symbol. May return null if the comment only consists of whitespace
	     * characters.
	     */
	    getContentRange() {
	        let range = this.getRange();
	        const startOffset = this.document.offsetAt(range.start);
	        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
	        let start = -1;
	        let end = -1;
	        // skip the first # symbol
	        for (let i = 1; i < raw.length; i++) {
	            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
	                start = i;
	                break;
	            }
	        }
	        if (start === -1) {
	            return null;
	        }
	        // go backwards up to the first # symbol
	        for (let i = raw.length - 1; i >= 1; i--) {
	            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
	                end = i + 1;
	                break;
	            }
	        }
	        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
	    }
	}
	comment.Comment = Comment;
	return comment;
}

var parser = {};

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Microsoft Corporation. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */
class FullTextDocument {
    constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = undefined;
    }
    get uri() {
        return this._uri;
    }
    get languageId() {
        return this._languageId;
    }
    get version() {
        return this._version;
    }
    getText(range) {
        if (range) {
            const start = this.offsetAt(range.start);
            const end = this.offsetAt(range.end);
            return this._content.substring(start, end);
        }
        return this._content;
    }
    update(changes, version) {
        for (const change of changes) {
            if (FullTextDocument.isIncremental(change)) {
                // makes sure start is before end
                const range = getWellformedRange(change.range);
                // update content
                const startOffset = this.offsetAt(range.start);
                const endOffset = this.offsetAt(range.end);
                this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                const insertedEndOffset = startOffset + change.text.length;
                const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                if (crlfAtStart || crlfAtEnd) {
                    // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                    this._lineOffsets = undefined;
                    continue;
                }
                // update the offsets
                const startLine = Math.max(range.start.line, 0);
                const endLine = Math.max(range.end.line, 0);
                let lineOffsets = this._lineOffsets;
                const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                if (endLine - startLine === addedLineOffsets.length) {
                    for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                        lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                    }
                }
                else {
                    if (addedLineOffsets.length < 10000) {
                        lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
                    }
                    else { // avoid too many arguments for splice
                        this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                    }
                }
                const diff = change.text.length - (endOffset - startOffset);
                if (diff !== 0) {
                    for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                        lineOffsets[i] = lineOffsets[i] + diff;
                    }
                }
            }
            else if (FullTextDocument.isFull(change)) {
                this._content = change.text;
                this._lineOffsets = undefined;
            }
            else {
                throw new Error('Unknown change event received');
            }
        }
        this._version = version;
    }
    getLineOffsets() {
        if (this._lineOffsets === undefined) {
            this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
    }
    positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
            return { line: 0, character: offset };
        }
        while (low < high) {
            const mid = Math.floor((low + high) / 2);
            if (lineOffsets[mid] > offset) {
                high = mid;
            }
            else {
                low = mid + 1;
            }
        }
        // low is the least x for which the line offset is larger than the current offset
        // or array.length if no line offset is larger than the current offset
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
    }
    offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
            return this._content.length;
        }
        else if (position.line < 0) {
            return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
            return lineOffset;
        }
        const nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
    }
    getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
            const lastLine = lineOffsets.length - 1;
            return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        }
        else if (line < 0) {
            return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
    }
    getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
            return '';
        }
        else if (line < 0) {
            return '';
        }
        const nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
    }
    ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
            offset--;
        }
        return offset;
    }
    get lineCount() {
        return this.getLineOffsets().length;
    }
    static isIncremental(event) {
        const candidate = event;
        return candidate !== undefined && candidate !== null &&
            typeof candidate.text === 'string' && candidate.range !== undefined &&
            (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
    }
    static isFull(event) {
        const candidate = event;
        return candidate !== undefined && candidate !== null &&
            typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
    }
}
var TextDocument;
(function (TextDocument) {
    /**
     * Creates a new text document.
     *
     * @param uri The document's uri.
     * @param languageId  The document's language Id.
     * @param version The document's initial version number.
     * @param content The document's content.
     */
    function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
    }
    TextDocument.create = create;
    /**
     * Updates a TextDocument by modifying its content.
     *
     * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
     * @param changes the changes to apply to the document.
     * @param version the changes version for the document.
     * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
     *
     */
    function update(document, changes, version) {
        if (document instanceof FullTextDocument) {
            document.update(changes, version);
            return document;
        }
        else {
            throw new Error('TextDocument.update: document must be created by TextDocument.create');
        }
    }
    TextDocument.update = update;
    function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
            const diff = a.range.start.line - b.range.start.line;
            if (diff === 0) {
                return a.range.start.character - b.range.start.character;
            }
            return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
            const startOffset = document.offsetAt(e.range.start);
            if (startOffset < lastModifiedOffset) {
                throw new Error('Overlapping edit');
            }
            else if (startOffset > lastModifiedOffset) {
                spans.push(text.substring(lastModifiedOffset, startOffset));
            }
            if (e.newText.length) {
                spans.push(e.newText);
            }
            lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join('');
    }
    TextDocument.applyEdits = applyEdits;
})(TextDocument || (TextDocument = {}));
function mergeSort(data, compare) {
    if (data.length <= 1) {
        // sorted
        return data;
    }
    const p = (data.length / 2) | 0;
    const left = data.slice(0, p);
    const right = data.slice(p);
    mergeSort(left, compare);
    mergeSort(right, compare);
    let leftIdx = 0;
    let rightIdx = 0;
    let i = 0;
    while (leftIdx < left.length && rightIdx < right.length) {
        const ret = compare(left[leftIdx], right[rightIdx]);
        if (ret <= 0) {
            // smaller_equal -> take left to preserve order
            data[i++] = left[leftIdx++];
        }
        else {
            // greater -> take right
            data[i++] = right[rightIdx++];
        }
    }
    while (leftIdx < left.length) {
        data[i++] = left[leftIdx++];
    }
    while (rightIdx < right.length) {
        data[i++] = right[rightIdx++];
    }
    return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
    const result = isAtLineStart ? [textOffset] : [];
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (isEOL(ch)) {
            if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                i++;
            }
            result.push(textOffset + i + 1);
        }
    }
    return result;
}
function isEOL(char) {
    return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
}
function getWellformedRange(range) {
    const start = range.start;
    const end = range.end;
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
        return { start: end, end: start };
    }
    return range;
}
function getWellformedEdit(textEdit) {
    const range = getWellformedRange(textEdit.range);
    if (range !== textEdit.range) {
        return { newText: textEdit.newText, range };
    }
    return textEdit;
}

var main$2 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    get TextDocument () { return TextDocument; }
});

var require$$0 = /*@__PURE__*/getAugmentedNamespace(main$2);

var parserDirective = {};

var hasRequiredParserDirective;

function requireParserDirective () {
	if (hasRequiredParserDirective) return parserDirective;
	hasRequiredParserDirective = 1;
	Object.defineProperty(parserDirective, "__esModule", { value: true });
	parserDirective.ParserDirective = void 0;
	const main_1 = requireMain$1();
	const line_1 = requireLine();
	class ParserDirective extends line_1.Line {
	    constructor(document, range, nameRange, valueRange) {
	        super(document, range);
	        this.nameRange = nameRange;
	        this.valueRange = valueRange;
	    }
	    toString() {
	        return "# " + this.getName() + '=' + this.getValue();
	    }
	    getNameRange() {
	        return this.nameRange;
	    }
	    getValueRange() {
	        return this.valueRange;
	    }
	    getName() {
	        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
	    }
	    getValue() {
	        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
	    }
	    getDirective() {
	        const directive = main_1.Directive[this.getName().toLowerCase()];
	        return directive === undefined ? null : directive;
	    }
	}
	parserDirective.ParserDirective = ParserDirective;
	return parserDirective;
}

var instruction = {};

var heredoc = {};

var hasRequiredHeredoc;

function requireHeredoc () {
	if (hasRequiredHeredoc) return heredoc;
	hasRequiredHeredoc = 1;
	Object.defineProperty(heredoc, "__esModule", { value: true });
	heredoc.Heredoc = void 0;
	/**
	 * Heredoc represents a here-document that has been embedded in a
	 * Dockerfile.
	 *
	 * This API is experimental and subject to change.
	 */
	class Heredoc {
	    constructor(startRange, name, nameRange, contentRange, endRange) {
	        this.startRange = startRange;
	        this.name = name;
	        this.nameRange = nameRange;
	        this.contentRange = contentRange;
	        this.endRange = endRange;
	    }
	    /**
	     * Returns the name of the here-document.
	     *
	     * This API is experimental and subject to change.
	     */
	    getName() {
	        return this.name;
	    }
	    /**
	     * Returns the range of the start operator and the name. If the
	     * here-document is initialized with <<EOT then the start range would
	     * encompass all five characters.
	     *
	     * This API is experimental and subject to change.
	     */
	    getStartRange() {
	        return this.startRange;
	    }
	    /**
	     * Returns the range of this here-document's name that is declared at
	     * the beginning of the here-document with the operator. If the
	     * here-document is initialized with <<EOT then the name range would
	     * encompass the latter three "EOT" characters.
	     *
	     * This API is experimental and subject to change.
	     */
	    getNameRange() {
	        return this.nameRange;
	    }
	    /**
	     * Returns the range of the content of this here-document. This may
	     * be null if the here-document has no content because:
	     * - the start range is the only thing that was declared
	     * - the end range was declared immediately and there is no content
	     *
	     * This API is experimental and subject to change.
	     */
	    getContentRange() {
	        return this.contentRange;
	    }
	    /**
	     * Returns the range of the here-document's name on a line that
	     * represents the end of the here-document.
	     *
	     * This API is experimental and subject to change.
	     */
	    getDelimiterRange() {
	        return this.endRange;
	    }
	}
	heredoc.Heredoc = Heredoc;
	return heredoc;
}

var variable = {};

var hasRequiredVariable;

function requireVariable () {
	if (hasRequiredVariable) return variable;
	hasRequiredVariable = 1;
	Object.defineProperty(variable, "__esModule", { value: true });
	variable.Variable = void 0;
	class Variable {
	    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
	        this.name = name;
	        this.nameRange = nameRange;
	        this.range = range;
	        this.modifier = modifier;
	        this.modifierRange = modifierRange;
	        this.substitutionParameter = substitutionParameter;
	        this.substitutionRange = substitutionRange;
	        this.defined = defined;
	        this.buildVariable = buildVariable;
	        this.stringValue = stringValue;
	    }
	    toString() {
	        return this.stringValue;
	    }
	    getName() {
	        return this.name;
	    }
	    getNameRange() {
	        return this.nameRange;
	    }
	    /**
	     * Returns the range of the entire variable. This includes the symbols for
	     * the declaration of the variable such as the $, {, and } symbols.
	     *
	     * @return the range in the document that this variable encompasses in its
	     *         entirety
	     */
	    getRange() {
	        return this.range;
	    }
	    /**
	     * Returns the modifier character that has been set for
	     * specifying how this variable should be expanded and resolved.
	     * If this variable is ${variable:+value} then the modifier
	     * character is '+'. Will be the empty string if the variable is
	     * declared as ${variable:}. Otherwise, will be null if this
	     * variable will not use variable substitution at all (such as
	     * ${variable} or $variable).
	     *
	     * @return this variable's modifier character, or the empty
	     *         string if it does not have one, or null if this
	     *         variable will not use variable substitution
	     */
	    getModifier() {
	        return this.modifier;
	    }
	    getModifierRange() {
	        return this.modifierRange;
	    }
	    /**
	     * Returns the parameter that will be used for substitution if
	     * this variable uses modifiers to define how its value should be
	     * resolved. If this variable is ${variable:+value} then the
	     * substitution value will be 'value'. Will be the empty string
	     * if the variable is declared as ${variable:+} or some other
	     * variant where the only thing that follows the modifier
	     * character (excluding considerations of escape characters and
	     * so on) is the variable's closing bracket. May be null if this
	     * variable does not have a modifier character defined (such as
	     * ${variable} or $variable).
	     *
	     * @return this variable's substitution parameter, or the empty
	     *         string if it does not have one, or null if there is
	     *         not one defined
	     */
	    getSubstitutionParameter() {
	        return this.substitutionParameter;
	    }
	    getSubstitutionRange() {
	        return this.substitutionRange;
	    }
	    /**
	     * Returns whether this variable has been defined or not.
	     *
	     * @return true if this variable has been defined, false otherwise
	     */
	    isDefined() {
	        return this.defined;
	    }
	    isBuildVariable() {
	        return this.buildVariable === true;
	    }
	    isEnvironmentVariable() {
	        return this.buildVariable === false;
	    }
	}
	variable.Variable = Variable;
	return variable;
}

var hasRequiredInstruction;

function requireInstruction () {
	if (hasRequiredInstruction) return instruction;
	hasRequiredInstruction = 1;
	Object.defineProperty(instruction, "__esModule", { value: true });
	instruction.Instruction = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const util_1 = requireUtil();
	const line_1 = requireLine();
	const argument_1 = requireArgument();
	const heredoc_1 = requireHeredoc();
	const variable_1 = requireVariable();
	const main_1 = requireMain$1();
	class Instruction extends line_1.Line {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range);
	        this.dockerfile = dockerfile;
	        this.escapeChar = escapeChar;
	        this.instruction = instruction;
	        this.instructionRange = instructionRange;
	    }
	    toString() {
	        let value = this.getKeyword();
	        for (let arg of this.getRawArguments()) {
	            value += ' ';
	            value += arg.getValue();
	        }
	        return value;
	    }
	    getRangeContent(range) {
	        if (range === null) {
	            return null;
	        }
	        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
	    }
	    getInstructionRange() {
	        return this.instructionRange;
	    }
	    getInstruction() {
	        return this.instruction;
	    }
	    getKeyword() {
	        return this.getInstruction().toUpperCase();
	    }
	    getArgumentsRange() {
	        let args = this.getArguments();
	        if (args.length === 0) {
	            return null;
	        }
	        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
	    }
	    getArgumentsRanges() {
	        let args = this.getArguments();
	        if (args.length === 0) {
	            return [];
	        }
	        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
	            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
	        }
	        let ranges = [];
	        let end = -1;
	        let startPosition = args[0].getRange().start;
	        let range = this.getInstructionRange();
	        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
	        let content = this.getTextContent();
	        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
	        let offset = this.document.offsetAt(range.start) + extra;
	        let comment = false;
	        for (let i = 0; i < fullArgs.length; i++) {
	            let char = fullArgs.charAt(i);
	            if (char === this.escapeChar) {
	                let next = fullArgs.charAt(i + 1);
	                if (next === ' ' || next === '\t') {
	                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
	                        switch (fullArgs.charAt(j)) {
	                            case ' ':
	                            case '\t':
	                                continue;
	                            case '\r':
	                                j++;
	                            case '\n':
	                                if (startPosition !== null) {
	                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
	                                }
	                                startPosition = null;
	                                comment = false;
	                                i = j;
	                                break whitespaceCheck;
	                            default:
	                                break whitespaceCheck;
	                        }
	                    }
	                }
	                else if (next === '\r') {
	                    if (startPosition !== null) {
	                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
	                        startPosition = null;
	                    }
	                    comment = false;
	                    i += 2;
	                }
	                else if (next === '\n') {
	                    if (startPosition !== null) {
	                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
	                    }
	                    startPosition = null;
	                    comment = false;
	                    i++;
	                }
	                else {
	                    i++;
	                }
	            }
	            else if (util_1.Util.isNewline(char)) {
	                if (comment) {
	                    startPosition = null;
	                    comment = false;
	                }
	            }
	            else {
	                if (!comment) {
	                    if (startPosition === null) {
	                        if (char === '#') {
	                            comment = true;
	                            continue;
	                        }
	                        let position = this.document.positionAt(offset + i);
	                        if (position.character !== 0) {
	                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
	                        }
	                    }
	                    end = i;
	                }
	            }
	        }
	        if (startPosition === null) {
	            // should only happen if the last argument is on its own line with
	            // no leading whitespace
	            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
	        }
	        else {
	            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
	        }
	        return ranges;
	    }
	    getRawArgumentsContent() {
	        let args = this.getArguments();
	        if (args.length === 0) {
	            return null;
	        }
	        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
	    }
	    getArgumentsContent() {
	        let args = this.getArguments();
	        if (args.length === 0) {
	            return null;
	        }
	        let content = "";
	        let ranges = this.getArgumentsRanges();
	        let documentText = this.document.getText();
	        for (let range of ranges) {
	            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
	        }
	        return content;
	    }
	    getArguments() {
	        return this.getRawArguments();
	    }
	    getRawArguments() {
	        let args = [];
	        let range = this.getInstructionRange();
	        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
	        let content = this.getTextContent();
	        let fullArgs = content.substring(extra);
	        let offset = this.document.offsetAt(range.start) + extra;
	        let start = false;
	        let comment = false;
	        let found = -1;
	        // determines whether the parser has found a space or tab
	        // whitespace character that's a part of an escaped newline sequence
	        let escapedWhitespaceDetected = false;
	        // determines if the parser is currently in an escaped newline sequence
	        let escaping = false;
	        let escapeMarker = -1;
	        let escapedArg = "";
	        for (let i = 0; i < fullArgs.length; i++) {
	            let char = fullArgs.charAt(i);
	            if (util_1.Util.isWhitespace(char)) {
	                if (escaping) {
	                    escapedWhitespaceDetected = true;
	                    if (util_1.Util.isNewline(char)) {
	                        // reached a newline, any previously
	                        // detected whitespace should be ignored
	                        escapedWhitespaceDetected = false;
	                        if (comment) {
	                            // reached a newline, no longer in a comment
	                            comment = false;
	                            start = true;
	                        }
	                    }
	                    continue;
	                }
	                else if (found !== -1) {
	                    if (escapeMarker === -1) {
	                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
	                    }
	                    else {
	                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
	                    }
	                    escapeMarker = -1;
	                    escapedArg = "";
	                    found = -1;
	                }
	            }
	            else if (char === this.escapeChar) {
	                let next = fullArgs.charAt(i + 1);
	                if (next === ' ' || next === '\t') {
	                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
	                        let newlineCheck = fullArgs.charAt(j);
	                        switch (newlineCheck) {
	                            case ' ':
	                            case '\t':
	                                continue;
	                            case '\r':
	                                j++;
	                            case '\n':
	                                comment = false;
	                                escaping = true;
	                                start = true;
	                                if (found !== -1) {
	                                    escapeMarker = i;
	                                }
	                                i = j;
	                                break whitespaceCheck;
	                            default:
	                                escapeMarker = i;
	                                if (found === -1) {
	                                    i = j - 1;
	                                }
	                                break whitespaceCheck;
	                        }
	                    }
	                }
	                else if (next === '\r') {
	                    comment = false;
	                    escaping = true;
	                    start = true;
	                    if (found !== -1 && escapeMarker === -1) {
	                        escapeMarker = i;
	                    }
	                    i += 2;
	                }
	                else if (next === '\n') {
	                    comment = false;
	                    escaping = true;
	                    start = true;
	                    if (found !== -1 && escapeMarker === -1) {
	                        escapeMarker = i;
	                    }
	                    i++;
	                }
	                else {
	                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
	                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
	                        escapedArg = "";
	                        found = -1;
	                    }
	                    escapeMarker = -1;
	                    escapedWhitespaceDetected = false;
	                    escaping = false;
	                    if (next === '$') {
	                        escapedArg = escapedArg + char + next;
	                    }
	                    else if (next === '') {
	                        // reached EOF, stop processing
	                        break;
	                    }
	                    else {
	                        escapedArg = escapedArg + next;
	                    }
	                    if (found === -1) {
	                        found = i;
	                    }
	                    i++;
	                }
	            }
	            else if (!comment) {
	                if (start && char === '#') {
	                    comment = true;
	                }
	                else {
	                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
	                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
	                        escapedArg = "";
	                        found = -1;
	                    }
	                    escapedWhitespaceDetected = false;
	                    escaping = false;
	                    escapeMarker = -1;
	                    escapedArg = escapedArg + char;
	                    if (found === -1) {
	                        found = i;
	                    }
	                }
	                // non-whitespace character detected, reset
	                start = false;
	            }
	        }
	        if (found !== -1) {
	            if (escapeMarker === -1) {
	                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
	            }
	            else {
	                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
	            }
	        }
	        return args;
	    }
	    getExpandedArguments() {
	        let args = this.getArguments();
	        for (let i = 0; i < args.length; i++) {
	            const argRange = args[i].getRange();
	            let offset = this.document.offsetAt(argRange.start);
	            const variables = this.parseVariables(offset, args[i].getValue());
	            const swaps = [];
	            let requiresExpansion = false;
	            for (let variable of variables) {
	                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
	                swaps.push(value);
	                requiresExpansion = requiresExpansion || value !== undefined;
	            }
	            if (requiresExpansion) {
	                let expanded = "";
	                for (let j = 0; j < swaps.length; j++) {
	                    const variableRange = variables[j].getRange();
	                    const start = this.document.offsetAt(variableRange.start);
	                    const end = this.document.offsetAt(variableRange.end);
	                    if (swaps[j]) {
	                        // replace variable with its resolved value
	                        expanded += this.document.getText().substring(offset, start);
	                        expanded += swaps[j];
	                        offset = end;
	                    }
	                    else {
	                        expanded += this.document.getText().substring(offset, end);
	                        offset = end;
	                    }
	                }
	                const argEnd = this.document.offsetAt(argRange.end);
	                if (argEnd !== offset) {
	                    // if the variable's range doesn't match the argument,
	                    // append the remaining text
	                    expanded += this.document.getText().substring(offset, argEnd);
	                }
	                args[i] = new argument_1.Argument(expanded, argRange);
	            }
	        }
	        return args;
	    }
	    getVariables() {
	        const variables = [];
	        const args = this.getRawArguments();
	        for (const arg of args) {
	            let range = arg.getRange();
	            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
	            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
	            for (const parsedVariable of parsedVariables) {
	                variables.push(parsedVariable);
	            }
	        }
	        return variables;
	    }
	    parseVariables(offset, arg) {
	        let variables = [];
	        variableLoop: for (let i = 0; i < arg.length; i++) {
	            switch (arg.charAt(i)) {
	                case this.escapeChar:
	                    if (arg.charAt(i + 1) === '$') {
	                        i++;
	                    }
	                    break;
	                case '$':
	                    if (arg.charAt(i + 1) === '{') {
	                        let escapedString = "${";
	                        let escapedName = "";
	                        let nameEnd = -1;
	                        let escapedSubstitutionParameter = "";
	                        let substitutionStart = -1;
	                        let substitutionEnd = -1;
	                        let modifierRead = -1;
	                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
	                            let char = arg.charAt(j);
	                            switch (char) {
	                                case this.escapeChar:
	                                    for (let k = j + 1; k < arg.length; k++) {
	                                        switch (arg.charAt(k)) {
	                                            case ' ':
	                                            case '\t':
	                                            case '\r':
	                                                // ignore whitespace
	                                                continue;
	                                            case '\n':
	                                                // escape this newline
	                                                j = k;
	                                                continue nameLoop;
	                                        }
	                                    }
	                                    break;
	                                case '}':
	                                    escapedString += '}';
	                                    let modifier = null;
	                                    let modifierRange = null;
	                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
	                                    let substitutionRange = null;
	                                    if (nameEnd === -1) {
	                                        nameEnd = j;
	                                    }
	                                    else if (nameEnd + 1 === j) {
	                                        modifier = "";
	                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
	                                    }
	                                    else {
	                                        if (substitutionStart === -1) {
	                                            // no substitution parameter found,
	                                            // but a modifier character existed,
	                                            // just offset the range by 1 from
	                                            // the modifier character
	                                            substitutionStart = modifierRead + 1;
	                                            substitutionEnd = modifierRead + 1;
	                                        }
	                                        else {
	                                            // offset one more from the last
	                                            // character found
	                                            substitutionEnd = substitutionEnd + 1;
	                                        }
	                                        modifier = arg.substring(modifierRead, modifierRead + 1);
	                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
	                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
	                                    }
	                                    let start = this.document.positionAt(offset + i);
	                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
	                                    i = j;
	                                    continue variableLoop;
	                                case ':':
	                                    if (nameEnd === -1) {
	                                        nameEnd = j;
	                                    }
	                                    else if (modifierRead !== -1) {
	                                        if (substitutionStart === -1) {
	                                            substitutionStart = j;
	                                            substitutionEnd = j;
	                                        }
	                                        else {
	                                            substitutionEnd = j;
	                                        }
	                                        escapedSubstitutionParameter += ':';
	                                    }
	                                    else {
	                                        modifierRead = j;
	                                    }
	                                    escapedString += ':';
	                                    break;
	                                case '\n':
	                                case '\r':
	                                case ' ':
	                                case '\t':
	                                    break;
	                                default:
	                                    if (nameEnd === -1) {
	                                        escapedName += char;
	                                    }
	                                    else if (modifierRead !== -1) {
	                                        if (substitutionStart === -1) {
	                                            substitutionStart = j;
	                                            substitutionEnd = j;
	                                        }
	                                        else {
	                                            substitutionEnd = j;
	                                        }
	                                        escapedSubstitutionParameter += char;
	                                    }
	                                    else {
	                                        modifierRead = j;
	                                    }
	                                    escapedString += char;
	                                    break;
	                            }
	                        }
	                        // no } found, not a valid variable, stop processing
	                        break variableLoop;
	                    }
	                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
	                        // $ followed by whitespace or EOF, ignore this variable
	                        continue;
	                    }
	                    else {
	                        let escapedName = "";
	                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
	                            let char = arg.charAt(j);
	                            switch (char) {
	                                case '\r':
	                                case '\n':
	                                case ' ':
	                                case '\t':
	                                    continue;
	                                case '$':
	                                case '\'':
	                                case '"':
	                                    let varStart = this.document.positionAt(offset + i);
	                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
	                                    i = j - 1;
	                                    continue variableLoop;
	                                case this.escapeChar:
	                                    for (let k = j + 1; k < arg.length; k++) {
	                                        switch (arg.charAt(k)) {
	                                            case ' ':
	                                            case '\t':
	                                            case '\r':
	                                                // ignore whitespace
	                                                continue;
	                                            case '\n':
	                                                // escape this newline
	                                                j = k;
	                                                continue nameLoop;
	                                        }
	                                    }
	                                    // reached EOF after an escape character
	                                    let start = this.document.positionAt(offset + i);
	                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
	                                    break variableLoop;
	                            }
	                            if (char.match(/^[a-z0-9_]+$/i) === null) {
	                                let varStart = this.document.positionAt(offset + i);
	                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
	                                i = j - 1;
	                                continue variableLoop;
	                            }
	                            escapedName += char;
	                        }
	                        let start = this.document.positionAt(offset + i);
	                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
	                    }
	                    break variableLoop;
	            }
	        }
	        return variables;
	    }
	    isBuildVariable(variable, line) {
	        if (this.getKeyword() === main_1.Keyword.FROM) {
	            for (const initialArg of this.dockerfile.getInitialARGs()) {
	                const arg = initialArg;
	                const property = arg.getProperty();
	                if (property && variable === property.getName()) {
	                    return true;
	                }
	            }
	            return undefined;
	        }
	        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
	        let envs = image.getENVs();
	        for (let i = envs.length - 1; i >= 0; i--) {
	            if (envs[i].isBefore(line)) {
	                for (let property of envs[i].getProperties()) {
	                    if (property.getName() === variable) {
	                        return false;
	                    }
	                }
	            }
	        }
	        let args = image.getARGs();
	        for (let i = args.length - 1; i >= 0; i--) {
	            if (args[i].isBefore(line)) {
	                let property = args[i].getProperty();
	                if (property && property.getName() === variable) {
	                    return true;
	                }
	            }
	        }
	        return undefined;
	    }
	    createSingleLineHeredocs(args) {
	        const heredocs = [];
	        // instruction only on one line, if heredocs exist they would be incomplete
	        for (const arg of args) {
	            const value = arg.getValue();
	            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
	                const startRange = arg.getRange();
	                const nameRange = this.getNameRange(startRange);
	                const name = this.getName(nameRange);
	                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
	            }
	        }
	        return heredocs;
	    }
	    getName(nameRange) {
	        const content = this.document.getText(nameRange);
	        let escaping = false;
	        let name = "";
	        nameLoop: for (let i = 0; i < content.length; i++) {
	            const ch = content.charAt(i);
	            switch (ch) {
	                case this.escapeChar:
	                    escaping = true;
	                    for (let j = i + 1; j < content.length; j++) {
	                        switch (content.charAt(j)) {
	                            case ' ':
	                            case '\t':
	                                break;
	                            case '\r':
	                                i = j + 1;
	                                continue nameLoop;
	                            case '\n':
	                                i = j;
	                                continue nameLoop;
	                            default:
	                                name += content.charAt(j);
	                                i = j;
	                                continue nameLoop;
	                        }
	                    }
	                    break;
	                case '#':
	                    if (escaping) {
	                        for (let j = i + 1; j < content.length; j++) {
	                            switch (content.charAt(j)) {
	                                case '\n':
	                                    i = j;
	                                    continue nameLoop;
	                            }
	                        }
	                    }
	                case ' ':
	                case '\t':
	                case '\r':
	                case '\n':
	                    if (escaping) {
	                        break;
	                    }
	                default:
	                    name += ch;
	                    break;
	            }
	        }
	        return name;
	    }
	    getNameRange(startRange) {
	        const content = this.document.getText(startRange);
	        let endFound = false;
	        let searchHyphen = false;
	        let start = -1;
	        let end = -1;
	        let escaping = false;
	        let quote = null;
	        contentLoop: for (let i = 0; i < content.length; i++) {
	            const ch = content.charAt(i);
	            switch (ch) {
	                case '"':
	                case '\'':
	                    if (quote === ch) {
	                        break contentLoop;
	                    }
	                    quote = ch;
	                    continue;
	                case this.escapeChar:
	                    for (let j = i + 1; j < content.length; j++) {
	                        switch (content.charAt(j)) {
	                            case '\n':
	                                escaping = true;
	                                j = i;
	                                continue contentLoop;
	                        }
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                case '\r':
	                case '\n':
	                    break;
	                case '<':
	                    if (endFound) {
	                        searchHyphen = true;
	                    }
	                    else {
	                        endFound = true;
	                    }
	                    break;
	                case '-':
	                    if (searchHyphen) {
	                        searchHyphen = false;
	                        break;
	                    }
	                case '#':
	                    if (escaping) {
	                        for (let j = i + 1; j < content.length; j++) {
	                            switch (content.charAt(j)) {
	                                case '\n':
	                                    i = j;
	                                    continue contentLoop;
	                            }
	                        }
	                    }
	                default:
	                    if (start === -1) {
	                        start = i;
	                    }
	                    if (quote !== null) {
	                        end = i + 1;
	                        break;
	                    }
	                    break contentLoop;
	            }
	        }
	        if (start === -1) {
	            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
	        }
	        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
	        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
	        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
	    }
	    getHeredocs() {
	        const args = this.getArguments();
	        if (args.length === 0) {
	            return [];
	        }
	        const heredocs = [];
	        const range = this.getRange();
	        if (range.start.line === range.end.line) {
	            // instruction only on one line, if heredocs exist they would be incomplete
	            return this.createSingleLineHeredocs(args);
	        }
	        const heredocDefinitions = [];
	        let heredocsProcessed = false;
	        let escaping = false;
	        let contentStart = -1;
	        let contentEnd = -1;
	        let lineStart = -1;
	        let currentHeredoc = 0;
	        const startOffset = this.document.offsetAt(args[0].getRange().start);
	        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
	        contentLoop: for (let i = 0; i < content.length; i++) {
	            switch (content.charAt(i)) {
	                case this.escapeChar:
	                    escaping = true;
	                    for (let j = i + 1; j < content.length; j++) {
	                        switch (content.charAt(j)) {
	                            case ' ':
	                            case '\t':
	                                break;
	                            case '\r':
	                                j++;
	                            case '\n':
	                                i = j;
	                                continue contentLoop;
	                            default:
	                                i = j;
	                                continue contentLoop;
	                        }
	                    }
	                    break;
	                case '\r':
	                    break;
	                case '\n':
	                    if (escaping) {
	                        break;
	                    }
	                    if (heredocsProcessed) {
	                        if (contentStart === -1) {
	                            contentStart = i;
	                        }
	                        contentEnd = i;
	                        const arg = heredocDefinitions[currentHeredoc];
	                        const startRange = arg.getRange();
	                        const nameRange = this.getNameRange(startRange);
	                        const name = this.getName(nameRange);
	                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
	                        if (delimiterRange !== null) {
	                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
	                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
	                            contentStart = -1;
	                            currentHeredoc++;
	                        }
	                        lineStart = -1;
	                    }
	                    else {
	                        // found a newline that hasn't been escaped,
	                        // must be in a heredoc
	                        const offsetLimit = startOffset + i;
	                        for (const arg of args) {
	                            // check if this argument is on the initial line of the instruction,
	                            // note that it may not all be on the same line due to escaped newlines,
	                            // because of that we need to use offset checks instead of line checks
	                            // as an argument being on a different line in the document does not
	                            // imply it is on a different line from the Dockerfile's point of view
	                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
	                                if (arg.getValue().startsWith("<<")) {
	                                    heredocDefinitions.push(arg);
	                                }
	                            }
	                            else {
	                                break;
	                            }
	                        }
	                        heredocsProcessed = true;
	                        lineStart = -1;
	                        continue contentLoop;
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                    if (escaping) {
	                        break;
	                    }
	                case '#':
	                    if (escaping) {
	                        for (let j = i + 1; j < content.length; j++) {
	                            switch (content.charAt(j)) {
	                                case '\n':
	                                    i = j;
	                                    continue contentLoop;
	                            }
	                        }
	                    }
	                default:
	                    if (escaping) {
	                        escaping = false;
	                    }
	                    if (heredocsProcessed) {
	                        if (contentStart === -1) {
	                            contentStart = i;
	                        }
	                        if (lineStart === -1) {
	                            lineStart = i;
	                        }
	                    }
	                    break;
	            }
	        }
	        if (heredocsProcessed) {
	            const arg = heredocDefinitions[currentHeredoc];
	            const startRange = arg.getRange();
	            const nameRange = this.getNameRange(startRange);
	            const name = this.getName(nameRange);
	            let contentRange = null;
	            // check if the last line of this instruction matches the name of the last heredoc
	            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
	            if (delimiterRange === null) {
	                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
	            }
	            else if (contentEnd !== -1) {
	                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
	            }
	            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
	            currentHeredoc++;
	            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
	                const arg = heredocDefinitions[currentHeredoc];
	                const startRange = arg.getRange();
	                const nameRange = this.getNameRange(startRange);
	                const name = this.getName(nameRange);
	                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
	                currentHeredoc++;
	            }
	        }
	        else {
	            // instruction only on one line, if heredocs exist they would be incomplete
	            return this.createSingleLineHeredocs(args);
	        }
	        return heredocs;
	    }
	    getDelimiterRange(startArg, name, candidateRange) {
	        const text = this.document.getText(candidateRange);
	        if (startArg.getValue().startsWith("<<-")) {
	            // remove tabs in the front
	            let index = 0;
	            while (text.charAt(index) === '\t') {
	                index++;
	            }
	            if (text.substring(index) === name) {
	                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
	            }
	            return null;
	        }
	        return text === name ? candidateRange : null;
	    }
	}
	instruction.Instruction = Instruction;
	return instruction;
}

var add = {};

var jsonInstruction = {};

var modifiableInstruction = {};

var flag = {};

var flagOption = {};

var hasRequiredFlagOption;

function requireFlagOption () {
	if (hasRequiredFlagOption) return flagOption;
	hasRequiredFlagOption = 1;
	Object.defineProperty(flagOption, "__esModule", { value: true });
	flagOption.FlagOption = void 0;
	class FlagOption {
	    constructor(range, name, nameRange, value, valueRange) {
	        this.range = range;
	        this.name = name;
	        this.nameRange = nameRange;
	        this.value = value;
	        this.valueRange = valueRange;
	    }
	    toString() {
	        if (this.valueRange !== null) {
	            return this.name + "=" + this.value;
	        }
	        return this.name;
	    }
	    getRange() {
	        return this.range;
	    }
	    getName() {
	        return this.name;
	    }
	    getNameRange() {
	        return this.nameRange;
	    }
	    getValue() {
	        return this.value;
	    }
	    getValueRange() {
	        return this.valueRange;
	    }
	}
	flagOption.FlagOption = FlagOption;
	return flagOption;
}

var hasRequiredFlag;

function requireFlag () {
	if (hasRequiredFlag) return flag;
	hasRequiredFlag = 1;
	Object.defineProperty(flag, "__esModule", { value: true });
	flag.Flag = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const flagOption_1 = requireFlagOption();
	class Flag {
	    constructor(document, range, name, nameRange, value, valueRange) {
	        this.options = [];
	        this.range = range;
	        this.name = name;
	        this.nameRange = nameRange;
	        this.value = value;
	        this.valueRange = valueRange;
	        if (this.value !== null) {
	            let offset = document.offsetAt(valueRange.start);
	            let nameStart = -1;
	            let valueStart = -1;
	            let hasOptions = false;
	            for (let i = 0; i < value.length; i++) {
	                switch (value.charAt(i)) {
	                    case '=':
	                        hasOptions = true;
	                        if (valueStart === -1) {
	                            valueStart = i + 1;
	                            break;
	                        }
	                        break;
	                    case ',':
	                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
	                        nameStart = -1;
	                        valueStart = -1;
	                        break;
	                    default:
	                        if (nameStart === -1) {
	                            nameStart = i;
	                        }
	                        break;
	                }
	            }
	            if (hasOptions && nameStart !== -1) {
	                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
	            }
	        }
	    }
	    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
	        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
	        if (valueStart === -1) {
	            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
	        }
	        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
	    }
	    toString() {
	        if (this.valueRange) {
	            return "--" + this.name + "=" + this.value;
	        }
	        return "--" + this.name;
	    }
	    /**
	     * Returns the range that encompasses this entire flag. This includes the
	     * -- prefix in the beginning to the last character of the flag's value (if
	     * it has been defined).
	     *
	     * @return the entire range of this flag
	     */
	    getRange() {
	        return this.range;
	    }
	    /**
	     * Returns the name of this flag. The name does not include the -- prefix.
	     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
	     * not --interval.
	     *
	     * @return this flag's name
	     */
	    getName() {
	        return this.name;
	    }
	    /**
	     * Returns the range that encompasses the flag's name
	     *
	     * @return the range containing the flag's name
	     */
	    getNameRange() {
	        return this.nameRange;
	    }
	    /**
	     * Returns the value that has been set to this flag. May be null if the
	     * flag is invalid and has no value set like a --start-period. If the flag
	     * is instead a --start-period= with an equals sign then the flag's value
	     * is the empty string.
	     *
	     * @return this flag's value if it has been defined, null otherwise
	     */
	    getValue() {
	        return this.value;
	    }
	    /**
	     * Returns the range that encompasses this flag's value. If no value has
	     * been set then null will be returned.
	     *
	     * @return the range containing this flag's value, or null if the flag
	     *         has no value defined
	     */
	    getValueRange() {
	        return this.valueRange;
	    }
	    getOption(name) {
	        for (const option of this.options) {
	            if (option.getName() === name) {
	                return option;
	            }
	        }
	        return null;
	    }
	    getOptions() {
	        return this.options;
	    }
	    hasOptions() {
	        return this.options.length > 0;
	    }
	}
	flag.Flag = Flag;
	return flag;
}

var hasRequiredModifiableInstruction;

function requireModifiableInstruction () {
	if (hasRequiredModifiableInstruction) return modifiableInstruction;
	hasRequiredModifiableInstruction = 1;
	Object.defineProperty(modifiableInstruction, "__esModule", { value: true });
	modifiableInstruction.ModifiableInstruction = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const flag_1 = requireFlag();
	const instruction_1 = requireInstruction();
	class ModifiableInstruction extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    getFlags() {
	        if (!this.flags) {
	            this.flags = [];
	            for (let arg of this.getArguments()) {
	                let value = arg.getValue();
	                if (this.stopSearchingForFlags(value)) {
	                    return this.flags;
	                }
	                else if (value.indexOf("--") === 0) {
	                    let range = arg.getRange();
	                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
	                    let nameIndex = value.indexOf('=');
	                    let index = rawValue.indexOf('=');
	                    let firstMatch = false;
	                    let secondMatch = false;
	                    let startIndex = -1;
	                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
	                        switch (rawValue.charAt(i)) {
	                            case '\\':
	                            case ' ':
	                            case '\t':
	                            case '\r':
	                            case '\n':
	                                break;
	                            case '-':
	                                if (secondMatch) {
	                                    startIndex = i;
	                                    break nameSearchLoop;
	                                }
	                                else if (firstMatch) {
	                                    secondMatch = true;
	                                }
	                                else {
	                                    firstMatch = true;
	                                }
	                                break;
	                            default:
	                                startIndex = i;
	                                break nameSearchLoop;
	                        }
	                    }
	                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
	                    if (index === -1) {
	                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
	                    }
	                    else if (index === value.length - 1) {
	                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
	                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
	                    }
	                    else {
	                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
	                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
	                    }
	                }
	            }
	        }
	        return this.flags;
	    }
	    getArguments() {
	        const args = super.getArguments();
	        const flags = this.getFlags();
	        if (flags.length === 0) {
	            return args;
	        }
	        for (let i = 0; i < flags.length; i++) {
	            args.shift();
	        }
	        return args;
	    }
	}
	modifiableInstruction.ModifiableInstruction = ModifiableInstruction;
	return modifiableInstruction;
}

var hasRequiredJsonInstruction;

function requireJsonInstruction () {
	if (hasRequiredJsonInstruction) return jsonInstruction;
	hasRequiredJsonInstruction = 1;
	Object.defineProperty(jsonInstruction, "__esModule", { value: true });
	jsonInstruction.JSONInstruction = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const argument_1 = requireArgument();
	const jsonArgument_1 = requireJsonArgument();
	const modifiableInstruction_1 = requireModifiableInstruction();
	class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	        this.openingBracket = null;
	        this.closingBracket = null;
	        this.jsonStrings = [];
	        const argsContent = this.getRawArgumentsContent();
	        if (argsContent === null) {
	            return;
	        }
	        const args = this.getArguments();
	        if (args.length === 1 && args[0].getValue() === "[]") {
	            let argRange = args[0].getRange();
	            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
	            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
	            return;
	        }
	        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
	            this.openingBracket = args[0];
	            this.closingBracket = args[1];
	            return;
	        }
	        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
	        let start = -1;
	        let last = "";
	        let quoted = false;
	        let escapedArg = "";
	        argsCheck: for (let i = 0; i < argsContent.length; i++) {
	            let char = argsContent.charAt(i);
	            switch (char) {
	                case '[':
	                    if (last === "") {
	                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
	                        last = '[';
	                    }
	                    else if (quoted) {
	                        escapedArg = escapedArg + char;
	                    }
	                    else {
	                        break argsCheck;
	                    }
	                    break;
	                case '"':
	                    if (last === '[' || last === ',') {
	                        start = i;
	                        quoted = true;
	                        last = '"';
	                        escapedArg = escapedArg + char;
	                        continue;
	                    }
	                    else if (last === '"') {
	                        if (quoted) {
	                            escapedArg = escapedArg + char;
	                            // quoted string done
	                            quoted = false;
	                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
	                            escapedArg = "";
	                        }
	                        else {
	                            // should be a , or a ]
	                            break argsCheck;
	                        }
	                    }
	                    else {
	                        break argsCheck;
	                    }
	                    break;
	                case ',':
	                    if (quoted) {
	                        escapedArg = escapedArg + char;
	                    }
	                    else {
	                        if (last === '"') {
	                            last = ',';
	                        }
	                        else {
	                            break argsCheck;
	                        }
	                    }
	                    break;
	                case ']':
	                    if (quoted) {
	                        escapedArg = escapedArg + char;
	                    }
	                    else if (last !== "") {
	                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
	                        break argsCheck;
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                    break;
	                case '\\':
	                    if (quoted) {
	                        switch (argsContent.charAt(i + 1)) {
	                            case '"':
	                            case '\\':
	                                escapedArg = escapedArg + argsContent.charAt(i + 1);
	                                i++;
	                                continue;
	                            case ' ':
	                            case '\t':
	                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
	                                    switch (argsContent.charAt(j)) {
	                                        case '\r':
	                                            // offset one more for \r\n
	                                            j++;
	                                        case '\n':
	                                            i = j;
	                                            continue argsCheck;
	                                        case ' ':
	                                        case '\t':
	                                            break;
	                                        default:
	                                            break escapeCheck;
	                                    }
	                                }
	                                break;
	                            case '\r':
	                                // offset one more for \r\n
	                                i++;
	                            default:
	                                i++;
	                                continue;
	                        }
	                    }
	                    else {
	                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
	                            switch (argsContent.charAt(j)) {
	                                case '\r':
	                                    // offset one more for \r\n
	                                    j++;
	                                case '\n':
	                                    i = j;
	                                    continue argsCheck;
	                                case ' ':
	                                case '\t':
	                                    break;
	                                default:
	                                    break escapeCheck;
	                            }
	                        }
	                    }
	                    break argsCheck;
	                default:
	                    if (!quoted) {
	                        break argsCheck;
	                    }
	                    escapedArg = escapedArg + char;
	                    break;
	            }
	        }
	    }
	    stopSearchingForFlags(_value) {
	        return true;
	    }
	    getOpeningBracket() {
	        return this.openingBracket;
	    }
	    getJSONStrings() {
	        return this.jsonStrings;
	    }
	    getClosingBracket() {
	        return this.closingBracket;
	    }
	}
	jsonInstruction.JSONInstruction = JSONInstruction;
	return jsonInstruction;
}

var hasRequiredAdd;

function requireAdd () {
	if (hasRequiredAdd) return add;
	hasRequiredAdd = 1;
	Object.defineProperty(add, "__esModule", { value: true });
	add.Add = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Add extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    stopSearchingForFlags(argument) {
	        return argument.indexOf("--") === -1;
	    }
	}
	add.Add = Add;
	return add;
}

var arg = {};

var property = {};

var hasRequiredProperty;

function requireProperty () {
	if (hasRequiredProperty) return property;
	hasRequiredProperty = 1;
	Object.defineProperty(property, "__esModule", { value: true });
	property.Property = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const util_1 = requireUtil();
	class Property {
	    constructor(document, escapeChar, arg, arg2) {
	        this.assignmentOperatorRange = null;
	        this.assignmentOperator = null;
	        this.valueRange = null;
	        this.value = null;
	        this.document = document;
	        this.escapeChar = escapeChar;
	        this.nameRange = Property.getNameRange(document, arg);
	        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
	        this.name = Property.getValue(value, escapeChar);
	        if (arg2) {
	            this.valueRange = arg2.getRange();
	            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
	            this.value = Property.getValue(value, escapeChar);
	            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
	        }
	        else {
	            let argRange = arg.getRange();
	            if (this.nameRange.start.line === argRange.start.line
	                && this.nameRange.start.character === argRange.start.character
	                && this.nameRange.end.line === argRange.end.line
	                && this.nameRange.end.character === argRange.end.character) ;
	            else {
	                this.valueRange = Property.getValueRange(document, arg);
	                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
	                this.value = Property.getValue(value, escapeChar);
	                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
	                this.assignmentOperator = "=";
	            }
	            this.range = argRange;
	        }
	    }
	    getRange() {
	        return this.range;
	    }
	    getName() {
	        return this.name;
	    }
	    getNameRange() {
	        return this.nameRange;
	    }
	    getValue() {
	        return this.value;
	    }
	    getValueRange() {
	        return this.valueRange;
	    }
	    /**
	     * Retrieves the operator used for delimiting between the name and
	     * value of this property. This will either be the "=" character
	     * or null if a character was not used or if this property has no
	     * value defined.
	     */
	    getAssignmentOperator() {
	        return this.assignmentOperator;
	    }
	    getAssignmentOperatorRange() {
	        return this.assignmentOperatorRange;
	    }
	    /**
	     * Returns the value of this property including any enclosing
	     * single or double quotes and relevant escape characters.
	     * Escaped newlines and its associated contiguous whitespace
	     * characters however will not be returned as they are deemed to
	     * be uninteresting to clients trying to return a Dockerfile.
	     *
	     * @return the unescaped value of this property or null if this
	     *         property has no associated value
	     */
	    getUnescapedValue() {
	        if (this.valueRange === null) {
	            return null;
	        }
	        let escaped = false;
	        let rawValue = "";
	        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
	        rawLoop: for (let i = 0; i < value.length; i++) {
	            let char = value.charAt(i);
	            switch (char) {
	                case this.escapeChar:
	                    for (let j = i + 1; j < value.length; j++) {
	                        switch (value.charAt(j)) {
	                            case '\r':
	                                j++;
	                            case '\n':
	                                escaped = true;
	                                i = j;
	                                continue rawLoop;
	                            case ' ':
	                            case '\t':
	                                break;
	                            default:
	                                rawValue = rawValue + char;
	                                continue rawLoop;
	                        }
	                    }
	                    // this happens if there's only whitespace after the escape character
	                    rawValue = rawValue + char;
	                    break;
	                case '\r':
	                case '\n':
	                    break;
	                case ' ':
	                case '\t':
	                    if (!escaped) {
	                        rawValue = rawValue + char;
	                    }
	                    break;
	                case '#':
	                    if (escaped) {
	                        for (let j = i + 1; j < value.length; j++) {
	                            switch (value.charAt(j)) {
	                                case '\r':
	                                    j++;
	                                case '\n':
	                                    i = j;
	                                    continue rawLoop;
	                            }
	                        }
	                    }
	                    else {
	                        rawValue = rawValue + char;
	                    }
	                    break;
	                default:
	                    rawValue = rawValue + char;
	                    escaped = false;
	                    break;
	            }
	        }
	        return rawValue;
	    }
	    static getNameRange(document, arg) {
	        let value = arg.getValue();
	        let index = value.indexOf('=');
	        if (index !== -1) {
	            let initial = value.charAt(0);
	            let before = value.charAt(index - 1);
	            // check if content before the equals sign are in quotes
	            // "var"=value
	            // 'var'=value
	            // otherwise, just assume it's a standard definition
	            // var=value
	            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
	                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
	            }
	        }
	        // no '=' found, just defined the property's name
	        return arg.getRange();
	    }
	    static getValueRange(document, arg) {
	        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
	    }
	    /**
	     * Returns the actual value of this key-value pair. The value will
	     * have its escape characters removed if applicable. If the value
	     * spans multiple lines and there are comments nested within the
	     * lines, they too will be removed.
	     *
	     * @return the value that this key-value pair will actually be, may
	     *         be null if no value is defined, may be the empty string
	     *         if the value only consists of whitespace
	     */
	    static getValue(value, escapeChar) {
	        let escaped = false;
	        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
	        if (skip !== 0 && value.charAt(skip) === '#') {
	            // need to skip over comments
	            escaped = true;
	        }
	        value = value.substring(skip);
	        let first = value.charAt(0);
	        let last = value.charAt(value.length - 1);
	        let literal = first === '\'' || first === '"';
	        let inSingle = (first === '\'' && last === '\'');
	        let inDouble = false;
	        if (first === '"') {
	            for (let i = 1; i < value.length; i++) {
	                if (value.charAt(i) === escapeChar) {
	                    i++;
	                }
	                else if (value.charAt(i) === '"' && i === value.length - 1) {
	                    inDouble = true;
	                }
	            }
	        }
	        if (inSingle || inDouble) {
	            value = value.substring(1, value.length - 1);
	        }
	        let commentCheck = -1;
	        let escapedValue = "";
	        parseValue: for (let i = 0; i < value.length; i++) {
	            let char = value.charAt(i);
	            switch (char) {
	                case escapeChar:
	                    if (i + 1 === value.length) {
	                        escapedValue = escapedValue + escapeChar;
	                        break parseValue;
	                    }
	                    char = value.charAt(i + 1);
	                    if (char === ' ' || char === '\t') {
	                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
	                            let char2 = value.charAt(j);
	                            switch (char2) {
	                                case ' ':
	                                case '\t':
	                                    break;
	                                case '\r':
	                                    j++;
	                                case '\n':
	                                    escaped = true;
	                                    i = j;
	                                    continue parseValue;
	                                default:
	                                    if (!inDouble && !inSingle && !literal) {
	                                        if (char2 === escapeChar) {
	                                            // add the escaped character
	                                            escapedValue = escapedValue + char;
	                                            // now start parsing from the next escape character
	                                            i = i + 1;
	                                        }
	                                        else {
	                                            // the expectation is that this j = i + 2 here
	                                            escapedValue = escapedValue + char + char2;
	                                            i = j;
	                                        }
	                                        continue parseValue;
	                                    }
	                                    break whitespaceCheck;
	                            }
	                        }
	                    }
	                    if (inDouble) {
	                        if (char === '\r') {
	                            escaped = true;
	                            i = i + 2;
	                        }
	                        else if (char === '\n') {
	                            escaped = true;
	                            i++;
	                        }
	                        else if (char !== '"') {
	                            if (char === escapeChar) {
	                                i++;
	                            }
	                            escapedValue = escapedValue + escapeChar;
	                        }
	                        continue parseValue;
	                    }
	                    else if (inSingle || literal) {
	                        if (char === '\r') {
	                            escaped = true;
	                            i = i + 2;
	                        }
	                        else if (char === '\n') {
	                            escaped = true;
	                            i++;
	                        }
	                        else {
	                            escapedValue = escapedValue + escapeChar;
	                        }
	                        continue parseValue;
	                    }
	                    else if (char === escapeChar) {
	                        // double escape, append one and move on
	                        escapedValue = escapedValue + escapeChar;
	                        i++;
	                    }
	                    else if (char === '\r') {
	                        escaped = true;
	                        // offset one more for \r\n
	                        i = i + 2;
	                    }
	                    else if (char === '\n') {
	                        escaped = true;
	                        i++;
	                    }
	                    else {
	                        // any other escapes are simply ignored
	                        escapedValue = escapedValue + char;
	                        i++;
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                    if (escaped && commentCheck === -1) {
	                        commentCheck = i;
	                    }
	                    escapedValue = escapedValue + char;
	                    break;
	                case '\r':
	                    i++;
	                case '\n':
	                    if (escaped && commentCheck !== -1) {
	                        // rollback and remove the whitespace that was previously appended
	                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
	                        commentCheck = -1;
	                    }
	                    break;
	                case '#':
	                    // a newline was escaped and now there's a comment
	                    if (escaped) {
	                        if (commentCheck !== -1) {
	                            // rollback and remove the whitespace that was previously appended
	                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
	                            commentCheck = -1;
	                        }
	                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
	                            switch (value.charAt(j)) {
	                                case '\r':
	                                    j++;
	                                case '\n':
	                                    i = j;
	                                    break newlineCheck;
	                            }
	                        }
	                        continue parseValue;
	                    }
	                default:
	                    if (escaped) {
	                        escaped = false;
	                        commentCheck = -1;
	                    }
	                    escapedValue = escapedValue + char;
	                    break;
	            }
	        }
	        return escapedValue;
	    }
	}
	property.Property = Property;
	return property;
}

var propertyInstruction = {};

var hasRequiredPropertyInstruction;

function requirePropertyInstruction () {
	if (hasRequiredPropertyInstruction) return propertyInstruction;
	hasRequiredPropertyInstruction = 1;
	Object.defineProperty(propertyInstruction, "__esModule", { value: true });
	propertyInstruction.PropertyInstruction = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const instruction_1 = requireInstruction();
	const property_1 = requireProperty();
	const argument_1 = requireArgument();
	const util_1 = requireUtil();
	class PropertyInstruction extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	        this.properties = undefined;
	    }
	    getProperties() {
	        if (this.properties === undefined) {
	            let args = this.getPropertyArguments();
	            if (args.length === 0) {
	                this.properties = [];
	            }
	            else if (args.length === 1) {
	                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
	            }
	            else if (args.length === 2) {
	                if (args[0].getValue().indexOf('=') === -1) {
	                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
	                }
	                else {
	                    this.properties = [
	                        new property_1.Property(this.document, this.escapeChar, args[0]),
	                        new property_1.Property(this.document, this.escapeChar, args[1])
	                    ];
	                }
	            }
	            else if (args[0].getValue().indexOf('=') === -1) {
	                let text = this.document.getText();
	                let start = args[1].getRange().start;
	                let end = args[args.length - 1].getRange().end;
	                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
	                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
	            }
	            else {
	                this.properties = [];
	                for (let i = 0; i < args.length; i++) {
	                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
	                }
	            }
	        }
	        return this.properties;
	    }
	    /**
	     * Goes from the back of the string and returns the first
	     * non-whitespace character that is found. If an escape character
	     * is found with newline characters, the escape character will
	     * not be considered a non-whitespace character and its index in
	     * the string will not be returned.
	     *
	     * @param content the string to search through
	     * @return the index in the string for the first non-whitespace
	     *         character when searching from the end of the string
	     */
	    findTrailingNonWhitespace(content) {
	        // loop back to find the first non-whitespace character
	        let index = content.length;
	        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
	            switch (content.charAt(i)) {
	                case ' ':
	                case '\t':
	                    continue;
	                case '\n':
	                    if (content.charAt(i - 1) === '\r') {
	                        i = i - 1;
	                    }
	                case '\r':
	                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
	                        switch (content.charAt(j)) {
	                            case ' ':
	                            case '\t':
	                            case '\r':
	                            case '\n':
	                            case this.escapeChar:
	                                continue;
	                            default:
	                                index = j;
	                                break newlineCheck;
	                        }
	                    }
	                    break whitespaceCheck;
	                default:
	                    index = i;
	                    break whitespaceCheck;
	            }
	        }
	        return index;
	    }
	    getPropertyArguments() {
	        const args = [];
	        let range = this.getInstructionRange();
	        let instructionNameEndOffset = this.document.offsetAt(range.end);
	        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
	        let content = this.getTextContent();
	        let fullArgs = content.substring(extra);
	        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
	        if (start === -1) {
	            // only whitespace found, no arguments
	            return [];
	        }
	        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
	        // records whether the parser has just processed an escaped newline or not,
	        // if our starting position is not on the same line as the instruction then
	        // the start of the content is already on an escaped line
	        let escaped = range.start.line !== startPosition.line;
	        // flag to track if the last character was an escape character
	        let endingEscape = false;
	        // position before the first escape character was hit
	        let mark = -1;
	        let end = this.findTrailingNonWhitespace(fullArgs);
	        content = fullArgs.substring(start, end + 1);
	        let argStart = escaped ? -1 : 0;
	        let spaced = false;
	        argumentLoop: for (let i = 0; i < content.length; i++) {
	            let char = content.charAt(i);
	            switch (char) {
	                case this.escapeChar:
	                    if (i + 1 === content.length) {
	                        endingEscape = true;
	                        break argumentLoop;
	                    }
	                    if (!escaped) {
	                        mark = i;
	                    }
	                    switch (content.charAt(i + 1)) {
	                        case ' ':
	                        case '\t':
	                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
	                                // space was escaped, continue as normal
	                                i = i + 1;
	                                continue argumentLoop;
	                            }
	                            // whitespace encountered, need to figure out if it extends to EOL
	                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
	                                switch (content.charAt(j)) {
	                                    case '\r':
	                                        // offset one more for \r\n
	                                        j++;
	                                    case '\n':
	                                        // whitespace only, safe to skip
	                                        escaped = true;
	                                        i = j;
	                                        continue argumentLoop;
	                                    case ' ':
	                                    case '\t':
	                                        // ignore whitespace
	                                        break;
	                                    default:
	                                        // whitespace doesn't extend to EOL, create an argument
	                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
	                                        argStart = j;
	                                        break whitespaceCheck;
	                                }
	                            }
	                            // go back and start processing the encountered non-whitespace character
	                            i = argStart - 1;
	                            continue argumentLoop;
	                        case '\r':
	                            // offset one more for \r\n
	                            i++;
	                        case '\n':
	                            // immediately followed by a newline, skip the newline
	                            escaped = true;
	                            i = i + 1;
	                            continue argumentLoop;
	                        case this.escapeChar:
	                            // double escape found, skip it and move on
	                            if (argStart === -1) {
	                                argStart = i;
	                            }
	                            i = i + 1;
	                            continue argumentLoop;
	                        default:
	                            if (argStart === -1) {
	                                argStart = i;
	                            }
	                            // non-whitespace encountered, skip the escape and process the
	                            // character normally
	                            continue argumentLoop;
	                    }
	                case '\'':
	                case '"':
	                    if (spaced) {
	                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
	                        // reset to start a new argument
	                        argStart = i;
	                        spaced = false;
	                    }
	                    if (argStart === -1) {
	                        argStart = i;
	                    }
	                    for (let j = i + 1; j < content.length; j++) {
	                        switch (content.charAt(j)) {
	                            case char:
	                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
	                                    // there is more content after this quote,
	                                    // continue so that it is all processed as
	                                    // one single argument
	                                    i = j;
	                                    continue argumentLoop;
	                                }
	                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
	                                i = j;
	                                argStart = -1;
	                                continue argumentLoop;
	                            case this.escapeChar:
	                                j++;
	                                break;
	                        }
	                    }
	                    break argumentLoop;
	                case ' ':
	                case '\t':
	                    if (escaped) {
	                        // consider there to be a space only if an argument
	                        // is not spanning multiple lines
	                        if (argStart !== -1) {
	                            spaced = true;
	                        }
	                    }
	                    else if (argStart !== -1) {
	                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
	                        argStart = -1;
	                    }
	                    break;
	                case '\r':
	                    // offset one more for \r\n
	                    i++;
	                case '\n':
	                    spaced = false;
	                    break;
	                case '#':
	                    if (escaped) {
	                        // a newline was escaped and now there's a comment
	                        for (let j = i + 1; j < content.length; j++) {
	                            switch (content.charAt(j)) {
	                                case '\r':
	                                    j++;
	                                case '\n':
	                                    i = j;
	                                    spaced = false;
	                                    continue argumentLoop;
	                            }
	                        }
	                        // went to the end without finding a newline,
	                        // the comment was the last line in the instruction,
	                        // just stop parsing, create an argument if needed
	                        if (argStart !== -1) {
	                            let value = content.substring(argStart, mark);
	                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
	                            argStart = -1;
	                        }
	                        break argumentLoop;
	                    }
	                    else if (argStart === -1) {
	                        argStart = i;
	                    }
	                    break;
	                default:
	                    if (spaced) {
	                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
	                        // reset to start a new argument
	                        argStart = i;
	                        spaced = false;
	                    }
	                    escaped = false;
	                    if (argStart === -1) {
	                        argStart = i;
	                    }
	                    // variable detected
	                    if (char === '$' && content.charAt(i + 1) === '{') {
	                        let singleQuotes = false;
	                        let doubleQuotes = false;
	                        let escaped = false;
	                        for (let j = i + 1; j < content.length; j++) {
	                            switch (content.charAt(j)) {
	                                case this.escapeChar:
	                                    escaped = true;
	                                    break;
	                                case '\r':
	                                case '\n':
	                                    break;
	                                case '\'':
	                                    singleQuotes = !singleQuotes;
	                                    escaped = false;
	                                    break;
	                                case '"':
	                                    doubleQuotes = !doubleQuotes;
	                                    escaped = false;
	                                    break;
	                                case ' ':
	                                case '\t':
	                                    if (escaped || singleQuotes || doubleQuotes) {
	                                        break;
	                                    }
	                                    i = j - 1;
	                                    continue argumentLoop;
	                                case '}':
	                                    i = j;
	                                    continue argumentLoop;
	                                default:
	                                    escaped = false;
	                                    break;
	                            }
	                        }
	                        break argumentLoop;
	                    }
	                    break;
	            }
	        }
	        if (argStart !== -1 && argStart !== content.length) {
	            let end = endingEscape ? content.length - 1 : content.length;
	            let value = content.substring(argStart, end);
	            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
	        }
	        return args;
	    }
	    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
	        if (argStart !== -1) {
	            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
	        }
	    }
	}
	propertyInstruction.PropertyInstruction = PropertyInstruction;
	return propertyInstruction;
}

var hasRequiredArg;

function requireArg () {
	if (hasRequiredArg) return arg;
	hasRequiredArg = 1;
	Object.defineProperty(arg, "__esModule", { value: true });
	arg.Arg = void 0;
	const property_1 = requireProperty();
	const propertyInstruction_1 = requirePropertyInstruction();
	class Arg extends propertyInstruction_1.PropertyInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	        this.property = null;
	        const args = this.getPropertyArguments();
	        if (args.length === 1) {
	            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
	        }
	        else {
	            this.property = null;
	        }
	    }
	    /**
	     * Returns the variable defined by this ARG. This may be null if
	     * this ARG instruction is malformed and has no variable
	     * declaration.
	     */
	    getProperty() {
	        return this.property;
	    }
	}
	arg.Arg = Arg;
	return arg;
}

var cmd = {};

var hasRequiredCmd;

function requireCmd () {
	if (hasRequiredCmd) return cmd;
	hasRequiredCmd = 1;
	Object.defineProperty(cmd, "__esModule", { value: true });
	cmd.Cmd = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Cmd extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	cmd.Cmd = Cmd;
	return cmd;
}

var copy = {};

var hasRequiredCopy;

function requireCopy () {
	if (hasRequiredCopy) return copy;
	hasRequiredCopy = 1;
	Object.defineProperty(copy, "__esModule", { value: true });
	copy.Copy = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Copy extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    stopSearchingForFlags(argument) {
	        return argument.indexOf("--") === -1;
	    }
	    getFromFlag() {
	        let flags = super.getFlags();
	        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
	    }
	    /**
	     * Returns there here-documents that are defined in this RUN
	     * instruction.
	     *
	     * This API is experimental and subject to change.
	     */
	    getHeredocs() {
	        return super.getHeredocs();
	    }
	}
	copy.Copy = Copy;
	return copy;
}

var env = {};

var hasRequiredEnv;

function requireEnv () {
	if (hasRequiredEnv) return env;
	hasRequiredEnv = 1;
	Object.defineProperty(env, "__esModule", { value: true });
	env.Env = void 0;
	const propertyInstruction_1 = requirePropertyInstruction();
	class Env extends propertyInstruction_1.PropertyInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    getProperties() {
	        return super.getProperties();
	    }
	}
	env.Env = Env;
	return env;
}

var entrypoint = {};

var hasRequiredEntrypoint;

function requireEntrypoint () {
	if (hasRequiredEntrypoint) return entrypoint;
	hasRequiredEntrypoint = 1;
	Object.defineProperty(entrypoint, "__esModule", { value: true });
	entrypoint.Entrypoint = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Entrypoint extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	entrypoint.Entrypoint = Entrypoint;
	return entrypoint;
}

var from = {};

var hasRequiredFrom;

function requireFrom () {
	if (hasRequiredFrom) return from;
	hasRequiredFrom = 1;
	Object.defineProperty(from, "__esModule", { value: true });
	from.From = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const modifiableInstruction_1 = requireModifiableInstruction();
	class From extends modifiableInstruction_1.ModifiableInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    stopSearchingForFlags(argument) {
	        return argument.indexOf("--") === -1;
	    }
	    getImage() {
	        const args = this.getArguments();
	        return args.length > 0 ? args[0].getValue() : null;
	    }
	    /**
	     * Returns the name of the image that will be used as the base image.
	     *
	     * @return the base image's name, or null if unspecified
	     */
	    getImageName() {
	        const imageName = this.getRangeContent(this.getImageNameRange());
	        if (imageName === null) {
	            return null;
	        }
	        let commented = false;
	        let escaped = false;
	        let name = "";
	        for (let i = 0; i < imageName.length; i++) {
	            const ch = imageName.charAt(i);
	            switch (ch) {
	                case this.escapeChar:
	                    escaped = true;
	                    break;
	                case '\r':
	                    continue;
	                case '\n':
	                    commented = false;
	                    break;
	                case ' ':
	                case '\t':
	                    break;
	                case '#':
	                    if (escaped) {
	                        commented = true;
	                    }
	                    else {
	                        name = name + ch;
	                        escaped = false;
	                    }
	                    break;
	                default:
	                    if (!commented) {
	                        name = name + ch;
	                        escaped = false;
	                    }
	                    break;
	            }
	        }
	        return name;
	    }
	    /**
	     * Returns the range that covers the name of the image used by
	     * this instruction.
	     *
	     * @return the range of the name of this instruction's argument,
	     *         or null if no image has been specified
	     */
	    getImageNameRange() {
	        let range = this.getImageRange();
	        if (range) {
	            let registryRange = this.getRegistryRange();
	            if (registryRange) {
	                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
	            }
	            let tagRange = this.getImageTagRange();
	            let digestRange = this.getImageDigestRange();
	            if (tagRange === null) {
	                if (digestRange !== null) {
	                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
	                }
	            }
	            else {
	                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
	            }
	            return range;
	        }
	        return null;
	    }
	    /**
	     * Returns the range that covers the image argument of this
	     * instruction. This includes the tag or digest of the image if
	     * it has been specified by the instruction.
	     *
	     * @return the range of the image argument, or null if no image
	     *         has been specified
	     */
	    getImageRange() {
	        let args = this.getArguments();
	        return args.length !== 0 ? args[0].getRange() : null;
	    }
	    getImageTag() {
	        return this.getRangeContent(this.getImageTagRange());
	    }
	    /**
	     * Returns the range in the document that the tag of the base
	     * image encompasses.
	     *
	     * @return the base image's tag's range in the document, or null
	     *         if no tag has been specified
	     */
	    getImageTagRange() {
	        const range = this.getImageRange();
	        if (range) {
	            const rangeStartOffset = this.document.offsetAt(range.start);
	            const content = this.getRangeContent(range);
	            const atIndex = this.indexOf(rangeStartOffset, content, '@');
	            const slashIndex = content.indexOf('/');
	            if (atIndex === -1) {
	                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
	                if (colonIndex > slashIndex) {
	                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
	                }
	            }
	            const subcontent = content.substring(0, atIndex);
	            const subcolonIndex = subcontent.indexOf(':');
	            if (subcolonIndex === -1) {
	                return null;
	            }
	            if (slashIndex === -1) {
	                // slash not found suggests no registry and no namespace defined
	                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
	            }
	            // both colon and slash found, check if it is a port
	            if (subcolonIndex < slashIndex) {
	                return null;
	            }
	            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
	        }
	        return null;
	    }
	    getImageDigest() {
	        return this.getRangeContent(this.getImageDigestRange());
	    }
	    /**
	     * Returns the range in the document that the digest of the base
	     * image encompasses.
	     *
	     * @return the base image's digest's range in the document, or null
	     *         if no digest has been specified
	     */
	    getImageDigestRange() {
	        let range = this.getImageRange();
	        if (range) {
	            let content = this.getRangeContent(range);
	            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
	            if (index !== -1) {
	                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
	            }
	        }
	        return null;
	    }
	    indexOf(documentOffset, content, searchString) {
	        let index = content.indexOf(searchString);
	        const variables = this.getVariables();
	        for (let i = 0; i < variables.length; i++) {
	            const position = documentOffset + index;
	            const variableRange = variables[i].getRange();
	            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
	                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
	                const substring = content.substring(offset);
	                const subIndex = substring.indexOf(searchString);
	                if (subIndex === -1) {
	                    return -1;
	                }
	                index = subIndex + offset;
	                i = -1;
	                continue;
	            }
	        }
	        return index;
	    }
	    lastIndexOf(documentOffset, content, searchString) {
	        let index = content.lastIndexOf(searchString);
	        const variables = this.getVariables();
	        for (let i = 0; i < variables.length; i++) {
	            const position = documentOffset + index;
	            const variableRange = variables[i].getRange();
	            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
	                index = content.substring(0, index).lastIndexOf(searchString);
	                if (index === -1) {
	                    return -1;
	                }
	                i = -1;
	                continue;
	            }
	        }
	        return index;
	    }
	    getRegistry() {
	        return this.getRangeContent(this.getRegistryRange());
	    }
	    getRegistryRange() {
	        const range = this.getImageRange();
	        if (range) {
	            const tagRange = this.getImageTagRange();
	            const digestRange = this.getImageDigestRange();
	            if (tagRange === null) {
	                if (digestRange !== null) {
	                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
	                }
	            }
	            else {
	                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
	            }
	            const content = this.getRangeContent(range);
	            const rangeStart = this.document.offsetAt(range.start);
	            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
	            if (startingSlashIndex === -1) {
	                return null;
	            }
	            const portIndex = this.indexOf(rangeStart, content, ':');
	            const dotIndex = this.indexOf(rangeStart, content, '.');
	            // hostname detected
	            if (portIndex !== -1 || dotIndex !== -1) {
	                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
	            }
	            const registry = content.substring(0, startingSlashIndex);
	            // localhost registry detected
	            if (registry === 'localhost') {
	                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
	            }
	        }
	        return null;
	    }
	    getBuildStage() {
	        let range = this.getBuildStageRange();
	        return range === null ? null : this.getRangeContent(range);
	    }
	    getBuildStageRange() {
	        let args = this.getArguments();
	        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
	            return args[2].getRange();
	        }
	        return null;
	    }
	    getPlatformFlag() {
	        let flags = super.getFlags();
	        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
	    }
	}
	from.From = From;
	return from;
}

var healthcheck = {};

var hasRequiredHealthcheck;

function requireHealthcheck () {
	if (hasRequiredHealthcheck) return healthcheck;
	hasRequiredHealthcheck = 1;
	Object.defineProperty(healthcheck, "__esModule", { value: true });
	healthcheck.Healthcheck = void 0;
	const modifiableInstruction_1 = requireModifiableInstruction();
	class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    stopSearchingForFlags(argument) {
	        argument = argument.toUpperCase();
	        return argument === "CMD" || argument === "NONE";
	    }
	    getSubcommand() {
	        let args = this.getArguments();
	        return args.length !== 0 ? args[0] : null;
	    }
	}
	healthcheck.Healthcheck = Healthcheck;
	return healthcheck;
}

var label = {};

var hasRequiredLabel;

function requireLabel () {
	if (hasRequiredLabel) return label;
	hasRequiredLabel = 1;
	Object.defineProperty(label, "__esModule", { value: true });
	label.Label = void 0;
	const propertyInstruction_1 = requirePropertyInstruction();
	const util_1 = requireUtil();
	class Label extends propertyInstruction_1.PropertyInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    getVariables() {
	        const variables = super.getVariables();
	        const properties = this.getProperties();
	        // iterate over all of this LABEL's properties
	        for (const property of properties) {
	            const value = property.getUnescapedValue();
	            // check if the value is contained in single quotes,
	            // single quotes would indicate a literal value
	            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
	                const range = property.getValueRange();
	                for (let i = 0; i < variables.length; i++) {
	                    // if a variable is in a single quote, remove it from the list
	                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
	                        variables.splice(i, 1);
	                        i--;
	                    }
	                }
	            }
	        }
	        return variables;
	    }
	    getProperties() {
	        return super.getProperties();
	    }
	}
	label.Label = Label;
	return label;
}

var onbuild = {};

var hasRequiredOnbuild;

function requireOnbuild () {
	if (hasRequiredOnbuild) return onbuild;
	hasRequiredOnbuild = 1;
	Object.defineProperty(onbuild, "__esModule", { value: true });
	onbuild.Onbuild = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const parser_1 = requireParser();
	const instruction_1 = requireInstruction();
	class Onbuild extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    getTrigger() {
	        let trigger = this.getTriggerWord();
	        return trigger === null ? null : trigger.toUpperCase();
	    }
	    getTriggerWord() {
	        return this.getRangeContent(this.getTriggerRange());
	    }
	    getTriggerRange() {
	        let args = this.getArguments();
	        return args.length > 0 ? args[0].getRange() : null;
	    }
	    getTriggerInstruction() {
	        let triggerRange = this.getTriggerRange();
	        if (triggerRange === null) {
	            return null;
	        }
	        let args = this.getArguments();
	        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
	    }
	}
	onbuild.Onbuild = Onbuild;
	return onbuild;
}

var run$1 = {};

var hasRequiredRun;

function requireRun () {
	if (hasRequiredRun) return run$1;
	hasRequiredRun = 1;
	Object.defineProperty(run$1, "__esModule", { value: true });
	run$1.Run = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Run extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    stopSearchingForFlags(argument) {
	        return argument.indexOf("--") === -1;
	    }
	    /**
	     * Returns there here-documents that are defined in this RUN
	     * instruction.
	     *
	     * This API is experimental and subject to change.
	     */
	    getHeredocs() {
	        return super.getHeredocs();
	    }
	}
	run$1.Run = Run;
	return run$1;
}

var shell = {};

var hasRequiredShell;

function requireShell () {
	if (hasRequiredShell) return shell;
	hasRequiredShell = 1;
	Object.defineProperty(shell, "__esModule", { value: true });
	shell.Shell = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Shell extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	shell.Shell = Shell;
	return shell;
}

var stopsignal = {};

var hasRequiredStopsignal;

function requireStopsignal () {
	if (hasRequiredStopsignal) return stopsignal;
	hasRequiredStopsignal = 1;
	Object.defineProperty(stopsignal, "__esModule", { value: true });
	stopsignal.Stopsignal = void 0;
	const instruction_1 = requireInstruction();
	class Stopsignal extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	stopsignal.Stopsignal = Stopsignal;
	return stopsignal;
}

var workdir = {};

var hasRequiredWorkdir;

function requireWorkdir () {
	if (hasRequiredWorkdir) return workdir;
	hasRequiredWorkdir = 1;
	Object.defineProperty(workdir, "__esModule", { value: true });
	workdir.Workdir = void 0;
	const instruction_1 = requireInstruction();
	class Workdir extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    /**
	     * Returns the path that has been defined. Note that this path may
	     * be absolute or relative depending on what was written in the
	     * instruction.
	     *
	     * @return the working directory's path, or null if this
	     *         instruction has no arguments
	     */
	    getPath() {
	        return this.getArgumentsContent();
	    }
	    /**
	     * Returns the absolute path that this instruction resolves to. The
	     * function will inspect prior WORKDIR instructions in the current
	     * image or another build stage in the Dockerfile to try to
	     * determine this.
	     *
	     * @return the absolute path of the working directory, or null if
	     *         this instruction has no arguments, or undefined if it
	     *         cannot be determined because only relative paths could be
	     *         found
	     */
	    getAbsolutePath() {
	        const path = this.getPath();
	        if (path === null || path.startsWith("/")) {
	            return path;
	        }
	        const startLine = this.getRange().start.line;
	        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
	        for (let i = hierarchy.length - 1; i >= 0; i--) {
	            const workdirs = hierarchy[i].getWORKDIRs();
	            for (let j = workdirs.length - 1; j >= 0; j--) {
	                if (workdirs[j].getRange().start.line < startLine) {
	                    const parent = workdirs[j].getAbsolutePath();
	                    if (parent === undefined || parent === null) {
	                        return undefined;
	                    }
	                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
	                }
	            }
	        }
	        return undefined;
	    }
	}
	workdir.Workdir = Workdir;
	return workdir;
}

var user = {};

var hasRequiredUser;

function requireUser () {
	if (hasRequiredUser) return user;
	hasRequiredUser = 1;
	Object.defineProperty(user, "__esModule", { value: true });
	user.User = void 0;
	const instruction_1 = requireInstruction();
	class User extends instruction_1.Instruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	user.User = User;
	return user;
}

var volume = {};

var hasRequiredVolume;

function requireVolume () {
	if (hasRequiredVolume) return volume;
	hasRequiredVolume = 1;
	Object.defineProperty(volume, "__esModule", { value: true });
	volume.Volume = void 0;
	const jsonInstruction_1 = requireJsonInstruction();
	class Volume extends jsonInstruction_1.JSONInstruction {
	    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
	        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
	    }
	}
	volume.Volume = Volume;
	return volume;
}

var dockerfile = {};

var imageTemplate = {};

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

var hasRequiredImageTemplate;

function requireImageTemplate () {
	if (hasRequiredImageTemplate) return imageTemplate;
	hasRequiredImageTemplate = 1;
	Object.defineProperty(imageTemplate, "__esModule", { value: true });
	imageTemplate.ImageTemplate = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const arg_1 = requireArg();
	const cmd_1 = requireCmd();
	const copy_1 = requireCopy();
	const env_1 = requireEnv();
	const entrypoint_1 = requireEntrypoint();
	const from_1 = requireFrom();
	const healthcheck_1 = requireHealthcheck();
	const onbuild_1 = requireOnbuild();
	const util_1 = requireUtil();
	const workdir_1 = requireWorkdir();
	class ImageTemplate {
	    constructor() {
	        this.comments = [];
	        this.instructions = [];
	    }
	    addComment(comment) {
	        this.comments.push(comment);
	    }
	    getComments() {
	        return this.comments;
	    }
	    addInstruction(instruction) {
	        this.instructions.push(instruction);
	    }
	    getInstructions() {
	        return this.instructions;
	    }
	    getInstructionAt(line) {
	        for (let instruction of this.instructions) {
	            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
	                return instruction;
	            }
	        }
	        return null;
	    }
	    /**
	     * Gets all the ARG instructions that are defined in this image.
	     */
	    getARGs() {
	        let args = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof arg_1.Arg) {
	                args.push(instruction);
	            }
	        }
	        return args;
	    }
	    /**
	     * Gets all the CMD instructions that are defined in this image.
	     */
	    getCMDs() {
	        let cmds = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof cmd_1.Cmd) {
	                cmds.push(instruction);
	            }
	        }
	        return cmds;
	    }
	    /**
	     * Gets all the COPY instructions that are defined in this image.
	     */
	    getCOPYs() {
	        let copies = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof copy_1.Copy) {
	                copies.push(instruction);
	            }
	        }
	        return copies;
	    }
	    /**
	     * Gets all the ENTRYPOINT instructions that are defined in this image.
	     */
	    getENTRYPOINTs() {
	        let froms = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof entrypoint_1.Entrypoint) {
	                froms.push(instruction);
	            }
	        }
	        return froms;
	    }
	    /**
	     * Gets all the ENV instructions that are defined in this image.
	     */
	    getENVs() {
	        let args = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof env_1.Env) {
	                args.push(instruction);
	            }
	        }
	        return args;
	    }
	    getFROM() {
	        for (const instruction of this.instructions) {
	            if (instruction instanceof from_1.From) {
	                return instruction;
	            }
	        }
	        return null;
	    }
	    /**
	     * Gets all the FROM instructions that are defined in this image.
	     */
	    getFROMs() {
	        let froms = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof from_1.From) {
	                froms.push(instruction);
	            }
	        }
	        return froms;
	    }
	    /**
	     * Gets all the HEALTHCHECK instructions that are defined in this image.
	     */
	    getHEALTHCHECKs() {
	        let froms = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof healthcheck_1.Healthcheck) {
	                froms.push(instruction);
	            }
	        }
	        return froms;
	    }
	    getWORKDIRs() {
	        const workdirs = [];
	        for (const instruction of this.instructions) {
	            if (instruction instanceof workdir_1.Workdir) {
	                workdirs.push(instruction);
	            }
	        }
	        return workdirs;
	    }
	    getOnbuildTriggers() {
	        let triggers = [];
	        for (let instruction of this.instructions) {
	            if (instruction instanceof onbuild_1.Onbuild) {
	                let trigger = instruction.getTriggerInstruction();
	                if (trigger) {
	                    triggers.push(trigger);
	                }
	            }
	        }
	        return triggers;
	    }
	    getAvailableVariables(currentLine) {
	        const variables = [];
	        for (const arg of this.getARGs()) {
	            if (arg.isBefore(currentLine)) {
	                const property = arg.getProperty();
	                if (property) {
	                    const variable = property.getName();
	                    if (variables.indexOf(variable) === -1) {
	                        variables.push(variable);
	                    }
	                }
	            }
	        }
	        for (const env of this.getENVs()) {
	            if (env.isBefore(currentLine)) {
	                for (const property of env.getProperties()) {
	                    const variable = property.getName();
	                    if (variables.indexOf(variable) === -1) {
	                        variables.push(variable);
	                    }
	                }
	            }
	        }
	        return variables;
	    }
	    /**
	     * Resolves a variable with the given name at the specified line
	     * to its value. If null is returned, then the variable has been
	     * defined but no value was given. If undefined is returned, then
	     * a variable with the given name has not been defined yet as of
	     * the given line.
	     *
	     * @param variable the name of the variable to resolve
	     * @param line the line number that the variable is on, zero-based
	     * @return the value of the variable as defined by an ARG or ENV
	     *         instruction, or null if no value has been specified, or
	     *         undefined if a variable with the given name has not
	     *         been defined
	     */
	    resolveVariable(variable, line) {
	        let envs = this.getENVs();
	        for (let i = envs.length - 1; i >= 0; i--) {
	            if (envs[i].isBefore(line)) {
	                for (let property of envs[i].getProperties()) {
	                    if (property.getName() === variable) {
	                        return property.getValue();
	                    }
	                }
	            }
	        }
	        let args = this.getARGs();
	        for (let i = args.length - 1; i >= 0; i--) {
	            if (args[i].isBefore(line)) {
	                let property = args[i].getProperty();
	                if (property && property.getName() === variable) {
	                    return property.getValue();
	                }
	            }
	        }
	        return undefined;
	    }
	    getRange() {
	        const instructions = this.getInstructions();
	        if (instructions.length === 0) {
	            // all templates should have instructions, this only happens for
	            // the initial set of instruction
	            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
	        }
	        const instructionStart = instructions[0].getRange().start;
	        const instructionEnd = instructions[instructions.length - 1].getRange().end;
	        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
	    }
	    contains(position) {
	        const range = this.getRange();
	        if (range === null) {
	            return false;
	        }
	        return util_1.Util.isInsideRange(position, range);
	    }
	}
	imageTemplate.ImageTemplate = ImageTemplate;
	return imageTemplate;
}

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

var hasRequiredDockerfile;

function requireDockerfile () {
	if (hasRequiredDockerfile) return dockerfile;
	hasRequiredDockerfile = 1;
	Object.defineProperty(dockerfile, "__esModule", { value: true });
	dockerfile.Dockerfile = void 0;
	const vscode_languageserver_types_1 = require$$1;
	const ast = requireMain$1();
	const imageTemplate_1 = requireImageTemplate();
	const from_1 = requireFrom();
	const util_1 = requireUtil();
	const main_1 = requireMain$1();
	class Dockerfile extends imageTemplate_1.ImageTemplate {
	    constructor(document) {
	        super();
	        this.initialInstructions = new imageTemplate_1.ImageTemplate();
	        this.buildStages = [];
	        this.directives = [];
	        /**
	         * Whether a FROM instruction has been added to this Dockerfile or not.
	         */
	        this.foundFrom = false;
	        this.document = document;
	    }
	    getEscapeCharacter() {
	        for (const directive of this.directives) {
	            if (directive.getDirective() === ast.Directive.escape) {
	                const value = directive.getValue();
	                if (value === '\\' || value === '`') {
	                    return value;
	                }
	            }
	        }
	        return '\\';
	    }
	    getInitialARGs() {
	        return this.initialInstructions.getARGs();
	    }
	    getContainingImage(position) {
	        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
	        if (!util_1.Util.isInsideRange(position, range)) {
	            // not inside the document, invalid position
	            return null;
	        }
	        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
	            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
	                return this.initialInstructions;
	            }
	        }
	        for (const buildStage of this.buildStages) {
	            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
	                return buildStage;
	            }
	        }
	        return this;
	    }
	    addInstruction(instruction) {
	        if (instruction.getKeyword() === main_1.Keyword.FROM) {
	            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
	            this.buildStages.push(this.currentBuildStage);
	            this.foundFrom = true;
	        }
	        else if (!this.foundFrom) {
	            this.initialInstructions.addInstruction(instruction);
	        }
	        if (this.foundFrom) {
	            this.currentBuildStage.addInstruction(instruction);
	        }
	        super.addInstruction(instruction);
	    }
	    setDirectives(directives) {
	        this.directives = directives;
	    }
	    getDirective() {
	        return this.directives.length === 0 ? null : this.directives[0];
	    }
	    getDirectives() {
	        return this.directives;
	    }
	    resolveVariable(variable, line) {
	        for (let from of this.getFROMs()) {
	            let range = from.getRange();
	            if (range.start.line <= line && line <= range.end.line) {
	                // resolve the FROM variable against the initial ARGs
	                let initialARGs = new imageTemplate_1.ImageTemplate();
	                for (let instruction of this.initialInstructions.getARGs()) {
	                    initialARGs.addInstruction(instruction);
	                }
	                return initialARGs.resolveVariable(variable, line);
	            }
	        }
	        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
	        if (image === null) {
	            return undefined;
	        }
	        let resolvedVariable = image.resolveVariable(variable, line);
	        if (resolvedVariable === null) {
	            // refers to an uninitialized ARG variable,
	            // try resolving it against the initial ARGs then
	            let initialARGs = new imageTemplate_1.ImageTemplate();
	            for (let instruction of this.initialInstructions.getARGs()) {
	                initialARGs.addInstruction(instruction);
	            }
	            return initialARGs.resolveVariable(variable, line);
	        }
	        return resolvedVariable;
	    }
	    getAvailableVariables(currentLine) {
	        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
	            let variables = [];
	            for (let arg of this.getInitialARGs()) {
	                let property = arg.getProperty();
	                if (property) {
	                    variables.push(property.getName());
	                }
	            }
	            return variables;
	        }
	        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
	        return image ? image.getAvailableVariables(currentLine) : [];
	    }
	    getParentStage(image) {
	        const templateFrom = image.getFROM();
	        const imageName = templateFrom === null ? null : templateFrom.getImageName();
	        if (imageName === null) {
	            return null;
	        }
	        for (const from of this.getFROMs()) {
	            if (from.getBuildStage() === imageName) {
	                const range = from.getRange();
	                // on the same line then it's an image that shares the name as the build stage
	                if (range.start.line === templateFrom.getRange().start.line) {
	                    return null;
	                }
	                return this.getContainingImage(range.start);
	            }
	        }
	        return null;
	    }
	    getStageHierarchy(line) {
	        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
	        if (image === null) {
	            return [];
	        }
	        const stages = [image];
	        let stage = this.getParentStage(image);
	        while (stage !== null) {
	            stages.splice(0, 0, stage);
	            stage = this.getParentStage(stage);
	        }
	        return stages;
	    }
	    getAvailableWorkingDirectories(line) {
	        const availableDirectories = new Set();
	        for (const image of this.getStageHierarchy(line)) {
	            for (const workdir of image.getWORKDIRs()) {
	                if (workdir.getRange().end.line < line) {
	                    let directory = workdir.getAbsolutePath();
	                    if (directory !== undefined && directory !== null) {
	                        if (!directory.endsWith("/")) {
	                            directory += "/";
	                        }
	                        availableDirectories.add(directory);
	                    }
	                }
	            }
	        }
	        return Array.from(availableDirectories);
	    }
	    /**
	     * Internally reorganize the comments in the Dockerfile and allocate
	     * them to the relevant build stages that they belong to.
	     */
	    organizeComments() {
	        const comments = this.getComments();
	        for (let i = 0; i < comments.length; i++) {
	            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
	                this.initialInstructions.addComment(comments[i]);
	            }
	            else {
	                for (const buildStage of this.buildStages) {
	                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
	                        buildStage.addComment(comments[i]);
	                    }
	                }
	            }
	        }
	    }
	    getRange() {
	        const comments = this.getComments();
	        const instructions = this.getInstructions();
	        let range = null;
	        if (comments.length === 0) {
	            if (instructions.length > 0) {
	                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
	            }
	        }
	        else if (instructions.length === 0) {
	            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
	        }
	        else {
	            const commentStart = comments[0].getRange().start;
	            const commentEnd = comments[comments.length - 1].getRange().end;
	            const instructionStart = instructions[0].getRange().start;
	            const instructionEnd = instructions[instructions.length - 1].getRange().end;
	            if (commentStart.line < instructionStart.line) {
	                if (commentEnd.line < instructionEnd.line) {
	                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
	                }
	                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
	            }
	            else if (commentEnd.line < instructionEnd.line) {
	                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
	            }
	            else {
	                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
	            }
	        }
	        if (range === null) {
	            if (this.directives.length === 0) {
	                return null;
	            }
	            return this.directives[0].getRange();
	        }
	        else if (this.directives.length === 0) {
	            return range;
	        }
	        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
	    }
	}
	dockerfile.Dockerfile = Dockerfile;
	return dockerfile;
}

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;
	Object.defineProperty(parser, "__esModule", { value: true });
	parser.Parser = void 0;
	const vscode_languageserver_textdocument_1 = require$$0;
	const vscode_languageserver_types_1 = require$$1;
	const comment_1 = requireComment();
	const parserDirective_1 = requireParserDirective();
	const instruction_1 = requireInstruction();
	const add_1 = requireAdd();
	const arg_1 = requireArg();
	const cmd_1 = requireCmd();
	const copy_1 = requireCopy();
	const env_1 = requireEnv();
	const entrypoint_1 = requireEntrypoint();
	const from_1 = requireFrom();
	const healthcheck_1 = requireHealthcheck();
	const label_1 = requireLabel();
	const onbuild_1 = requireOnbuild();
	const run_1 = requireRun();
	const shell_1 = requireShell();
	const stopsignal_1 = requireStopsignal();
	const workdir_1 = requireWorkdir();
	const user_1 = requireUser();
	const volume_1 = requireVolume();
	const dockerfile_1 = requireDockerfile();
	const util_1 = requireUtil();
	const main_1 = requireMain$1();
	class Parser {
	    constructor() {
	        this.escapeChar = null;
	    }
	    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
	        switch (instruction.toUpperCase()) {
	            case "ADD":
	                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "ARG":
	                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "CMD":
	                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "COPY":
	                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "ENTRYPOINT":
	                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "ENV":
	                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "FROM":
	                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "HEALTHCHECK":
	                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "LABEL":
	                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "ONBUILD":
	                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "RUN":
	                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "SHELL":
	                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "STOPSIGNAL":
	                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "WORKDIR":
	                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "USER":
	                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	            case "VOLUME":
	                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	        }
	        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
	    }
	    getParserDirectives(document, buffer) {
	        // reset the escape directive in between runs
	        const directives = [];
	        this.escapeChar = '';
	        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
	        directiveCheck: for (let i = offset; i < buffer.length; i++) {
	            switch (buffer.charAt(i)) {
	                case ' ':
	                case '\t':
	                    break;
	                case '\r':
	                case '\n':
	                    // blank lines stop the parsing of directives immediately
	                    break directiveCheck;
	                case '#':
	                    let directiveStart = -1;
	                    let directiveEnd = -1;
	                    for (let j = i + 1; j < buffer.length; j++) {
	                        let char = buffer.charAt(j);
	                        switch (char) {
	                            case ' ':
	                            case '\t':
	                                if (directiveStart !== -1 && directiveEnd === -1) {
	                                    directiveEnd = j;
	                                }
	                                break;
	                            case '\r':
	                            case '\n':
	                                break directiveCheck;
	                            case '=':
	                                let valueStart = -1;
	                                let valueEnd = -1;
	                                if (directiveEnd === -1) {
	                                    directiveEnd = j;
	                                }
	                                // assume the line ends with the file
	                                let lineEnd = buffer.length;
	                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
	                                    char = buffer.charAt(k);
	                                    switch (char) {
	                                        case '\r':
	                                        case '\n':
	                                            if (valueStart !== -1 && valueEnd === -1) {
	                                                valueEnd = k;
	                                            }
	                                            // line break found, reset
	                                            lineEnd = k;
	                                            break directiveValue;
	                                        case '\t':
	                                        case ' ':
	                                            if (valueStart !== -1 && valueEnd === -1) {
	                                                valueEnd = k;
	                                            }
	                                            continue;
	                                        default:
	                                            if (valueStart === -1) {
	                                                valueStart = k;
	                                            }
	                                            break;
	                                    }
	                                }
	                                if (directiveStart === -1) {
	                                    // no directive, it's a regular comment
	                                    break directiveCheck;
	                                }
	                                if (valueStart === -1) {
	                                    // no non-whitespace characters found, highlight all the characters then
	                                    valueStart = j + 1;
	                                    valueEnd = lineEnd;
	                                }
	                                else if (valueEnd === -1) {
	                                    // reached EOF
	                                    valueEnd = buffer.length;
	                                }
	                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
	                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
	                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
	                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
	                                directiveStart = -1;
	                                if (buffer.charAt(valueEnd) === '\r') {
	                                    // skip over the \r
	                                    i = valueEnd + 1;
	                                }
	                                else {
	                                    i = valueEnd;
	                                }
	                                continue directiveCheck;
	                            default:
	                                if (directiveStart === -1) {
	                                    directiveStart = j;
	                                }
	                                break;
	                        }
	                    }
	                    break;
	                default:
	                    break directiveCheck;
	            }
	        }
	        return directives;
	    }
	    parse(buffer) {
	        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
	        this.buffer = buffer;
	        let dockerfile = new dockerfile_1.Dockerfile(this.document);
	        let directives = this.getParserDirectives(this.document, this.buffer);
	        let offset = 0;
	        this.escapeChar = '\\';
	        if (directives.length > 0) {
	            dockerfile.setDirectives(directives);
	            this.escapeChar = dockerfile.getEscapeCharacter();
	            // start parsing after the directives
	            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
	        }
	        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
	            offset = 1;
	        }
	        for (let i = offset; i < this.buffer.length; i++) {
	            const char = this.buffer.charAt(i);
	            switch (char) {
	                case ' ':
	                case '\t':
	                case '\r':
	                case '\n':
	                    break;
	                case '#':
	                    i = this.processComment(dockerfile, i);
	                    break;
	                default:
	                    i = this.processInstruction(dockerfile, char, i);
	                    break;
	            }
	        }
	        dockerfile.organizeComments();
	        return dockerfile;
	    }
	    processInstruction(dockerfile, char, start) {
	        let instruction = char;
	        let instructionEnd = -1;
	        let escapedInstruction = false;
	        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
	            char = this.buffer.charAt(i);
	            switch (char) {
	                case this.escapeChar:
	                    escapedInstruction = true;
	                    char = this.buffer.charAt(i + 1);
	                    if (char === '\r' || char === '\n') {
	                        if (instructionEnd === -1) {
	                            instructionEnd = i;
	                        }
	                        i++;
	                    }
	                    else if (char === ' ' || char === '\t') {
	                        for (let j = i + 2; j < this.buffer.length; j++) {
	                            switch (this.buffer.charAt(j)) {
	                                case ' ':
	                                case '\t':
	                                    break;
	                                case '\r':
	                                case '\n':
	                                    i = j;
	                                    continue instructionCheck;
	                                default:
	                                    // found an argument, mark end of instruction
	                                    instructionEnd = i + 1;
	                                    instruction = instruction + this.escapeChar;
	                                    i = j - 2;
	                                    continue instructionCheck;
	                            }
	                        }
	                        // reached EOF
	                        instructionEnd = i + 1;
	                        instruction = instruction + this.escapeChar;
	                        break instructionCheck;
	                    }
	                    else {
	                        instructionEnd = i + 1;
	                        instruction = instruction + this.escapeChar;
	                        // reset and consider it as one contiguous word
	                        escapedInstruction = false;
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                    if (escapedInstruction) {
	                        // on an escaped newline, need to search for non-whitespace
	                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
	                            switch (this.buffer.charAt(j)) {
	                                case ' ':
	                                case '\t':
	                                    break;
	                                case '\r':
	                                case '\n':
	                                    i = j;
	                                    continue instructionCheck;
	                                default:
	                                    break escapeCheck;
	                            }
	                        }
	                        escapedInstruction = false;
	                    }
	                    if (instructionEnd === -1) {
	                        instructionEnd = i;
	                    }
	                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
	                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
	                    return i;
	                case '\r':
	                case '\n':
	                    if (escapedInstruction) {
	                        continue;
	                    }
	                    if (instructionEnd === -1) {
	                        instructionEnd = i;
	                    }
	                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
	                    return i;
	                case '#':
	                    if (escapedInstruction) {
	                        continue;
	                    }
	                default:
	                    instructionEnd = i + 1;
	                    instruction = instruction + char;
	                    escapedInstruction = false;
	                    break;
	            }
	        }
	        // reached EOF
	        if (instructionEnd === -1) {
	            instructionEnd = this.buffer.length;
	        }
	        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
	        return this.buffer.length;
	    }
	    processHeredocs(instruction, offset) {
	        let keyword = instruction.getKeyword();
	        if (keyword === main_1.Keyword.ONBUILD) {
	            instruction = instruction.getTriggerInstruction();
	            if (instruction === null) {
	                return offset;
	            }
	            keyword = instruction.getKeyword();
	        }
	        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
	            return offset;
	        }
	        const heredocs = [];
	        let tabbed = false;
	        for (const arg of instruction.getArguments()) {
	            const value = arg.getValue();
	            if (value.startsWith("<<") && value.length > 2) {
	                if (value.startsWith("<<-")) {
	                    tabbed = true;
	                }
	                const name = util_1.Util.parseHeredocName(value);
	                if (name !== null) {
	                    heredocs.push(name);
	                }
	            }
	        }
	        if (heredocs.length > 0) {
	            for (const heredoc of heredocs) {
	                offset = this.parseHeredoc(heredoc, offset, tabbed);
	            }
	        }
	        return offset;
	    }
	    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
	        let escaped = false;
	        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
	            switch (this.buffer.charAt(i)) {
	                case '\r':
	                case '\n':
	                    if (escaped) {
	                        continue;
	                    }
	                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
	                case this.escapeChar:
	                    const next = this.buffer.charAt(i + 1);
	                    if (next === '\n' || next === '\r') {
	                        escaped = true;
	                        i++;
	                    }
	                    else if (next === ' ' || next === '\t') {
	                        for (let j = i + 2; j < this.buffer.length; j++) {
	                            switch (this.buffer.charAt(j)) {
	                                case ' ':
	                                case '\t':
	                                    break;
	                                case '\r':
	                                case '\n':
	                                    escaped = true;
	                                default:
	                                    i = j;
	                                    continue argumentsCheck;
	                            }
	                        }
	                        // reached EOF
	                        return this.buffer.length;
	                    }
	                    continue;
	                case '#':
	                    if (escaped) {
	                        i = this.processComment(dockerfile, i);
	                        continue argumentsCheck;
	                    }
	                    break;
	                case ' ':
	                case '\t':
	                    break;
	                default:
	                    if (escaped) {
	                        escaped = false;
	                    }
	                    break;
	            }
	        }
	        return this.buffer.length;
	    }
	    processComment(dockerfile, start) {
	        let end = this.buffer.length;
	        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
	            switch (this.buffer.charAt(i)) {
	                case '\r':
	                case '\n':
	                    end = i;
	                    break commentLoop;
	            }
	        }
	        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
	        dockerfile.addComment(new comment_1.Comment(this.document, range));
	        return end;
	    }
	    parseHeredoc(heredocName, offset, tabbed) {
	        let startWord = -1;
	        let lineStart = true;
	        for (let i = offset; i < this.buffer.length; i++) {
	            switch (this.buffer.charAt(i)) {
	                case ' ':
	                    lineStart = false;
	                    break;
	                case '\t':
	                    if (!tabbed) {
	                        lineStart = false;
	                    }
	                    break;
	                case '\r':
	                case '\n':
	                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
	                        return i;
	                    }
	                    startWord = -1;
	                    lineStart = true;
	                    break;
	                default:
	                    if (lineStart) {
	                        startWord = i;
	                        lineStart = false;
	                    }
	                    break;
	            }
	        }
	        return this.buffer.length;
	    }
	    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
	        const startPosition = this.document.positionAt(start);
	        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
	        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
	        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
	    }
	}
	parser.Parser = Parser;
	return parser;
}

var hasRequiredMain$1;

function requireMain$1 () {
	if (hasRequiredMain$1) return main$4;
	hasRequiredMain$1 = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
		var argument_1 = requireArgument();
		Object.defineProperty(exports, "Argument", { enumerable: true, get: function () { return argument_1.Argument; } });
		var jsonArgument_1 = requireJsonArgument();
		Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } });
		const comment_1 = requireComment();
		Object.defineProperty(exports, "Comment", { enumerable: true, get: function () { return comment_1.Comment; } });
		const parser_1 = requireParser();
		var flag_1 = requireFlag();
		Object.defineProperty(exports, "Flag", { enumerable: true, get: function () { return flag_1.Flag; } });
		const instruction_1 = requireInstruction();
		Object.defineProperty(exports, "Instruction", { enumerable: true, get: function () { return instruction_1.Instruction; } });
		var line_1 = requireLine();
		Object.defineProperty(exports, "Line", { enumerable: true, get: function () { return line_1.Line; } });
		const parserDirective_1 = requireParserDirective();
		Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function () { return parserDirective_1.ParserDirective; } });
		var property_1 = requireProperty();
		Object.defineProperty(exports, "Property", { enumerable: true, get: function () { return property_1.Property; } });
		var variable_1 = requireVariable();
		Object.defineProperty(exports, "Variable", { enumerable: true, get: function () { return variable_1.Variable; } });
		var add_1 = requireAdd();
		Object.defineProperty(exports, "Add", { enumerable: true, get: function () { return add_1.Add; } });
		const arg_1 = requireArg();
		Object.defineProperty(exports, "Arg", { enumerable: true, get: function () { return arg_1.Arg; } });
		const cmd_1 = requireCmd();
		Object.defineProperty(exports, "Cmd", { enumerable: true, get: function () { return cmd_1.Cmd; } });
		const copy_1 = requireCopy();
		Object.defineProperty(exports, "Copy", { enumerable: true, get: function () { return copy_1.Copy; } });
		const entrypoint_1 = requireEntrypoint();
		Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function () { return entrypoint_1.Entrypoint; } });
		const env_1 = requireEnv();
		Object.defineProperty(exports, "Env", { enumerable: true, get: function () { return env_1.Env; } });
		const from_1 = requireFrom();
		Object.defineProperty(exports, "From", { enumerable: true, get: function () { return from_1.From; } });
		const healthcheck_1 = requireHealthcheck();
		Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function () { return healthcheck_1.Healthcheck; } });
		var heredoc_1 = requireHeredoc();
		Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function () { return heredoc_1.Heredoc; } });
		var jsonInstruction_1 = requireJsonInstruction();
		Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } });
		var label_1 = requireLabel();
		Object.defineProperty(exports, "Label", { enumerable: true, get: function () { return label_1.Label; } });
		var modifiableInstruction_1 = requireModifiableInstruction();
		Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } });
		var onbuild_1 = requireOnbuild();
		Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function () { return onbuild_1.Onbuild; } });
		var propertyInstruction_1 = requirePropertyInstruction();
		Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } });
		var run_1 = requireRun();
		Object.defineProperty(exports, "Run", { enumerable: true, get: function () { return run_1.Run; } });
		var shell_1 = requireShell();
		Object.defineProperty(exports, "Shell", { enumerable: true, get: function () { return shell_1.Shell; } });
		var stopsignal_1 = requireStopsignal();
		Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function () { return stopsignal_1.Stopsignal; } });
		var user_1 = requireUser();
		Object.defineProperty(exports, "User", { enumerable: true, get: function () { return user_1.User; } });
		var volume_1 = requireVolume();
		Object.defineProperty(exports, "Volume", { enumerable: true, get: function () { return volume_1.Volume; } });
		const workdir_1 = requireWorkdir();
		Object.defineProperty(exports, "Workdir", { enumerable: true, get: function () { return workdir_1.Workdir; } });
		var Keyword;
		(function (Keyword) {
		    Keyword["ADD"] = "ADD";
		    Keyword["ARG"] = "ARG";
		    Keyword["CMD"] = "CMD";
		    Keyword["COPY"] = "COPY";
		    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
		    Keyword["ENV"] = "ENV";
		    Keyword["EXPOSE"] = "EXPOSE";
		    Keyword["FROM"] = "FROM";
		    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
		    Keyword["LABEL"] = "LABEL";
		    Keyword["MAINTAINER"] = "MAINTAINER";
		    Keyword["ONBUILD"] = "ONBUILD";
		    Keyword["RUN"] = "RUN";
		    Keyword["SHELL"] = "SHELL";
		    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
		    Keyword["USER"] = "USER";
		    Keyword["VOLUME"] = "VOLUME";
		    Keyword["WORKDIR"] = "WORKDIR";
		})(Keyword || (exports.Keyword = Keyword = {}));
		var Directive;
		(function (Directive) {
		    Directive["escape"] = "escape";
		    Directive["syntax"] = "syntax";
		})(Directive || (exports.Directive = Directive = {}));
		exports.DefaultVariables = [
		    "ALL_PROXY", "all_proxy",
		    "FTP_PROXY", "ftp_proxy",
		    "HTTP_PROXY", "http_proxy",
		    "HTTPS_PROXY", "https_proxy",
		    "NO_PROXY", "no_proxy"
		];
		var DockerfileParser;
		(function (DockerfileParser) {
		    function parse(content) {
		        let parser = new parser_1.Parser();
		        return parser.parse(content);
		    }
		    DockerfileParser.parse = parse;
		})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {})); 
	} (main$4));
	return main$4;
}

var mainExports$1 = requireMain$1();

var ignore;
var hasRequiredIgnore;

function requireIgnore () {
	if (hasRequiredIgnore) return ignore;
	hasRequiredIgnore = 1;
	/**
	 * @license
	 * Copyright 2020 Balena Ltd.
	 *
	 * Licensed under the Apache License, Version 2.0 (the "License");
	 * you may not use this file except in compliance with the License.
	 * You may obtain a copy of the License at
	 *
	 *    http://www.apache.org/licenses/LICENSE-2.0
	 *
	 * Unless required by applicable law or agreed to in writing, software
	 * distributed under the License is distributed on an "AS IS" BASIS,
	 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
	 * See the License for the specific language governing permissions and
	 * limitations under the License.
	 *
	 * ------------------------------------------------------------------------
	 *
	 * Copyright 2018 Zeit, Inc.
	 * Licensed under the MIT License. See file LICENSE.md for a full copy.
	 *
	 * ------------------------------------------------------------------------
	 */

	/**
	 * This module implements the [dockerignore
	 * spec](https://docs.docker.com/engine/reference/builder/#dockerignore-file),
	 * closely following Docker's (Moby) Golang implementation:
	 * https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go
	 * https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go
	 * https://github.com/moby/moby/blob/v19.03.8/pkg/archive/archive.go#L825
	 *
	 * Something the spec is not clear about, but we discovered by reading source code
	 * and testing against the "docker build" command, is the handling of backslashes and
	 * forward slashes as path separators and escape characters in the .dockerignore file
	 * across platforms including Windows, Linux and macOS:
	 *
	 * * On Linux and macOS, only forward slashes can be used as path separators in the
	 *   .dockerignore file, and the backslash works as an escape character.
	 * * On Windows, both forward slashes and backslashes are allowed as path separators
	 *   in the .dockerignore file, and the backslash is not used as an escape character.
	 *
	 * This is consistent with how Windows works generally: both forward slashes and
	 * backslashes are accepted as path separators by the cmd.exe Command Prompt or
	 * PowerShell, and by library functions like the Golang filepath.Clean or the
	 * Node.js path.normalize.
	 *
	 * Similarly, path strings provided to the IgnoreBase.ignores() and IgnoreBase.filter()
	 * methods can use either forward slashes or backslashes as path separators on Windows,
	 * but only forward slashes are accepted as path separators on Linux and macOS.
	 */

	const path = path__default;

	const factory = options => new IgnoreBase(options); // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L538-L539
	// Fixes typescript module import


	factory.default = factory;
	ignore = factory;

	function make_array(subject) {
	  return Array.isArray(subject) ? subject : [subject];
	}

	const REGEX_TRAILING_SLASH = /(?<=.)\/$/;
	const REGEX_TRAILING_BACKSLASH = /(?<=.)\\$/;
	const REGEX_TRAILING_PATH_SEP = path.sep === '\\' ? REGEX_TRAILING_BACKSLASH : REGEX_TRAILING_SLASH;
	const KEY_IGNORE = typeof Symbol !== 'undefined' ? Symbol.for('dockerignore') : 'dockerignore'; // An implementation of Go's filepath.Clean
	// https://golang.org/pkg/path/filepath/#Clean
	// https://github.com/golang/go/blob/master/src/path/filepath/path.go
	// Note that, like Go, on Windows this function converts forward slashes
	// to backslashes.

	function cleanPath(file) {
	  return path.normalize(file).replace(REGEX_TRAILING_PATH_SEP, '');
	} // Javascript port of Golang's filepath.ToSlash
	// https://golang.org/pkg/path/filepath/#ToSlash
	// https://github.com/golang/go/blob/master/src/path/filepath/path.go
	// Convert any OS-specific path separator to '/'. Backslash is converted
	// to forward slash on Windows, but not on Linux/macOS.
	// Note that both forward slashes and backslashes are valid path separators on
	// Windows. As a result, code such as `pattern.split(path.sep).join('/')` fails
	// on Windows when forward slashes are used as path separators.


	function toSlash(file) {
	  if (path.sep === '/') {
	    return file;
	  }

	  return file.replace(/\\/g, '/');
	} // Javascript port of Golang's filepath.FromSlash
	// https://github.com/golang/go/blob/master/src/path/filepath/path.go


	function fromSlash(file) {
	  if (path.sep === '/') {
	    return file;
	  }

	  return file.replace(/\//g, path.sep);
	}

	class IgnoreBase {
	  constructor({
	    // https://github.com/kaelzhang/node-ignore/blob/5.1.4/index.js#L372
	    ignorecase = true
	  } = {}) {
	    this._rules = [];
	    this._ignorecase = ignorecase;
	    this[KEY_IGNORE] = true;

	    this._initCache();
	  }

	  _initCache() {
	    this._cache = {};
	  } // @param {Array.<string>|string|Ignore} pattern


	  add(pattern) {
	    this._added = false;

	    if (typeof pattern === 'string') {
	      pattern = pattern.split(/\r?\n/g);
	    }

	    make_array(pattern).forEach(this._addPattern, this); // Some rules have just added to the ignore,
	    // making the behavior changed.

	    if (this._added) {
	      this._initCache();
	    }

	    return this;
	  } // legacy


	  addPattern(pattern) {
	    return this.add(pattern);
	  }

	  _addPattern(pattern) {
	    // https://github.com/kaelzhang/node-ignore/issues/32
	    if (pattern && pattern[KEY_IGNORE]) {
	      this._rules = this._rules.concat(pattern._rules);
	      this._added = true;
	      return;
	    }

	    if (this._checkPattern(pattern)) {
	      const rule = this._createRule(pattern.trim());

	      if (rule !== null) {
	        this._added = true;

	        this._rules.push(rule);
	      }
	    }
	  }

	  _checkPattern(pattern) {
	    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L34-L40
	    return pattern && typeof pattern === 'string' && pattern.indexOf('#') !== 0 && pattern.trim() !== "";
	  }

	  filter(paths) {
	    return make_array(paths).filter(path => this._filter(path));
	  }

	  createFilter() {
	    return path => this._filter(path);
	  }

	  ignores(path) {
	    return !this._filter(path);
	  } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L41-L53
	  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L29-L55


	  _createRule(pattern) {
	    const origin = pattern;
	    let negative = false; // > An optional prefix "!" which negates the pattern;
	    // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L43-L46

	    if (pattern[0] === '!') {
	      negative = true;
	      pattern = pattern.substring(1).trim();
	    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L47-L53


	    if (pattern.length > 0) {
	      pattern = cleanPath(pattern);
	      pattern = toSlash(pattern);

	      if (pattern.length > 1 && pattern[0] === '/') {
	        pattern = pattern.slice(1);
	      }
	    } // https://github.com/moby/moby/blob/v19.03.8/builder/dockerignore/dockerignore.go#L54-L55


	    if (negative) {
	      pattern = '!' + pattern;
	    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L30


	    pattern = pattern.trim();

	    if (pattern === "") {
	      return null;
	    } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L34
	    // convert forward slashes to backslashes on Windows


	    pattern = cleanPath(pattern); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L36-L42

	    if (pattern[0] === '!') {
	      if (pattern.length === 1) {
	        return null;
	      }

	      negative = true;
	      pattern = pattern.substring(1);
	    } else {
	      negative = false;
	    }

	    return {
	      origin,
	      pattern,
	      // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L54
	      dirs: pattern.split(path.sep),
	      negative
	    };
	  } // @returns `Boolean` true if the `path` is NOT ignored


	  _filter(path) {
	    if (!path) {
	      return false;
	    }

	    if (path in this._cache) {
	      return this._cache[path];
	    }

	    return this._cache[path] = this._test(path);
	  } // @returns {Boolean} true if a file is NOT ignored
	  // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L62


	  _test(file) {
	    file = fromSlash(file); // equivalent to golang filepath.Dir() https://golang.org/src/path/filepath/path.go

	    const parentPath = cleanPath(path.dirname(file));
	    const parentPathDirs = parentPath.split(path.sep);
	    let matched = false;

	    this._rules.forEach(rule => {
	      let match = this._match(file, rule); // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L80


	      if (!match && parentPath !== ".") {
	        // Check to see if the pattern matches one of our parent dirs.
	        if (rule.dirs.includes('**')) {
	          // Ah shucks! We have to test every possible parent path that has 
	          // a number of dirs _n_ where 
	          // `rule.dirs.filter(doubleStar).length <= _n_ <= parentPathDirs.length`
	          // since the ** can imply any number of directories including 0
	          for (let i = rule.dirs.filter(x => x !== '**').length; i <= parentPathDirs.length; i++) {
	            match = match || this._match(parentPathDirs.slice(0, i).join(path.sep), rule);
	          }
	        } else if (rule.dirs.length <= parentPathDirs.length) {
	          // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L83
	          match = this._match(parentPathDirs.slice(0, rule.dirs.length).join(path.sep), rule);
	        }
	      }

	      if (match) {
	        matched = !rule.negative;
	      }
	    });

	    return !matched;
	  } // @returns {Boolean} true if a file is matched by a rule


	  _match(file, rule) {
	    return this._compile(rule).regexp.test(file);
	  } // https://github.com/moby/moby/blob/v19.03.8/pkg/fileutils/fileutils.go#L139


	  _compile(rule) {
	    if (rule.regexp) {
	      return rule;
	    }

	    let regStr = '^'; // Go through the pattern and convert it to a regexp.

	    let escapedSlash = path.sep === '\\' ? '\\\\' : path.sep;

	    for (let i = 0; i < rule.pattern.length; i++) {
	      const ch = rule.pattern[i];

	      if (ch === '*') {
	        if (rule.pattern[i + 1] === '*') {
	          // is some flavor of "**"
	          i++; // Treat **/ as ** so eat the "/"

	          if (rule.pattern[i + 1] === path.sep) {
	            i++;
	          }

	          if (rule.pattern[i + 1] === undefined) {
	            // is "**EOF" - to align with .gitignore just accept all
	            regStr += ".*";
	          } else {
	            // is "**"
	            // Note that this allows for any # of /'s (even 0) because
	            // the .* will eat everything, even /'s
	            regStr += `(.*${escapedSlash})?`;
	          }
	        } else {
	          // is "*" so map it to anything but "/"
	          regStr += `[^${escapedSlash}]*`;
	        }
	      } else if (ch === '?') {
	        // "?" is any char except "/"
	        regStr += `[^${escapedSlash}]`;
	      } else if (ch === '.' || ch === '$') {
	        // Escape some regexp special chars that have no meaning
	        // in golang's filepath.Match
	        regStr += `\\${ch}`;
	      } else if (ch === '\\') {
	        // escape next char. Note that a trailing \ in the pattern
	        // will be left alone (but need to escape it)
	        if (path.sep === '\\') {
	          // On windows map "\" to "\\", meaning an escaped backslash,
	          // and then just continue because filepath.Match on
	          // Windows doesn't allow escaping at all
	          regStr += escapedSlash;
	          continue;
	        }

	        if (rule.pattern[i + 1] !== undefined) {
	          regStr += '\\' + rule.pattern[i + 1];
	          i++;
	        } else {
	          regStr += '\\';
	        }
	      } else {
	        regStr += ch;
	      }
	    }

	    regStr += "$";
	    rule.regexp = new RegExp(regStr, this._ignorecase ? 'i' : '');
	    return rule;
	  }

	}
	return ignore;
}

var ignoreExports = requireIgnore();
var dockerignore = /*@__PURE__*/getDefaultExportFromCjs$1(ignoreExports);

// The ignore file: which context files the builder sends (and so COPY can reach), with Docker's
// rules through @balena/dockerignore (a port of moby's fileutils: `!` re-includes, the last
// matching line wins, `**` is any depth, a pattern that matches a directory excludes what is
// beneath it).
//
// The Dockerfile and the ignore file obey the filter like any file: when a line excludes them, COPY
// cannot reach them, yet the builder still reads them. They are inputs of the image either way, and
// the caller counts them itself.
/**
 * `(path) => true` when the build sees the context file `path` (context-relative, '/'-separated).
 * No ignore file (null) keeps everything.
 */
function contextFilter(ignoreText) {
    if (ignoreText === null)
        return () => true;
    // The library ignores case by default (its node-ignore heritage); Docker on Linux does not, and
    // ignoring `Build/` for a rule `build/` would make the inputs narrower than the build.
    // The package is CommonJS typed as an ES default export: its module object is the factory, and
    // the factory is also its own `default`, which is what both node and the bundle can call.
    const rules = dockerignore.default({ ignorecase: false });
    // moby drops a UTF-8 byte order mark before the first line; the library would read it as part of the pattern.
    rules.add(ignoreText.replace(/^\uFEFF/, ''));
    return p => rules.ignores(p) === false;
}
/**
 * The ignore files a builder reads for a Dockerfile and a context (repository-relative paths), in
 * the order it looks for them: the first that exists applies, the others do not.
 * - docker (BuildKit): `<dockerfile>.dockerignore` beside the Dockerfile, then `<context>/.dockerignore`.
 *   Docker's classic builder reads only the second; BuildKit is what `docker buildx` runs.
 * - buildah and podman: `<context>/.containerignore`, then `<context>/.dockerignore`.
 */
function ignoreFileFor(dockerfilePath, contextDir, builder = 'docker') {
    const inContext = (name) => (contextDir === '' ? name : normal(`${contextDir}/${name}`));
    if (builder === 'buildah')
        return [inContext('.containerignore'), inContext('.dockerignore')];
    return [normal(`${dockerfilePath}.dockerignore`), inContext('.dockerignore')];
}
/** A '.', '..' or empty segment, or a '/' at either end: what normalising may change. */
const NOT_NORMAL = /(^|\/)\.{1,2}(\/|$)|\/\/|^\/|\/$/;
/**
 * path.posix.normalize, without its cost for a path that is normal already (a plan asks for
 * every image's ignore files several times, and most paths are).
 */
function normal(p) {
    return NOT_NORMAL.test(p) ? path$1.posix.normalize(p) : p;
}
function ignoreRules(text) {
    const exact = contextFilter(text);
    const lines = exclusionPatterns(text);
    // At the context every line may still match: its scope's keep is the whole file's.
    return {
        keep: scopeOf(lines, exact, []).keep,
        scope: dir => scopeOf(lines, exact, dir === '' ? [] : dir.split('/'))
    };
}
/**
 * keep, asking the library only of a path one of the lines may match: most paths no exclusion
 * line can match, and the library's answer is exact but costs a regular expression per line.
 */
function keepAmong(lines, exact) {
    if (lines.length === 0)
        return () => true;
    return path => {
        const segments = path.split('/');
        return !lines.some(line => mayMatchAtOrAbove(line, segments, 0, 0)) || exact(path);
    };
}
function scopeOf(lines, exact, dir) {
    // The lines that may match the directory, one above it, or something beneath it.
    const live = lines.filter(line => mayMatch(line, dir, 0, 0));
    return {
        mayExclude: live.length > 0,
        keep: keepAmong(live, exact),
        child: name => scopeOf(live, exact, [...dir, name])
    };
}
const ANY_NAME = Symbol('any name');
/** The exclusion lines of an ignore file (not its `!` exceptions), cleaned as moby cleans them. */
function exclusionPatterns(text) {
    const out = [];
    for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('!'))
            continue;
        const segments = line.split('/').filter(s => s !== '' && s !== '.');
        if (segments.length > 0)
            out.push(segments.map(compileSegment));
    }
    return out;
}
function compileSegment(segment) {
    if (segment === '**')
        return '**';
    if (!/[*?[\\]/.test(segment))
        return segment;
    if (segment.includes('**') || segment.includes('['))
        return ANY_NAME;
    let re = '';
    for (let k = 0; k < segment.length; k++) {
        const ch = segment[k];
        if (ch === '*')
            re += '[^/]*';
        else if (ch === '?')
            re += '[^/]';
        else if (ch === '\\' && k + 1 < segment.length)
            re += escapeRegExp$1(segment[++k]);
        else
            re += escapeRegExp$1(ch);
    }
    return new RegExp(`^${re}$`, 's');
}
function segmentMatches(segment, name) {
    if (typeof segment === 'string')
        return segment === name;
    if (segment === ANY_NAME)
        return true;
    return segment.test(name);
}
function escapeRegExp$1(ch) {
    return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/**
 * Whether an ignore line may match the directory (its segments), one above it or something
 * beneath it: segment by segment, `**` any depth (a superset of moby's matching).
 */
function mayMatch(pattern, dir, i, j) {
    // The pattern ended at or above the directory (it excludes it), or the directory ended first
    // (the rest of the pattern may name something beneath it).
    if (i === pattern.length || j === dir.length)
        return true;
    const segment = pattern[i];
    if (segment === ANY_NAME)
        return true;
    if (segment === '**')
        return mayMatch(pattern, dir, i + 1, j) || mayMatch(pattern, dir, i, j + 1);
    return segmentMatches(segment, dir[j]) && mayMatch(pattern, dir, i + 1, j + 1);
}
/**
 * Whether an ignore line may match the path or a directory above it (which excludes the path): a
 * superset of moby's matching, so a path it rules out is one no line excludes.
 */
function mayMatchAtOrAbove(pattern, path, i, j) {
    if (i === pattern.length)
        return j > 0;
    const segment = pattern[i];
    if (segment === ANY_NAME)
        return true;
    if (segment === '**')
        return (mayMatchAtOrAbove(pattern, path, i + 1, j) ||
            (j < path.length && mayMatchAtOrAbove(pattern, path, i, j + 1)));
    if (j === path.length)
        return false;
    return segmentMatches(segment, path[j]) && mayMatchAtOrAbove(pattern, path, i + 1, j + 1);
}

// Variable expansion in one Dockerfile word, as BuildKit's shell lexer does it (quotes removed,
// `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR:+word}`, `${VAR-word}`, `${VAR+word}`, `${VAR:?word}`).
// A variable whose value the reader cannot know (never declared, declared without a value, or
// set from something unknown) fails the expansion: the caller then counts the whole context.
class Unknown extends Error {
}
function expandWord(word, lookup, escape = '\\') {
    try {
        const lexer = new WordLexer(word, lookup, escape);
        return { ok: true, value: lexer.word('') };
    }
    catch (e) {
        if (e instanceof Unknown)
            return { ok: false, reason: e.message };
        throw e;
    }
}
class WordLexer {
    text;
    lookup;
    escape;
    at = 0;
    /** Set while reading a `${VAR:-word}` word whose value is not used: its variables need no value. */
    skipping = 0;
    constructor(text, lookup, escape) {
        this.text = text;
        this.lookup = lookup;
        this.escape = escape;
    }
    peek() {
        return this.text[this.at];
    }
    next() {
        return this.text[this.at++];
    }
    /** Reads up to `stop` (not consumed) or the end; '' stops only at the end. */
    word(stop) {
        let out = '';
        for (;;) {
            const ch = this.peek();
            if (ch === undefined) {
                if (stop)
                    throw new Unknown('has an unterminated ${');
                return out;
            }
            if (stop && ch === stop)
                return out;
            this.next();
            if (ch === this.escape) {
                const escaped = this.next();
                if (escaped !== undefined)
                    out += escaped;
            }
            else if (ch === "'") {
                out += this.singleQuoted();
            }
            else if (ch === '"') {
                out += this.doubleQuoted();
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
    }
    singleQuoted() {
        const end = this.text.indexOf("'", this.at);
        if (end < 0)
            throw new Unknown('has an unterminated single quote');
        const value = this.text.slice(this.at, end);
        this.at = end + 1;
        return value;
    }
    doubleQuoted() {
        let out = '';
        for (;;) {
            const ch = this.next();
            if (ch === undefined)
                throw new Unknown('has an unterminated double quote');
            if (ch === '"')
                return out;
            if (ch === this.escape) {
                const after = this.peek();
                if (after === '"' || after === '$' || after === this.escape) {
                    out += after;
                    this.next();
                }
                else {
                    out += ch;
                }
            }
            else if (ch === '$') {
                out += this.dollar();
            }
            else {
                out += ch;
            }
        }
    }
    name() {
        let name = '';
        const first = this.peek();
        if (first !== undefined && /[0-9]/.test(first)) {
            while (this.peek() !== undefined && /[0-9]/.test(this.peek()))
                name += this.next();
            return name;
        }
        if (first !== undefined && '@*#?-$!'.includes(first))
            return this.next();
        while (this.peek() !== undefined && /[A-Za-z0-9_]/.test(this.peek()))
            name += this.next();
        return name;
    }
    value(name) {
        if (this.skipping)
            return '';
        const value = this.lookup(name);
        if (value === undefined)
            throw new Unknown(`holds $${name}, a variable with no value here`);
        return value;
    }
    dollar() {
        if (this.peek() !== '{') {
            const name = this.name();
            return name === '' ? '$' : this.value(name);
        }
        this.next();
        const name = this.name();
        if (name === '')
            throw new Unknown('has a bad substitution');
        const ch = this.next();
        if (ch === '}')
            return this.value(name);
        let colon = false;
        let modifier = ch;
        if (ch === ':') {
            colon = true;
            modifier = this.next();
        }
        if (modifier !== '-' && modifier !== '+' && modifier !== '?') {
            throw new Unknown(`\${${name}${colon ? ':' : ''}${modifier ?? ''}...} is a form the reader does not expand`);
        }
        const value = this.value(name);
        const isSet = colon ? value !== '' : true;
        const used = modifier === '-' ? !isSet : modifier === '+' ? isSet : false;
        if (!used)
            this.skipping++;
        const word = this.word('}');
        if (!used)
            this.skipping--;
        this.next();
        if (modifier === '-')
            return isSet ? value : word;
        if (modifier === '+')
            return isSet ? word : '';
        if (!isSet && !this.skipping)
            throw new Unknown(`\${${name}:?} fails: ${name} has no value`);
        return value;
    }
}

// What a Dockerfile reads from its build context: the sources of its COPY, ADD and
// `RUN --mount=type=bind` instructions, or the whole context when the reader cannot be sure.
/** Whole context, because of something at `line` of `file` (or of the file as a whole). */
function wholeContext(file, reason, line) {
    return line === undefined
        ? { kind: 'whole', reason: `${file}: ${reason}` }
        : { kind: 'whole', reason: `${file}:${line}: ${reason}`, line };
}

// The `# syntax=` directive picks the program that reads the Dockerfile. Only Docker's own
// Dockerfile frontend reads it the way this reader does; any other one may read the context
// differently, so it makes the whole context the input.
const DOCKER_FRONTEND = /^(?:(?:docker\.io|index\.docker\.io)\/)?docker\/dockerfile(?::\d+(?:\.\d+){0,2}(?:-labs)?)?(?:@sha256:[0-9a-f]{64})?$/;
/** Whether `ref` (a `# syntax=` value) names Docker's own Dockerfile frontend. */
function isDockerFrontend(ref) {
    return DOCKER_FRONTEND.test(ref.trim());
}

// Splitting an instruction's arguments into words the way BuildKit's parser does: JSON form when
// the arguments are a JSON array of strings, else words between runs of whitespace (quotes do not
// group words there; the shell lexer removes them from each word afterwards). Also the CSV of a
// `--mount` flag and the names of remote ADD sources.
/** The words of a COPY/ADD argument string (flags already removed), with whether it was JSON. */
function splitArguments(args) {
    const trimmed = args.trimStart();
    if (trimmed.startsWith('[')) {
        try {
            const parsed = JSON.parse(trimmed);
            if (Array.isArray(parsed) && parsed.every(w => typeof w === 'string')) {
                return { words: parsed, json: true };
            }
        }
        catch {
            // Not JSON: BuildKit falls back to the whitespace-separated form.
        }
    }
    return { words: trimmed.split(/[\t\v\f\r ]+/).filter(w => w !== ''), json: false };
}
/** `type=bind,source=a,target=/b` as BuildKit reads it (encoding/csv: a field may be quoted). */
function parseMountOptions(value) {
    const fields = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < value.length; i++) {
        const ch = value[i];
        if (quoted) {
            if (ch === '"' && value[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (ch === '"') {
                quoted = false;
            }
            else {
                field += ch;
            }
        }
        else if (ch === '"' && field === '') {
            quoted = true;
        }
        else if (ch === ',') {
            fields.push(field);
            field = '';
        }
        else {
            field += ch;
        }
    }
    fields.push(field);
    const options = new Map();
    for (const f of fields) {
        const eq = f.indexOf('=');
        const key = (eq < 0 ? f : f.slice(0, eq)).trim().toLowerCase();
        if (key)
            options.set(key, eq < 0 ? '' : f.slice(eq + 1));
    }
    return options;
}
// BuildKit's ADD fetches these instead of reading the context: URLs and git remotes
// (`git@host:repo`, `ssh://`, `git://`).
const REMOTE$1 = /^(?:https?:\/\/|git:\/\/|ssh:\/\/|[A-Za-z0-9_-]+@[A-Za-z0-9.-]+:)/i;
/** Whether an ADD source (as written, or after expansion) is a remote one. */
function isRemoteSource(source) {
    return REMOTE$1.test(source.replace(/^["']/, ''));
}
/**
 * A source as a context-relative path: `./a`, `/a` and `a/` are `a`, the context itself is `.`,
 * and `..` stops at the context root (BuildKit resolves sources inside the context).
 */
function contextPath(source) {
    const parts = [];
    for (const part of source.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.length === 0 ? '.' : parts.join('/');
}
/**
 * The words of an ENV or ARG line as BuildKit's parseWords splits them: whitespace separates words
 * except inside quotes; quotes and escapes stay in the word (the shell lexer removes them later).
 */
function parseWords(rest, escape) {
    const words = [];
    let word = '';
    let inWord = false;
    let blankOK = false;
    let quote = '';
    const chars = [...rest];
    for (let i = 0; i < chars.length; i++) {
        let ch = chars[i];
        if (quote) {
            if (ch === quote)
                quote = '';
            else if (ch === escape && quote !== "'") {
                if (i + 1 === chars.length) {
                    quote = '';
                    continue;
                }
                word += ch;
                ch = chars[++i];
            }
            word += ch;
            continue;
        }
        if (/\s/.test(ch)) {
            if (inWord && (blankOK || word !== ''))
                words.push(word);
            inWord = false;
            word = '';
            blankOK = false;
            continue;
        }
        inWord = true;
        if (ch === "'" || ch === '"') {
            quote = ch;
            blankOK = true;
        }
        else if (ch === escape) {
            if (i + 1 === chars.length)
                continue;
            word += ch;
            ch = chars[++i];
        }
        word += ch;
    }
    if (inWord && (blankOK || word !== ''))
        words.push(word);
    return words;
}
/** `ENV a=1 b=2` or the old `ENV a 1 2` as name and (unexpanded) value pairs. */
function parseEnvPairs(rest, escape) {
    const words = parseWords(rest, escape);
    if (words.length === 0)
        return [];
    if (!words[0].includes('=')) {
        const parts = rest.trim().split(/\s+/);
        return [[parts[0], rest.trim().slice(parts[0].length).trim()]];
    }
    return words.map(w => {
        const eq = w.indexOf('=');
        return eq < 0 ? [w, ''] : [w.slice(0, eq), w.slice(eq + 1)];
    });
}
/** `ARG a b=2` as names with their (unexpanded) defaults. */
function parseArgDeclarations(rest, escape) {
    return parseWords(rest, escape).map(w => {
        const eq = w.indexOf('=');
        return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
    });
}

// dockerfileInputs: which context paths a Dockerfile's build can read, read as Docker reads them
// (every stage, variables expanded), or the whole context with a reason when it cannot be sure.
/** Thrown inside the reader to stop at the first thing that makes the whole context the input. */
class Whole extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
const KEYWORDS = new Set(Object.values(mainExports$1.Keyword));
const TEXT_LIMIT = 100;
function dockerfileInputs(text, options) {
    try {
        return new Reader(text, options).read();
    }
    catch (e) {
        if (e instanceof Whole)
            return wholeContext(options.file, e.message, e.line);
        throw e;
    }
}
class Reader {
    options;
    lines;
    escape;
    instructions;
    globals = new Map();
    stages = [];
    declared = new Set();
    sources = [];
    constructor(text, options) {
        this.options = options;
        this.lines = text.split(/\r\n|\r|\n/);
        const syntax = options.buildArgs.BUILDKIT_SYNTAX;
        if (syntax !== undefined && !isDockerFrontend(syntax)) {
            throw new Whole(`build argument BUILDKIT_SYNTAX=${syntax} is not Docker's Dockerfile frontend`);
        }
        const dockerfile = mainExports$1.DockerfileParser.parse(text);
        for (const directive of dockerfile.getDirectives()) {
            const value = directive.getValue();
            if (directive.getName().toLowerCase() === 'syntax' && !isDockerFrontend(value)) {
                const line = directive.getRange().start.line + 1;
                throw new Whole(`# syntax=${value} is not Docker's Dockerfile frontend`, line);
            }
        }
        this.escape = dockerfile.getEscapeCharacter();
        this.instructions = dockerfile.getInstructions();
    }
    read() {
        for (const instruction of this.instructions)
            this.instruction(instruction);
        if (this.stages.length === 0)
            throw new Whole('has no FROM instruction');
        const target = this.options.target;
        if (target !== undefined && !this.stages.some(s => s.name === target.toLowerCase())) {
            throw new Whole(`the target '${target}' is not a stage of the Dockerfile`);
        }
        const args = [...this.declared].filter(n => n in this.options.buildArgs).sort();
        return { kind: 'narrowed', sources: this.sources, args };
    }
    instruction(ins) {
        const keyword = ins.getKeyword().toUpperCase();
        const line = ins.getRange().start.line + 1;
        if (!KEYWORDS.has(keyword))
            throw new Whole(`unknown instruction ${ins.getKeyword()}`, line);
        const stage = this.stages.at(-1);
        if (keyword === 'FROM')
            return this.from(ins, line);
        if (keyword === 'ARG')
            return this.arg(ins, stage);
        if (!stage)
            throw new Whole(`${keyword} comes before the first FROM`, line);
        if (keyword === 'ENV')
            return this.env(ins, stage);
        if (keyword === 'ONBUILD')
            return this.onbuild(ins, line);
        this.reader(ins, keyword, line, this.lookup(stage));
    }
    /** The instructions that read the context. */
    reader(ins, keyword, line, lookup) {
        if (keyword === 'COPY' || keyword === 'ADD')
            this.copy(ins, keyword, line, lookup);
        else if (keyword === 'RUN')
            this.run(ins, line, lookup);
    }
    lookup(stage) {
        return name => {
            const inEnv = stage.env.has(name);
            const inArgs = stage.args.has(name);
            // Builders disagree on whether ENV or ARG wins when both name a variable: know it only when they agree.
            if (inEnv && inArgs && stage.env.get(name) !== stage.args.get(name))
                return undefined;
            return inEnv ? stage.env.get(name) : stage.args.get(name);
        };
    }
    globalLookup() {
        return name => this.globals.get(name);
    }
    from(ins, line) {
        const words = splitArguments(ins.getArgumentsContent() ?? '').words;
        if (words.length !== 1 && !(words.length === 3 && words[1].toLowerCase() === 'as')) {
            throw new Whole('FROM takes an image and an optional AS name', line);
        }
        const image = expandWord(words[0], this.globalLookup(), this.escape);
        // A stage built on another stage inherits its ENV; on an image or an unknown base, nothing known.
        const parent = image.ok
            ? this.stages.find(s => s.name === image.value.toLowerCase())
            : undefined;
        this.stages.push({
            name: words[2]?.toLowerCase(),
            env: new Map(parent?.env ?? []),
            args: new Map()
        });
    }
    arg(ins, stage) {
        const scope = stage ? stage.args : this.globals;
        const lookup = stage ? this.lookup(stage) : this.globalLookup();
        const given = this.options.buildArgs;
        for (const [name, fallback] of parseArgDeclarations(ins.getArgumentsContent() ?? '', this.escape)) {
            this.declared.add(name);
            let value;
            if (this.options.unknownArgs?.includes(name))
                value = undefined;
            else if (Object.hasOwn(given, name))
                value = given[name];
            else if (fallback !== undefined) {
                const expanded = expandWord(fallback, lookup, this.escape);
                value = expanded.ok ? expanded.value : undefined;
            }
            else if (stage)
                value = this.globals.get(name);
            scope.set(name, value);
        }
    }
    env(ins, stage) {
        const lookup = this.lookup(stage);
        const pairs = parseEnvPairs(ins.getArgumentsContent() ?? '', this.escape);
        // Every value of one ENV is expanded with the variables as they were before it.
        const values = pairs.map(([, raw]) => expandWord(raw, lookup, this.escape));
        pairs.forEach(([name], i) => {
            const v = values[i];
            stage.env.set(name, v.ok ? v.value : undefined);
        });
    }
    onbuild(ins, line) {
        const trigger = ins.getTriggerInstruction();
        if (!trigger)
            return;
        const keyword = trigger.getKeyword().toUpperCase();
        // A trigger runs in a later build, with that build's variables: none is known here.
        this.reader(trigger, keyword, line, () => undefined);
    }
    flags(ins, line) {
        if (!(ins instanceof mainExports$1.ModifiableInstruction))
            return [];
        return ins.getFlags().map(flag => {
            const value = flag.getValue() ?? '';
            // The parser splits a quoted flag value at its spaces, and the words after it would be misread.
            if (value.includes('"') || value.includes("'")) {
                throw new Whole(`${this.shortText(ins)}: a quoted flag value is not read here`, line);
            }
            return { name: flag.getName().toLowerCase(), value };
        });
    }
    copy(ins, keyword, line, lookup) {
        const text = this.shortText(ins);
        const from = this.flags(ins, line).find(f => f.name === 'from');
        if (from) {
            const stage = expandWord(from.value, lookup, this.escape);
            if (!stage.ok)
                throw new Whole(`${text}: --from=${from.value} ${stage.reason}`, line);
            if (stage.value !== '')
                return;
        }
        const content = ins.getArgumentsContent() ?? '';
        const [firstLine, ...rest] = content.split('\n');
        let words;
        let heredocs = 0;
        if (rest.length > 0 || /(^|\s)\d*<<-?\S/.test(firstLine)) {
            // A here-document: its body is in the Dockerfile, only the other words of the first line are paths.
            words = firstLine.split(/[\t\v\f\r ]+/).filter(w => w !== '');
            const before = words.length;
            words = words.filter(w => !/^\d*<<-?\S/.test(w));
            heredocs = before - words.length;
            if (heredocs === 0)
                throw new Whole(`${text}: an instruction over several lines is not read here`, line);
        }
        else {
            words = splitArguments(content).words;
        }
        if (words.length + heredocs < 2)
            throw new Whole(`${text}: needs a source and a destination`, line);
        const patterns = [];
        for (const word of words.slice(0, -1)) {
            if (keyword === 'ADD' && isRemoteSource(word))
                continue;
            const expanded = expandWord(word, lookup, this.escape);
            if (!expanded.ok)
                throw new Whole(`${text}: the source ${word} ${expanded.reason}`, line);
            if (keyword === 'ADD' && isRemoteSource(expanded.value))
                continue;
            patterns.push(contextPath(expanded.value));
        }
        if (patterns.length > 0) {
            this.sources.push({ instruction: keyword, line, text, patterns });
        }
    }
    run(ins, line, lookup) {
        const text = this.shortText(ins);
        const patterns = [];
        for (const flag of this.flags(ins, line)) {
            if (flag.name !== 'mount')
                continue;
            const options = parseMountOptions(flag.value);
            const option = (key, fallback) => {
                const raw = options.get(key);
                if (raw === undefined)
                    return fallback;
                const expanded = expandWord(raw, lookup, this.escape);
                if (!expanded.ok)
                    throw new Whole(`${text}: --mount ${key}=${raw} ${expanded.reason}`, line);
                return expanded.value;
            };
            if (option('type', 'bind').toLowerCase() !== 'bind')
                continue;
            if (option('from', '') !== '')
                continue;
            patterns.push(contextPath(option('source', option('src', '.'))));
        }
        if (patterns.length > 0)
            this.sources.push({ instruction: 'RUN --mount', line, text, patterns });
    }
    /** The instruction as written, on one line, up to TEXT_LIMIT characters. */
    shortText(ins) {
        const range = ins.getRange();
        const parts = [];
        for (let l = range.start.line; l <= range.end.line; l++) {
            let part = this.lines[l]?.trim() ?? '';
            if (l > range.start.line && (part === '' || part.startsWith('#')))
                continue;
            if (part.endsWith(this.escape))
                part = part.slice(0, -1).trim();
            parts.push(part);
            if (/(^|\s)\d*<<-?\S/.test(part))
                break;
        }
        const one = parts.join(' ').replace(/\s+/g, ' ');
        return one.length > TEXT_LIMIT ? `${one.slice(0, TEXT_LIMIT - 1)}…` : one;
    }
}

function selectContextFiles(paths, inputs, keep, options = {}) {
    const kept = paths.filter(keep).sort();
    // Every file, the ignore file not applied: a Dockerfile not understood may bind the context,
    // which buildah does without the ignore file.
    const whole = (reason, line) => ({
        files: [...paths].sort(),
        emptyDirectories: [],
        reached: [],
        whole: { reason, line }
    });
    for (const source of inputs.sources) {
        for (const pattern of source.patterns) {
            const link = followedLink(pattern, options.symlinks);
            if (link !== undefined) {
                const where = options.file ? `${options.file}:${source.line}: ` : '';
                return whole(`${where}${source.text} follows the symbolic link ${link}`, source.line);
            }
        }
    }
    const all = new Set();
    const everything = [...paths].sort();
    const reached = inputs.sources.map(source => {
        const own = source.patterns.map(compilePattern);
        const files = candidates(source, kept, everything).filter(f => own.some(m => m(f)));
        for (const f of files)
            all.add(f);
        return { source, files };
    });
    const copies = inputs.sources.filter(s => !bindsUnfiltered(s)).flatMap(s => s.patterns);
    const binds = inputs.sources.filter(bindsUnfiltered).flatMap(s => s.patterns);
    const copied = copies.map(compilePattern);
    const bound = binds.map(compilePattern);
    const made = (dir) => (keep(dir) && copied.some(m => m(dir))) || bound.some(m => m(dir));
    const files = [...all].sort();
    return { files, emptyDirectories: emptyDirectories(paths, files, made), reached };
}
/**
 * buildah (1.28) binds the context directory as it is on disk for `RUN --mount=type=bind`: the
 * ignore file does not apply there (BuildKit binds the filtered context). Never narrower than
 * either: a bind mount reaches ignored files too.
 */
function bindsUnfiltered(source) {
    return source.instruction === 'RUN --mount';
}
function candidates(source, kept, everything) {
    return bindsUnfiltered(source) ? everything : kept;
}
/** Directories of the context the build makes (`made`) with no file it reads beneath. */
function emptyDirectories(paths, files, made) {
    const full = new Set();
    for (const f of files)
        for (const d of parents(f))
            full.add(d);
    const empty = new Set();
    for (const p of paths) {
        for (const d of parents(p)) {
            if (!full.has(d) && !empty.has(d) && made(d))
                empty.add(d);
        }
    }
    return [...empty].sort();
}
function parents(file) {
    const out = [];
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1))
        out.push(file.slice(0, i));
    return out;
}
/** `(file) => true` when the pattern names the file or a directory above it. */
function compilePattern(pattern) {
    if (pattern === '.' || pattern === '')
        return () => true;
    if (!/[*?[\\]/.test(pattern))
        return f => f === pattern || f.startsWith(`${pattern}/`);
    const segments = pattern.split('/').map(segmentMatcher);
    return f => reachesPrefix(segments, 0, f.split('/'), 0);
}
/** One segment of a source pattern as the builders match it against one name (`**`: any depth). */
function segmentMatcher(segment) {
    // Go's filepath.Match reads `**` as `*`; BuildKit's `COPY --parents` reads it as any depth.
    // Any depth here, a superset of both.
    if (segment === '**')
        return '**';
    let re = '';
    for (let i = 0; i < segment.length; i++) {
        const ch = segment[i];
        if (ch === '*')
            re += '.*';
        else if (ch === '?')
            re += '.';
        else if (ch === '[') {
            const cls = characterClass(segment, i);
            re += cls.re;
            i = cls.end;
        }
        else if (ch === '\\' && i + 1 < segment.length) {
            re += escapeRegExp(segment[++i]);
        }
        else
            re += escapeRegExp(ch);
    }
    return new RegExp(`^${re}$`, 's');
}
/**
 * Go's `[^a-z\\]]` class from `start` (its '['): the regular expression and the index of its ']'.
 * A malformed class (Go's ErrBadPattern, a failed build) matches the rest of the segment: a superset.
 */
function characterClass(segment, start) {
    let i = start + 1;
    let re = '[';
    if (segment[i] === '^') {
        re += '^';
        i++;
    }
    let ranges = 0;
    for (; i < segment.length && (segment[i] !== ']' || ranges === 0); i++) {
        let ch = segment[i];
        if (ch === '\\' && i + 1 < segment.length)
            ch = segment[++i];
        re += escapeRegExp(ch);
        if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
            let hi = segment[i + 2];
            i += 2;
            if (hi === '\\' && i + 1 < segment.length)
                hi = segment[++i];
            re += `-${escapeRegExp(hi)}`;
        }
        ranges++;
    }
    if (i >= segment.length)
        return { re: '.*', end: segment.length };
    return { re: `${re}]`, end: i };
}
function escapeRegExp(ch) {
    return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
/** Whether the pattern's segments from `i` match the file's segments from `j` up to some depth. */
function reachesPrefix(pattern, i, file, j) {
    if (i === pattern.length)
        return j > 0;
    if (j === file.length)
        return pattern.slice(i).every(s => s === '**') && j > 0;
    const segment = pattern[i];
    if (segment === '**') {
        return reachesPrefix(pattern, i + 1, file, j) || reachesPrefix(pattern, i, file, j + 1);
    }
    return segment.test(file[j]) && reachesPrefix(pattern, i + 1, file, j + 1);
}
/** The symbolic link a pattern names or passes through, if any. */
function followedLink(pattern, symlinks) {
    if (!symlinks || symlinks.size === 0 || pattern === '.')
        return undefined;
    const segments = pattern.split('/').map(segmentMatcher);
    for (const link of symlinks) {
        const parts = link.split('/');
        if (parts.length > segments.length && !segments.includes('**'))
            continue;
        if (namesOrPassesThrough(segments, 0, parts, 0))
            return link;
    }
    return undefined;
}
/** Whether the pattern's segments from `i` match all of the link's segments from `j` (and maybe more). */
function namesOrPassesThrough(pattern, i, link, j) {
    if (j === link.length)
        return true;
    if (i === pattern.length)
        return false;
    const segment = pattern[i];
    if (segment === '**') {
        return (namesOrPassesThrough(pattern, i + 1, link, j) || namesOrPassesThrough(pattern, i, link, j + 1));
    }
    return segment.test(link[j]) && namesOrPassesThrough(pattern, i + 1, link, j + 1);
}

// Paths under the graph's root ('' is the root itself), '/'-separated: the few questions every
// reader of them asks, answered one way.
/** Whether path is dir or lies beneath it (no string made: it runs per file and pattern). */
function isUnder(path, dir) {
    return (dir === '' || path === dir || (path.startsWith(dir) && path.charCodeAt(dir.length) === 47) // '/'
    );
}
/** Whether one of two paths is the other or lies beneath it. */
function overlaps(a, b) {
    return isUnder(a, b) || isUnder(b, a);
}
/** A name under a directory. */
function joinPath(dir, name) {
    return dir === '' ? name : name === '' ? dir : `${dir}/${name}`;
}
/** Whether path is one of dirs or lies under one: a lookup per level, not per directory. */
function underAny(dirs, path) {
    if (dirs.size === 0)
        return false;
    if (dirs.has('') || dirs.has(path))
        return true;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1))
        if (dirs.has(path.slice(0, slash)))
            return true;
    return false;
}
/** The directories not under another of them, sorted. */
function outermost(dirs) {
    const kept = new Set();
    // Shorter first: a directory's ancestors are decided before it.
    for (const d of [...new Set(dirs)].sort((a, b) => a.length - b.length))
        if (!underAny(kept, d))
            kept.add(d);
    return [...kept].sort();
}
/**
 * The files at or under path in a list sorted by path: one run (`path-x` sorts before `path/`),
 * found by binary search.
 */
function filesAtOrUnder(sorted, path) {
    if (path === '')
        return [...sorted];
    const out = [];
    const exact = sorted[lowerBound(sorted, path)];
    if (exact?.path === path)
        out.push(exact);
    const prefix = `${path}/`;
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
        if (!sorted[i].path.startsWith(prefix))
            break;
        out.push(sorted[i]);
    }
    return out;
}
function lowerBound(sorted, path) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].path < path)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

// What an image's build reads of the repository (issue 13): with `context-inputs: dockerfile` (the
// default), the context files its Dockerfile's COPY, ADD and bind mounts reach, minus what the
// ignore file excludes; the whole context when the graph asks for it or when the Dockerfile cannot
// be read with certainty (then with the reason). Pure: the texts come from the caller.
/**
 * What the images of one plan share: an ignore file compiled once however many images it applies
 * to (its filter keeps its answers, so a path is judged once); a Dockerfile read once for each set
 * of build arguments it is given (many images may build one template).
 */
class ReachMemo {
    ignores = new Map();
    read = new Map();
    names = new Map();
    inputs(text, options) {
        const key = `${JSON.stringify([options.buildArgs, options.unknownArgs, options.target, options.file])}\n${text}`;
        let found = this.read.get(key);
        if (!found)
            this.read.set(key, (found = dockerfileInputs(text, options)));
        return found;
    }
    declared(text) {
        let found = this.names.get(text);
        if (!found)
            this.names.set(text, (found = declaredArgs(text)));
        return found;
    }
    rules(text) {
        let found = this.ignores.get(text);
        if (!found)
            this.ignores.set(text, (found = ignoreRules(text)));
        return found;
    }
}
/**
 * The image's reach. context: its real directory under the root; texts: the files as the commit
 * holds them.
 */
function imageReach(node, context, texts, memo = new ReachMemo()) {
    // Only a build-args-file needs the declared names (a second reading of the Dockerfile).
    const declared = texts.dockerfile === null || texts.argsFile === undefined
        ? null
        : memo.declared(texts.dockerfile);
    const fileArgs = argsFromFile(node, texts.argsFile, declared);
    const whole = (reason) => ({
        kind: 'whole',
        declared,
        ...(reason !== undefined ? { reason } : {}),
        fileArgs
    });
    if (node.contextInputs === 'whole')
        return whole();
    if (texts.dockerfile === null)
        return whole(`${node.dockerfile} is not a file in the commit`);
    const inputs = memo.inputs(texts.dockerfile, {
        buildArgs: { ...fileArgs, ...node.buildArgs },
        // An image-args ARG holds another image's digest, known only when the build runs.
        unknownArgs: Object.keys(node.imageArgs).sort(),
        ...(node.target !== undefined ? { target: node.target } : {}),
        file: node.dockerfile
    });
    if (inputs.kind === 'whole')
        return whole(inputs.reason);
    const relative = (path) => (context === '' ? path : path.slice(context.length + 1));
    const sources = inputs.sources.map(source => {
        const patterns = source.patterns.map(p => joinPath(context, p === '.' ? '' : p));
        const tests = source.patterns.map(compilePattern);
        return {
            source,
            patterns,
            bind: source.instruction === 'RUN --mount',
            reaches: path => isUnder(path, context) && tests.some(t => t(relative(path) || '.')),
            step: `${source.text} (${node.dockerfile}:${source.line})`
        };
    });
    // Each builder reads the first of its ignore files that exists; a file either sends is an input.
    const applied = BUILDERS$1.map(builder => ignoreFileFor(node.dockerfile, context, builder)
        .map(path => texts.ignores.get(path) ?? null)
        .find(text => text !== null));
    // Either builder sending everything sends what any rule excludes.
    const rules = applied.includes(undefined)
        ? []
        : [...new Set(applied)].map(text => memo.rules(text));
    return {
        kind: 'narrowed',
        declared,
        context,
        sources,
        keep: rules.length === 0 ? () => true : path => rules.some(r => r.keep(relative(path))),
        scope: dir => reachScope(rules.map(r => r.scope(relative(dir))), relative),
        fileArgs
    };
}
const KEEP_ALL = { mayExclude: false, keep: () => true, child: () => KEEP_ALL };
/** The scopes of the ignore files that apply, together: a file either builder sends is an input. */
function reachScope(scopes, relative) {
    if (scopes.length === 0 || scopes.some(s => !s.mayExclude))
        return KEEP_ALL;
    return {
        mayExclude: true,
        keep: path => {
            const p = relative(path);
            return scopes.some(s => s.keep(p));
        },
        child: name => reachScope(scopes.map(s => s.child(name)), relative)
    };
}
const BUILDERS$1 = ['docker', 'buildah'];
const WILDCARD = /[*?[\\]/;
/**
 * Where a source pattern starts: its path before the first segment with a wildcard (the pattern
 * itself when it has none; '' is the root). Every path it reaches is at or under it.
 */
function sourceAnchor(pattern) {
    if (!WILDCARD.test(pattern))
        return pattern;
    const fixed = [];
    for (const segment of pattern.split('/')) {
        if (WILDCARD.test(segment))
            break;
        fixed.push(segment);
    }
    return fixed.join('/');
}
/** Where the image's source patterns start (sourceAnchor), each once. */
function reachAnchors(reach) {
    return [...new Set(reach.sources.flatMap(s => s.patterns.map(sourceAnchor)))];
}
/**
 * The values a build-args-file gives: those of the ARGs the Dockerfile declares that build-args
 * does not set. A Dockerfile that is not there declares nothing known: every value is passed.
 */
function argsFromFile(node, file, declared) {
    const out = {};
    if (!file)
        return out;
    for (const name of Object.keys(file).sort())
        if ((declared === null || declared.has(name)) && !Object.hasOwn(node.buildArgs, name))
            out[name] = file[name];
    return out;
}
/** Every name an ARG instruction of the Dockerfile declares, in any stage. */
function declaredArgs(text) {
    const names = new Set();
    const dockerfile = mainExports$1.DockerfileParser.parse(text);
    const escape = dockerfile.getEscapeCharacter();
    for (const ins of dockerfile.getInstructions())
        if (ins.getKeyword().toUpperCase() === 'ARG')
            for (const [name] of parseArgDeclarations(ins.getArgumentsContent() ?? '', escape))
                names.add(name);
    return names;
}
/**
 * The steps that say how a changed path reaches a narrowed image (`COPY src/ ./ (Dockerfile:4)`),
 * one per instruction; none when no instruction reaches it. contentOnly: the change only edits the
 * file, so an ignored file is no input (adding or removing one can make or empty a directory the
 * build copies).
 */
function reachSteps(reach, path, contentOnly) {
    const steps = [];
    const kept = reach.keep(path);
    for (const s of reach.sources) {
        if (!s.reaches(path))
            continue;
        if (s.bind || kept || (!contentOnly && makesDirectory(reach, s, path)))
            steps.push(s.step);
    }
    return steps;
}
/**
 * Whether adding or removing the ignored file at path may make or empty a directory the source
 * copies: one of its directories the source reaches holds no file the build reads.
 */
function makesDirectory(reach, source, path) {
    if (!reach.fullDirs)
        return true;
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
        const dir = path.slice(0, cut);
        if (!source.reaches(dir))
            break;
        if (!reach.fullDirs.has(dir))
            return true;
    }
    return false;
}
/**
 * How the build-args-file's values the image takes differ between two commits, one origin each
 * (`.env: AGENT_VERSION changed`). before: the file's values at the base (null: no file there).
 */
function fileArgChanges(node, reach, before) {
    const old = argsFromFile(node, before ?? {}, reach.declared);
    const now = reach.fileArgs;
    const out = [];
    for (const name of [...new Set([...Object.keys(old), ...Object.keys(now)])].sort()) {
        const what = !(name in old)
            ? 'added'
            : !(name in now)
                ? 'removed'
                : old[name] !== now[name]
                    ? 'changed'
                    : '';
        if (what)
            out.push(`${node.buildArgsFile}: ${name} ${what}`);
    }
    return out;
}
/**
 * The instructions of a narrowed image and the key lines each reaches (a directory as one path,
 * `dir/`), or why the whole context is read. lines: the image's key lines.
 */
function contextReads(reach, lines) {
    if (reach.kind === 'whole')
        return { whole: reach.reason ?? 'context-inputs: whole in the graph file' };
    return {
        instructions: reach.sources.map(s => ({
            step: s.step,
            paths: lines
                .filter(l => s.reaches(l.path === '.' ? reach.context : l.path))
                .map(l => (l.directory ? `${l.path}/` : l.path))
        }))
    };
}

let OutputIndex$1 = class OutputIndex {
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
            if (isUnder(this.sorted[i], dir))
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
        const matches = compilePattern$1(pattern);
        return this.outputsUnder(anchor).filter(o => matches(o.path));
    }
};
const indexes = new WeakMap();
/** The outputs of a graph's processes, indexed once per graph. */
function outputIndexOf(graph) {
    let index = indexes.get(graph);
    if (!index) {
        index = new OutputIndex$1();
        for (const node of graph.nodes.values())
            if (node.kind === 'process')
                node.outputs.forEach((path, i) => index.add({ path, process: node.name, index: i }));
        indexes.set(graph, index);
    }
    return index;
}

/** BuildKit reads `<Dockerfile>.dockerignore` before `<context>/.dockerignore`, when it exists. */
function dockerfileIgnoreFile(dockerfile) {
    return `${dockerfile}.dockerignore`;
}
/** Every process output, sorted, with its process: the outputs under a directory are one run. */
class OutputIndex {
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
}
/** The processes each image consumes through its context and Dockerfile, by image name. */
function findImpliedInputs(nodes) {
    const outputs = new OutputIndex(nodes.values());
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
/**
 * Once an image's Dockerfile is read (issue 13), a process that writes into its context is its
 * input only when an instruction reaches what it writes: an output under the context that no COPY
 * names leaves the image's inputs (its `because` stays, for the checks). A process the graph file
 * lists, or that writes the Dockerfile or an ignore file, stays.
 */
function narrowImpliedInputs(graph, reach) {
    const outputs = outputIndexOf(graph);
    for (const node of graph.nodes.values()) {
        const r = reach.get(node.name);
        if (node.kind !== 'image' || !node.implied || r?.kind !== 'narrowed')
            continue;
        const unread = new Set();
        const anchors = reachAnchors(r);
        for (const b of node.implied.because) {
            if (b.what !== 'context' || node.inputs.includes(b.process))
                continue;
            const written = [
                ...outputs.outputsUnder(r.context),
                ...[outputs.producerOf(r.context)].filter(o => o !== undefined)
            ].filter(o => o.process === b.process);
            if (!written.some(o => anchors.some(anchor => overlaps(o.path, anchor))))
                unread.add(b.process);
        }
        // A process also implied for its Dockerfile or ignore file, or named by image-args, stays.
        for (const b of node.implied.because)
            if (b.what !== 'context')
                unread.delete(b.process);
        for (const image of Object.values(node.imageArgs))
            unread.delete(image);
        if (unread.size > 0)
            node.implied = {
                inputs: node.implied.inputs.filter(i => !unread.has(i)),
                because: node.implied.because
            };
    }
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
    const outputs = new OutputIndex$1();
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
    const r = new Reader$1();
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
    applyTopDefaults(nodes, top);
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
/** `context-inputs` and `build-args-file` at the top level: every image's that sets none itself. */
function applyTopDefaults(nodes, top) {
    const contextInputs = top['context-inputs'];
    const buildArgsFile = top['build-args-file'];
    if (contextInputs === undefined && buildArgsFile === undefined)
        return;
    for (const node of nodes.values()) {
        if (node.kind !== 'image')
            continue;
        if (contextInputs !== undefined && !node.fields.includes('context-inputs'))
            node.contextInputs = contextInputs;
        if (buildArgsFile !== undefined && !node.fields.includes('build-args-file'))
            node.buildArgsFile = buildArgsFile;
    }
}

// What git says changed, and what is tracked, in the core's terms.
/** Orders anything with a path by that path (as git lists files: a run per directory). */
function byPath(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
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
const KEY_SCHEMA = 'imagegraph-key/v5';
const hashOnce = typeof crypto$1.hash === 'function'
    ? data => crypto$1.hash('sha256', data)
    : data => crypto$1.createHash('sha256').update(data).digest('hex');
function sha256(data) {
    // A path that is not UTF-8 holds escaped bytes (lone surrogates): hash the bytes git gave.
    return isWellFormed(data) ? hashOnce(data) : hashBytes(encodePaths(data));
}
const isWellFormed = (s) => s.isWellFormed();
const hashBytes = (data) => crypto$1.createHash('sha256').update(data).digest('hex');
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
function canonicalDefinition(node, keyOf, fileArgs = {}) {
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
                // What the builder is given: build-args, and the build-args-file's values of the ARGs the
                // Dockerfile declares (the same value either way is the same build).
                buildArgs: sortedRecord({ ...fileArgs, ...node.buildArgs }),
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
    if (node.kind === 'process')
        return { ...definition, inputs: [...node.inputs].sort() };
    return {
        ...definition,
        buildArgsFile: node.buildArgsFile ?? null,
        contextInputs: node.contextInputs,
        inputs: [...node.inputs].sort()
    };
}
function nodeLabel(node) {
    return `${node.kind} ${node.name}`;
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
        const files = membership.keyFiles?.get(node.name) ?? membership.files.get(node.name) ?? [];
        const lines = sortedByPath(files).map(treeLine);
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
            definition: canonicalDefinition(node, name => keys.get(name).key, membership.reach?.get(node.name)?.fileArgs),
            files: lines,
            filesDigest: sha256(lines.length === 0 ? '' : `${lines.join('\n')}\n`),
            upstream
        };
        keys.set(node.name, { key: sha256(hashedJson(breakdown)), breakdown });
    }
    return keys;
}

const SYMLINK_MODE = '120000';
/** As the kernel's ELOOP: more links than this in one resolution is a loop. */
const MAX_HOPS = 40;
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
            if (++hops > MAX_HOPS)
                return { error: `${describeVia(via.slice(0, 3), this.targets)}, ..., which loop`, via };
            if (isAbsoluteTarget(target))
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
/** The links a resolution went through, as a message says them. */
function describeVia(via, targetOf) {
    return via.map(link => `the symlink ${link} -> ${targetOf.get(link)}`).join(', then ');
}
/** A link target that names a place outside any repository (`/etc`, `C:\\`). */
function isAbsoluteTarget(target) {
    return target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target);
}

// Git's tree objects: the Merkle tree a commit already is. A directory's tree id changes exactly
// when something below it changes, so one id names a whole image context. The id can be read from
// git (TreeObject) or computed from a listing of the files beneath (treeIdOf), and both give
// git's own id: a key is the same whichever way its files were found.
const TREE_MODE = '040000';
function isTree(f) {
    return 'line' in f ? f.line.startsWith(`${TREE_MODE} `) : f.mode === TREE_MODE;
}
/** The mode of a tracked file. */
function modeOf(f) {
    return 'line' in f ? f.line.slice(0, f.line.indexOf(' ')) : f.mode;
}
/** A mode as ls-tree writes it: git's tree objects write a directory's as `40000`. */
function lsTreeMode(raw) {
    return raw.length === 5 ? `0${raw}` : raw;
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
    /**
     * Calls found for each entry with where it lies (see name, mode and oid): its mode's first bytes
     * tell a tree, a link or anything else without any text being made.
     */
    forEach(found) {
        const { data } = this;
        for (let at = 0; at < data.length;) {
            const nul = data.indexOf(0, at + 6);
            found(data[at] === 0x34 ? 'tree' : data[at] === 0x31 && data[at + 1] === 0x32 ? 'link' : 'other', at, nul);
            at = nul + 1 + this.oidBytes;
        }
    }
    /** The name of the entry at `at` (forEach). */
    name(at, nul) {
        const { data } = this;
        const start = data.indexOf(32, at) + 1;
        // Most names are ASCII, which latin1 reads byte for byte as UTF-8 would, without a decoder.
        for (let i = start; i < nul; i++)
            if (data[i] >= 0x80)
                return decodePaths(data.subarray(start, nul));
        return data.toString('latin1', start, nul);
    }
    mode(at) {
        return lsTreeMode(this.data.toString('latin1', at, this.data.indexOf(32, at)));
    }
    oid(nul) {
        return this.data.toString('hex', nul + 1, nul + 1 + this.oidBytes);
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
        return { mode: this.mode(at), oid: this.oid(data.indexOf(0, data.indexOf(32, at) + 1)) };
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
    const hash = crypto$1.createHash(oidHexLength === 64 ? 'sha256' : 'sha1');
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

// A config that names whole directories (`config/app/**`, `scripts`) holds exactly what their
// trees hold, so its key names each by git's tree id instead of listing every file beneath:
// nothing to list at plan time. Only when the tree id would not say everything does the config
// keep its file lines: a negation or a wildcard in a file name selects files; a link inside leads
// to files elsewhere that are the config's too; a process output inside (or around) it needs the
// check that the config holds no file the process writes.
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
/**
 * The paths a config names whole, when only a link inside them could still keep its content from
 * being their trees: each one resolves (realOf gives undefined for a link that leads out) and no
 * process output overlaps it, as named or as resolved. Both ways of reading a commit's files ask
 * this, so that they name the same configs by trees.
 */
function wholePathsByTrees(config, outputs, realOf) {
    const whole = wholePathsOf(config);
    if (!whole)
        return undefined;
    for (const path of whole) {
        const real = realOf(path);
        if (real === undefined || overlapsOutput(outputs, path) || overlapsOutput(outputs, real))
            return undefined;
    }
    return whole;
}
/**
 * The key lines of paths named whole (a whole-path config's; an image's context and files): the
 * links on the way, then each path's tree or file line, once each, in path order.
 */
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
    return [...lines.values()].sort(byPath);
}

/**
 * Whether a link added, retargeted or removed at one of paths may change what a node holds: at,
 * above or below a path it names. A narrowed image reads only what its instructions reach: below
 * its context, only a link at, above or below where a source starts counts.
 */
function linkMayChange(slot, paths) {
    const reach = slot.reach;
    if (reach?.kind !== 'narrowed')
        return slot.anchors.some(a => paths.some(p => overlaps(a, p)));
    if (slot.anchors.some(a => paths.some(p => isUnder(a, p))))
        return true;
    return reachAnchors(reach).some(anchor => paths.some(p => overlaps(anchor, p)));
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
                        excluded.push(compilePattern$1(pattern.slice(1)));
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
                this.index.addDirectory(node.context, { slot, dockerfile: false, context: true });
                const context = this.follow(slot, node.context, 'context');
                if (context !== node.context) {
                    this.index.addDirectory(context, { slot, dockerfile: false, context: true });
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
    /**
     * What each image's build reads of its context, once its Dockerfile is read: a changed file
     * under a context is the image's only when an instruction reaches it. named: more paths each
     * image reads whole (the context's ignore files).
     */
    useReach(reach, named) {
        for (const slot of this.slots) {
            const found = reach.get(slot.node.name);
            if (found)
                slot.reach = found;
            for (const path of named.get(slot.node.name) ?? [])
                this.addNamed(slot, path, false);
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
     * Calls found once per node that owns path (and says whether it is that image's Dockerfile, and
     * through which steps a narrowed image reads it: `COPY src/ ./ (src/api/Dockerfile:4)`).
     * symlinkChange: path is, or was at the other end of the change, a symlink. contentOnly: the
     * change edits the file, neither adds nor removes it.
     */
    owners(path, found, symlinkChange = false, contentOnly = false) {
        let seen;
        const once = (node, steps) => {
            if (seen?.includes(node))
                return;
            (seen ??= []).push(node);
            found(node, false, steps);
        };
        const names = this.holders(path, once, found, contentOnly);
        if (!symlinkChange && !this.symlinks.targets.has(path))
            return;
        // A link added, retargeted or removed at or above what a node names may change all it holds.
        if (symlinkChange || this.symlinks.targets.has(path)) {
            const paths = [path, ...names];
            for (const slot of this.slots)
                if (linkMayChange(slot, paths))
                    once(slot.node);
        }
    }
    /** The nodes that hold path, by its name and (configs) by every other name it has through links. */
    holders(path, once, dockerfileOf = node => once(node), contentOnly = false) {
        this.index.match(path, ({ slot, dockerfile, context }) => {
            if (slot.excluded?.(path))
                return;
            if (dockerfile)
                dockerfileOf(slot.node, true);
            else if (!context || !slot.reach || slot.named?.has(path))
                once(slot.node);
            else if (slot.reach.kind === 'whole')
                once(slot.node, slot.reach.reason ? [`the whole context (${slot.reach.reason})`] : []);
            else {
                const steps = reachSteps(slot.reach, path, contentOnly);
                if (steps.length > 0)
                    once(slot.node, steps);
            }
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
        // Images that share a context (every image built from the root) share its tree id.
        const contextTrees = new Map();
        for (const slot of this.slots) {
            const node = slot.node;
            let lines = slot.files;
            if (node.kind === 'image')
                lines = imageFiles(lines, this.realContexts.get(node.name) ?? node.context, slot.named, contextTrees);
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
        this.outputs ??= outputIndexOf(this.graph);
        const whole = wholePathsByTrees(config, this.outputs, path => {
            const real = this.symlinks.resolve(path);
            return 'error' in real ? undefined : real.path;
        });
        for (const path of whole ?? []) {
            const real = this.symlinks.resolve(path).path;
            for (const link of this.symlinks.targets.keys())
                if (isUnder(link, real) && link !== real)
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
function imageFiles(files, context, named = new Set(), trees = new Map()) {
    const out = [];
    // The tree id depends only on the files under the context, which every slot of it holds.
    if (!trees.has(context))
        trees.set(context, treeIdOf(files, context));
    const tree = trees.get(context);
    if (tree !== undefined)
        out.push({ path: context || '.', mode: TREE_MODE, oid: tree });
    for (const f of files)
        if (f.path === context || named.has(f.path))
            out.push(f);
    return out;
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
function causeChain(cause) {
    if (typeof cause === 'string')
        return origin(cause);
    let chain = origin(cause[0]);
    for (let i = 1; i < cause.length; i++)
        chain = extend(chain, cause[i]);
    return chain;
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
                chains.push(extend(causeChain(cause), label));
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
    // Direct causes: the origin of each chain that starts at this node, with the steps from it to
    // the node (the instructions that read a changed file).
    const direct = new Map();
    /** Each node's causes as `origin\0step`, so that one is added once (a lookup, not a scan). */
    const seen = new Map();
    const changedFilesOf = new Map();
    const addDirect = (name, origin, steps = []) => {
        let list = direct.get(name);
        if (!list)
            direct.set(name, (list = []));
        let keys = seen.get(name);
        if (!keys)
            seen.set(name, (keys = new Set()));
        for (const step of steps.length === 0 ? [undefined] : steps) {
            const key = step === undefined ? origin : `${origin}\0${step}`;
            if (keys.has(key))
                continue;
            keys.add(key);
            list.push(step === undefined ? origin : [origin, step]);
        }
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
                graphFiles.owners(path, (node, _dockerfile, steps) => {
                    addDirect(node.name, origin, steps);
                    const files = changedFilesOf.get(node.name);
                    if (!files)
                        changedFilesOf.set(node.name, new Set([path]));
                    else
                        files.add(path);
                }, change.symlink === true, change.status === 'modified');
            }
        }
        for (const [name, origins] of input.argChanges ?? [])
            for (const origin of origins)
                addDirect(name, origin);
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
            changedFiles: [...(changedFilesOf.get(node.name) ?? [])],
            inputs: inputsOf(node),
            breakdown: key.breakdown,
            ...(fileArgsOf(membership, node.name) ?? {}),
            ...readsOf(membership, node.name)
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
/** What an image reads of its context, once its Dockerfile was read. */
function readsOf(membership, name) {
    const reach = membership.reach?.get(name);
    if (!reach)
        return {};
    const files = membership.keyFiles?.get(name) ?? [];
    return {
        contextReads: () => contextReads(reach, files.map(f => ({ path: f.path, directory: isTree(f) })))
    };
}
/** An image's build-args-file values, when it takes any. */
function fileArgsOf(membership, name) {
    const fileArgs = membership.reach?.get(name)?.fileArgs;
    return fileArgs && Object.keys(fileArgs).length > 0 ? { fileArgs } : undefined;
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

/** The directory that holds a repository-relative graph file: '' for the repository's top. */
function graphRoot(graphFile) {
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

var main$1 = {exports: {}};

var hasRequiredMain;

function requireMain () {
	if (hasRequiredMain) return main$1.exports;
	hasRequiredMain = 1;
	const fs = fs__default;
	const path = path__default;
	const os = os__default;
	const crypto = crypto__default;

	// Array of tips to display randomly
	const TIPS = [
	  '◈ encrypted .env [www.dotenvx.com]',
	  '◈ secrets for agents [www.dotenvx.com]',
	  '⌁ auth for agents [www.vestauth.com]',
	  '⌘ custom filepath { path: \'/custom/path/.env\' }',
	  '⌘ enable debugging { debug: true }',
	  '⌘ override existing { override: true }',
	  '⌘ suppress logs { quiet: true }',
	  '⌘ multiple files { path: [\'.env.local\', \'.env\'] }'
	];

	// Get a random tip from the tips array
	function _getRandomTip () {
	  return TIPS[Math.floor(Math.random() * TIPS.length)]
	}

	function parseBoolean (value) {
	  if (typeof value === 'string') {
	    return !['false', '0', 'no', 'off', ''].includes(value.toLowerCase())
	  }
	  return Boolean(value)
	}

	function supportsAnsi () {
	  return process.stdout.isTTY // && process.env.TERM !== 'dumb'
	}

	function dim (text) {
	  return supportsAnsi() ? `\x1b[2m${text}\x1b[0m` : text
	}

	const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg;

	// Parse src into an Object
	function parse (src) {
	  const obj = {};

	  // Convert buffer to string
	  let lines = src.toString();

	  // Convert line breaks to same format
	  lines = lines.replace(/\r\n?/mg, '\n');

	  let match;
	  while ((match = LINE.exec(lines)) != null) {
	    const key = match[1];

	    // Default undefined or null to empty string
	    let value = (match[2] || '');

	    // Remove whitespace
	    value = value.trim();

	    // Check if double quoted
	    const maybeQuote = value[0];

	    // Remove surrounding quotes
	    value = value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2');

	    // Expand newlines if double quoted
	    if (maybeQuote === '"') {
	      value = value.replace(/\\n/g, '\n');
	      value = value.replace(/\\r/g, '\r');
	    }

	    // Add to object
	    obj[key] = value;
	  }

	  return obj
	}

	function _parseVault (options) {
	  options = options || {};

	  const vaultPath = _vaultPath(options);
	  options.path = vaultPath; // parse .env.vault
	  const result = DotenvModule.configDotenv(options);
	  if (!result.parsed) {
	    const err = new Error(`MISSING_DATA: Cannot parse ${vaultPath} for an unknown reason`);
	    err.code = 'MISSING_DATA';
	    throw err
	  }

	  // handle scenario for comma separated keys - for use with key rotation
	  // example: DOTENV_KEY="dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=prod,dotenv://:key_7890@dotenvx.com/vault/.env.vault?environment=prod"
	  const keys = _dotenvKey(options).split(',');
	  const length = keys.length;

	  let decrypted;
	  for (let i = 0; i < length; i++) {
	    try {
	      // Get full key
	      const key = keys[i].trim();

	      // Get instructions for decrypt
	      const attrs = _instructions(result, key);

	      // Decrypt
	      decrypted = DotenvModule.decrypt(attrs.ciphertext, attrs.key);

	      break
	    } catch (error) {
	      // last key
	      if (i + 1 >= length) {
	        throw error
	      }
	      // try next key
	    }
	  }

	  // Parse decrypted .env string
	  return DotenvModule.parse(decrypted)
	}

	function _warn (message) {
	  console.error(`⚠ ${message}`);
	}

	function _debug (message) {
	  console.log(`┆ ${message}`);
	}

	function _log (message) {
	  console.log(`◇ ${message}`);
	}

	function _dotenvKey (options) {
	  // prioritize developer directly setting options.DOTENV_KEY
	  if (options && options.DOTENV_KEY && options.DOTENV_KEY.length > 0) {
	    return options.DOTENV_KEY
	  }

	  // secondary infra already contains a DOTENV_KEY environment variable
	  if (process.env.DOTENV_KEY && process.env.DOTENV_KEY.length > 0) {
	    return process.env.DOTENV_KEY
	  }

	  // fallback to empty string
	  return ''
	}

	function _instructions (result, dotenvKey) {
	  // Parse DOTENV_KEY. Format is a URI
	  let uri;
	  try {
	    uri = new URL(dotenvKey);
	  } catch (error) {
	    if (error.code === 'ERR_INVALID_URL') {
	      const err = new Error('INVALID_DOTENV_KEY: Wrong format. Must be in valid uri format like dotenv://:key_1234@dotenvx.com/vault/.env.vault?environment=development');
	      err.code = 'INVALID_DOTENV_KEY';
	      throw err
	    }

	    throw error
	  }

	  // Get decrypt key
	  const key = uri.password;
	  if (!key) {
	    const err = new Error('INVALID_DOTENV_KEY: Missing key part');
	    err.code = 'INVALID_DOTENV_KEY';
	    throw err
	  }

	  // Get environment
	  const environment = uri.searchParams.get('environment');
	  if (!environment) {
	    const err = new Error('INVALID_DOTENV_KEY: Missing environment part');
	    err.code = 'INVALID_DOTENV_KEY';
	    throw err
	  }

	  // Get ciphertext payload
	  const environmentKey = `DOTENV_VAULT_${environment.toUpperCase()}`;
	  const ciphertext = result.parsed[environmentKey]; // DOTENV_VAULT_PRODUCTION
	  if (!ciphertext) {
	    const err = new Error(`NOT_FOUND_DOTENV_ENVIRONMENT: Cannot locate environment ${environmentKey} in your .env.vault file.`);
	    err.code = 'NOT_FOUND_DOTENV_ENVIRONMENT';
	    throw err
	  }

	  return { ciphertext, key }
	}

	function _vaultPath (options) {
	  let possibleVaultPath = null;

	  if (options && options.path && options.path.length > 0) {
	    if (Array.isArray(options.path)) {
	      for (const filepath of options.path) {
	        if (fs.existsSync(filepath)) {
	          possibleVaultPath = filepath.endsWith('.vault') ? filepath : `${filepath}.vault`;
	        }
	      }
	    } else {
	      possibleVaultPath = options.path.endsWith('.vault') ? options.path : `${options.path}.vault`;
	    }
	  } else {
	    possibleVaultPath = path.resolve(process.cwd(), '.env.vault');
	  }

	  if (fs.existsSync(possibleVaultPath)) {
	    return possibleVaultPath
	  }

	  return null
	}

	function _resolveHome (envPath) {
	  return envPath[0] === '~' ? path.join(os.homedir(), envPath.slice(1)) : envPath
	}

	function _configVault (options) {
	  const debug = parseBoolean(process.env.DOTENV_CONFIG_DEBUG || (options && options.debug));
	  const quiet = parseBoolean(process.env.DOTENV_CONFIG_QUIET || (options && options.quiet));

	  if (debug || !quiet) {
	    _log('loading env from encrypted .env.vault');
	  }

	  const parsed = DotenvModule._parseVault(options);

	  let processEnv = process.env;
	  if (options && options.processEnv != null) {
	    processEnv = options.processEnv;
	  }

	  DotenvModule.populate(processEnv, parsed, options);

	  return { parsed }
	}

	function configDotenv (options) {
	  const dotenvPath = path.resolve(process.cwd(), '.env');
	  let encoding = 'utf8';
	  let processEnv = process.env;
	  if (options && options.processEnv != null) {
	    processEnv = options.processEnv;
	  }
	  let debug = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || (options && options.debug));
	  let quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || (options && options.quiet));

	  if (options && options.encoding) {
	    encoding = options.encoding;
	  } else {
	    if (debug) {
	      _debug('no encoding is specified (UTF-8 is used by default)');
	    }
	  }

	  let optionPaths = [dotenvPath]; // default, look for .env
	  if (options && options.path) {
	    if (!Array.isArray(options.path)) {
	      optionPaths = [_resolveHome(options.path)];
	    } else {
	      optionPaths = []; // reset default
	      for (const filepath of options.path) {
	        optionPaths.push(_resolveHome(filepath));
	      }
	    }
	  }

	  // Build the parsed data in a temporary object (because we need to return it).  Once we have the final
	  // parsed data, we will combine it with process.env (or options.processEnv if provided).
	  let lastError;
	  const parsedAll = {};
	  for (const path of optionPaths) {
	    try {
	      // Specifying an encoding returns a string instead of a buffer
	      const parsed = DotenvModule.parse(fs.readFileSync(path, { encoding }));

	      DotenvModule.populate(parsedAll, parsed, options);
	    } catch (e) {
	      if (debug) {
	        _debug(`failed to load ${path} ${e.message}`);
	      }
	      lastError = e;
	    }
	  }

	  const populated = DotenvModule.populate(processEnv, parsedAll, options);

	  // handle user settings DOTENV_CONFIG_ options inside .env file(s)
	  debug = parseBoolean(processEnv.DOTENV_CONFIG_DEBUG || debug);
	  quiet = parseBoolean(processEnv.DOTENV_CONFIG_QUIET || quiet);

	  if (debug || !quiet) {
	    const keysCount = Object.keys(populated).length;
	    const shortPaths = [];
	    for (const filePath of optionPaths) {
	      try {
	        const relative = path.relative(process.cwd(), filePath);
	        shortPaths.push(relative);
	      } catch (e) {
	        if (debug) {
	          _debug(`failed to load ${filePath} ${e.message}`);
	        }
	        lastError = e;
	      }
	    }

	    _log(`injected env (${keysCount}) from ${shortPaths.join(',')} ${dim(`// tip: ${_getRandomTip()}`)}`);
	  }

	  if (lastError) {
	    return { parsed: parsedAll, error: lastError }
	  } else {
	    return { parsed: parsedAll }
	  }
	}

	// Populates process.env from .env file
	function config (options) {
	  // fallback to original dotenv if DOTENV_KEY is not set
	  if (_dotenvKey(options).length === 0) {
	    return DotenvModule.configDotenv(options)
	  }

	  const vaultPath = _vaultPath(options);

	  // dotenvKey exists but .env.vault file does not exist
	  if (!vaultPath) {
	    _warn(`you set DOTENV_KEY but you are missing a .env.vault file at ${vaultPath}`);

	    return DotenvModule.configDotenv(options)
	  }

	  return DotenvModule._configVault(options)
	}

	function decrypt (encrypted, keyStr) {
	  const key = Buffer.from(keyStr.slice(-64), 'hex');
	  let ciphertext = Buffer.from(encrypted, 'base64');

	  const nonce = ciphertext.subarray(0, 12);
	  const authTag = ciphertext.subarray(-16);
	  ciphertext = ciphertext.subarray(12, -16);

	  try {
	    const aesgcm = crypto.createDecipheriv('aes-256-gcm', key, nonce);
	    aesgcm.setAuthTag(authTag);
	    return `${aesgcm.update(ciphertext)}${aesgcm.final()}`
	  } catch (error) {
	    const isRange = error instanceof RangeError;
	    const invalidKeyLength = error.message === 'Invalid key length';
	    const decryptionFailed = error.message === 'Unsupported state or unable to authenticate data';

	    if (isRange || invalidKeyLength) {
	      const err = new Error('INVALID_DOTENV_KEY: It must be 64 characters long (or more)');
	      err.code = 'INVALID_DOTENV_KEY';
	      throw err
	    } else if (decryptionFailed) {
	      const err = new Error('DECRYPTION_FAILED: Please check your DOTENV_KEY');
	      err.code = 'DECRYPTION_FAILED';
	      throw err
	    } else {
	      throw error
	    }
	  }
	}

	// Populate process.env with parsed values
	function populate (processEnv, parsed, options = {}) {
	  const debug = Boolean(options && options.debug);
	  const override = Boolean(options && options.override);
	  const populated = {};

	  if (typeof parsed !== 'object') {
	    const err = new Error('OBJECT_REQUIRED: Please check the processEnv argument being passed to populate');
	    err.code = 'OBJECT_REQUIRED';
	    throw err
	  }

	  // Set process.env
	  for (const key of Object.keys(parsed)) {
	    if (Object.prototype.hasOwnProperty.call(processEnv, key)) {
	      if (override === true) {
	        processEnv[key] = parsed[key];
	        populated[key] = parsed[key];
	      }

	      if (debug) {
	        if (override === true) {
	          _debug(`"${key}" is already defined and WAS overwritten`);
	        } else {
	          _debug(`"${key}" is already defined and was NOT overwritten`);
	        }
	      }
	    } else {
	      processEnv[key] = parsed[key];
	      populated[key] = parsed[key];
	    }
	  }

	  return populated
	}

	const DotenvModule = {
	  configDotenv,
	  _configVault,
	  _parseVault,
	  config,
	  decrypt,
	  parse,
	  populate
	};

	main$1.exports.configDotenv = DotenvModule.configDotenv;
	main$1.exports._configVault = DotenvModule._configVault;
	main$1.exports._parseVault = DotenvModule._parseVault;
	main$1.exports.config = DotenvModule.config;
	main$1.exports.decrypt = DotenvModule.decrypt;
	main$1.exports.parse = DotenvModule.parse;
	main$1.exports.populate = DotenvModule.populate;

	main$1.exports = DotenvModule;
	return main$1.exports;
}

var mainExports = requireMain();

// The lines a narrowed image's key holds of its context (issue 13), from what stands at the paths
// its Dockerfile's sources name. A source that names a directory the ignore files cannot touch is
// that directory's tree id (one line, whatever it holds); a file is its blob id; a directory an
// ignore line may reach into is read as trees, and each directory beneath with nothing excluded
// stays one tree id. A wildcard is matched one segment at a time down the trees; a `**` pattern
// lists its fixed directory and selects files one by one (dockerfile/reach.ts). A directory the
// build makes with nothing in it that it reads is git's empty tree.
/** Git's id of the empty tree: a directory the build makes with nothing in it that it reads. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
function decide(reach, source, pattern, view) {
    const anchor = sourceAnchor(pattern);
    const literal = anchor === pattern;
    const at = view.at(anchor);
    // A builder follows a link a source names or passes through: it reads files under other names.
    if (at.real !== anchor)
        return {
            kind: 'whole',
            reason: `${source.step}: ${anchor || '.'} goes through a symbolic link`,
            line: source.source.line
        };
    if (at.entry === null)
        return { kind: 'none' };
    if (at.entry.mode === TREE_MODE) {
        const tree = { path: anchor || '.', mode: TREE_MODE, oid: at.entry.oid };
        // A wildcard is matched name by name down the trees; `**` (any depth) lists the directory.
        if (!literal)
            return pattern.split('/').includes('**')
                ? { kind: 'list', dir: anchor }
                : { kind: 'glob', anchor, oid: at.entry.oid };
        if (source.bind || !reach.scope(anchor).mayExclude)
            return { kind: 'line', line: tree };
        // An ignore line may reach into it: its trees are read, and each directory with nothing
        // excluded beneath is still one tree id.
        return { kind: 'prune', dir: anchor, oid: at.entry.oid };
    }
    if (!literal || !(source.bind || reach.keep(anchor)))
        return { kind: 'none' };
    return { kind: 'line', line: { path: anchor, mode: at.entry.mode, oid: at.entry.oid } };
}
/** The directories to list once the anchors are looked up: those a `**` pattern starts in. */
function reachListings(reach, view) {
    const dirs = new Set();
    for (const source of reach.sources)
        for (const pattern of source.patterns) {
            const d = decide(reach, source, pattern, view);
            if (d.kind === 'whole')
                return [];
            if (d.kind === 'list')
                dirs.add(d.dir);
        }
    return [...dirs];
}
/** The image's lines of its context, or why the whole context is the input after all. */
function reachLines(reach, view) {
    const lines = new Map();
    const listed = [];
    const dirs = new Set();
    const fullDirs = new Set();
    const wanted = new Map();
    const prune = (dir, oid) => {
        const pruned = prunedLines(reach, dir, oid, view);
        if ('wanted' in pruned)
            for (const w of pruned.wanted)
                wanted.set(w.path, w);
        else {
            for (const line of pruned.lines)
                lines.set(treeLine(line), line);
            for (const d of pruned.fullDirs)
                fullDirs.add(d);
        }
    };
    for (const source of reach.sources) {
        const patterns = [];
        for (const pattern of source.patterns) {
            const d = decide(reach, source, pattern, view);
            if (d.kind === 'whole')
                return { whole: d.reason, line: d.line };
            if (d.kind === 'line')
                lines.set(treeLine(d.line), d.line);
            else if (d.kind === 'prune')
                prune(d.dir, d.oid);
            else if (d.kind === 'glob') {
                const found = globMatches(source, pattern, d.anchor, d.oid, view, wanted);
                if ('whole' in found)
                    return found;
                for (const m of found.matches) {
                    if (m.mode !== TREE_MODE) {
                        if (source.bind || reach.keep(m.path))
                            lines.set(treeLine(m), m);
                    }
                    else if (source.bind || !reach.scope(m.path).mayExclude)
                        lines.set(treeLine(m), m);
                    else
                        prune(m.path, m.oid);
                }
            }
            else if (d.kind === 'list') {
                patterns.push(pattern);
                dirs.add(d.dir);
            }
        }
        if (patterns.length > 0)
            listed.push({ source, patterns });
    }
    if (wanted.size > 0)
        return { wanted: [...wanted.values()] };
    if (listed.length > 0) {
        const selected = selectListed(reach, listed, outermost([...dirs]), view);
        if ('whole' in selected)
            return selected;
        for (const line of selected.lines)
            lines.set(treeLine(line), line);
        for (const dir of selected.fullDirs)
            fullDirs.add(dir);
    }
    return { lines: [...lines.values()].sort(byPath), fullDirs };
}
/**
 * What a wildcard pattern names, matched one segment at a time down the trees from its fixed
 * directory (as the builders match: a segment never spans a '/'): the files and directories it
 * names, which the source copies whole. A link it names or passes through makes the whole context
 * the input (a builder would follow it). A directory not read yet joins wanted.
 */
function globMatches(source, pattern, anchor, oid, view, wanted) {
    const segments = pattern.split('/');
    const start = anchor === '' ? 0 : anchor.split('/').length;
    const matchers = segments.map(segmentMatcher);
    const matches = [];
    let frontier = [{ path: anchor, oid }];
    for (let i = start; i < segments.length; i++) {
        const next = [];
        for (const dir of frontier) {
            const entries = view.entries(dir.path);
            if (entries === undefined) {
                wanted.set(dir.path, { path: dir.path, oid: dir.oid, deep: false });
                continue;
            }
            const matcher = matchers[i];
            for (const e of entries) {
                if (!matcher.test(e.name))
                    continue;
                const path = joinPath(dir.path, e.name);
                if (e.mode === SYMLINK_MODE)
                    return {
                        whole: `${source.step}: ${path} is a symbolic link the pattern names`,
                        line: source.source.line
                    };
                if (i === segments.length - 1)
                    matches.push({ path, mode: e.mode, oid: e.oid });
                else if (e.mode === TREE_MODE)
                    next.push({ path, oid: e.oid });
            }
        }
        frontier = next;
    }
    return { matches };
}
/**
 * A copied directory an ignore line may reach into: every directory beneath with nothing excluded
 * is its tree id, every other file the build reads its blob, and a directory the copy makes with
 * nothing in it that the build reads is the empty tree (as selectContextFiles decides for a
 * listing). fullDirs: the directories that hold something the build reads. A directory no ignore
 * line can reach into is not walked (nor read); one the walk needs that is not read yet is wanted.
 */
function prunedLines(reach, dir, oid, view) {
    const lines = [];
    const fullDirs = new Set();
    const wanted = [];
    /**
     * Appends the lines at and under path to lines; clean: nothing there is excluded (then the
     * caller replaces those lines by the directory's tree id); reads: something there is read.
     */
    const walk = (path, tree, scope) => {
        const entries = view.entries(path);
        if (entries === undefined) {
            wanted.push({ path, oid: tree, deep: true });
            return { clean: false, reads: false };
        }
        let clean = true;
        let reads = false;
        for (const e of entries) {
            const child = joinPath(path, e.name);
            const kept = scope.keep(child);
            if (e.mode === TREE_MODE) {
                const inner = scope.child(e.name);
                const start = lines.length;
                const sub = inner.mayExclude || !kept ? walk(child, e.oid, inner) : CLEAN;
                if (sub.clean && kept) {
                    lines.length = start;
                    lines.push({ path: child, mode: TREE_MODE, oid: e.oid });
                    fullDirs.add(child);
                    reads = true;
                    continue;
                }
                clean = false;
                reads ||= sub.reads;
            }
            else if (kept) {
                lines.push({ path: child, mode: e.mode, oid: e.oid });
                reads = true;
            }
            else
                clean = false;
        }
        if (reads)
            fullDirs.add(path);
        // Made by the copy, with nothing in it the build reads.
        else if (!clean && path !== '' && scope.keep(path))
            lines.push({ path, mode: TREE_MODE, oid: EMPTY_TREE });
        return { clean, reads };
    };
    const top = walk(dir, oid, reach.scope(dir));
    if (wanted.length > 0)
        return { wanted };
    if (top.clean && (dir === '' || reach.keep(dir)))
        return { lines: [{ path: dir || '.', mode: TREE_MODE, oid }], fullDirs };
    return { lines, fullDirs };
}
/** A directory no ignore line can reach into, not walked: all of it is read. */
const CLEAN = { clean: true, reads: true };
/** The files the listed sources reach, and the directories they make empty. */
function selectListed(reach, listed, dirs, view) {
    const context = reach.context;
    const relative = (path) => (context === '' ? path : path.slice(context.length + 1));
    const absolute = (path) => joinPath(context, path);
    const files = new Map();
    for (const dir of dirs)
        for (const f of view.under(dir))
            files.set(relative(f.path), f);
    const symlinks = new Set();
    for (const [path, f] of files)
        if (isSymlink(f))
            symlinks.add(path);
    const sources = listed.map(({ source, patterns }) => ({
        ...source.source,
        patterns: patterns.map(p => relative(p) || '.')
    }));
    const selection = selectContextFiles([...files.keys()], { sources}, path => reach.keep(absolute(path)), { symlinks });
    if (selection.whole) {
        const line = selection.whole.line;
        const source = listed.find(l => l.source.source.line === line)?.source;
        return {
            whole: source ? `${source.step}: ${selection.whole.reason}` : selection.whole.reason,
            ...(line !== undefined ? { line } : {})
        };
    }
    // Listed files already stand at their root-relative paths.
    const lines = selection.files.map(path => files.get(path));
    for (const dir of selection.emptyDirectories)
        lines.push({ path: absolute(dir), mode: TREE_MODE, oid: EMPTY_TREE });
    const fullDirs = new Set();
    for (const line of lines)
        for (let cut = line.path.lastIndexOf('/'); cut > 0; cut = line.path.lastIndexOf('/', cut - 1))
            fullDirs.add(line.path.slice(0, cut));
    return { lines, fullDirs };
}

// What each image's build reads of the commit (issue 13): its Dockerfile, ignore files and
// build-args-file are read from git's objects, the Dockerfile's sources looked up in the commit's
// trees (core/image-reach.ts, core/reach-lines.ts), and the image's key lines made from what they
// reach. Every image is read at once: one batch of lookups per step for the whole graph.
const decoder = new TextDecoder();
/** How many rounds of tree reads the lines may take: a wildcard's depth, and one more. */
const MAX_READ_ROUNDS = 64;
/**
 * Reads every image's Dockerfile and ignore files at the tree's commit. answers: the lookups of
 * every image's context, Dockerfile and `<Dockerfile>.dockerignore` (commitFiles made them);
 * early: blobs already asked for (dockerfileBlobs), by object id.
 */
async function imageInputs(git, tree, graph, answers, early = Promise.resolve(new Map())) {
    const images = [...graph.nodes.values()].flatMap(n => (n.kind === 'image' ? [n] : []));
    const out = {
        reach: new Map(),
        lines: new Map(),
        named: new Map(),
        namedAnswers: new Map()
    };
    const contexts = new Map();
    /** Each image's ignore files, both builders' (context: its real directory). */
    const ignoreFiles = new Map();
    const wanted = [];
    for (const node of images) {
        const context = answers.get(node.context);
        // A context that is not a directory is an error the checks report.
        if (context.error || context.entry?.mode !== TREE_MODE)
            continue;
        if (!readsDockerfile(node)) {
            out.reach.set(node.name, { kind: 'whole', declared: null, fileArgs: {} });
            continue;
        }
        contexts.set(node.name, context.real);
        ignoreFiles.set(node.name, ignoreFilesOf(node, context.real));
        // The context's own: buildah's and podman's list (BuildKit's first is beside the Dockerfile).
        const named = ignoreFileFor(node.dockerfile, context.real, 'buildah');
        out.named.set(node.name, named);
        wanted.push(...named);
        if (node.buildArgsFile !== undefined)
            wanted.push(node.buildArgsFile);
    }
    out.namedAnswers = await tree.resolve(wanted);
    const answerOf = (path) => answers.get(path) ?? out.namedAnswers.get(path);
    const blobs = await early;
    for (const [oid, text] of await readBlobs(git, images.flatMap(node => {
        if (!contexts.has(node.name))
            return [];
        const paths = [node.dockerfile, ...ignoreFiles.get(node.name)];
        if (node.buildArgsFile !== undefined)
            paths.push(node.buildArgsFile);
        return paths.map(answerOf);
    }), blobs))
        blobs.set(oid, text);
    const textOf = (path) => {
        const answer = answerOf(path);
        if (answer.error || !answer.entry || answer.entry.mode === TREE_MODE)
            return null;
        return blobs.get(answer.entry.oid) ?? null;
    };
    const outputs = outputIndexOf(graph);
    const memo = new ReachMemo();
    for (const node of images) {
        const context = contexts.get(node.name);
        if (context === undefined || out.reach.has(node.name))
            continue;
        const texts = {
            dockerfile: textOf(node.dockerfile),
            ignores: new Map(ignoreFiles.get(node.name).map(path => [path, textOf(path)])),
            ...(node.buildArgsFile !== undefined
                ? { argsFile: argsFileValues(graph, node, textOf(node.buildArgsFile)) }
                : {})
        };
        let reach = imageReach(node, context, texts, memo);
        // What a process writes is not in the commit: its Dockerfile or ignore file is not known yet.
        const written = [node.dockerfile, ...ignoreFiles.get(node.name)]
            .map(path => ({ path, holder: outputs.producerOf(path) }))
            .find(w => w.holder);
        if (reach.kind === 'narrowed' && written)
            reach = {
                kind: 'whole',
                reason: `${written.path} is written by process ${written.holder.process}, so what the build copies is known only after it runs`,
                fileArgs: reach.fileArgs,
                declared: reach.declared
            };
        out.reach.set(node.name, reach);
    }
    await narrowedLines(tree, out);
    return out;
}
/**
 * Whether the plan reads the image's Dockerfile: `context-inputs: whole` asks for the whole
 * context, so none, unless a build-args-file needs the ARGs it declares.
 */
function readsDockerfile(node) {
    return node.contextInputs !== 'whole' || node.buildArgsFile !== undefined;
}
/** Every ignore file a builder may read for the image (context: its real directory). */
function ignoreFilesOf(node, context) {
    return [
        ...new Set([
            ...ignoreFileFor(node.dockerfile, context, 'docker'),
            ...ignoreFileFor(node.dockerfile, context, 'buildah')
        ])
    ];
}
/**
 * The Dockerfiles' blobs, asked for as soon as the lookups have found them: git reads them (50–80
 * ms for 2,000 of them on the large bench shapes, where they lie apart in a large pack) while the
 * plan does other work, and imageInputs takes them from here.
 */
function dockerfileBlobs(git, images, answers) {
    const wanted = images.flatMap(node => readsDockerfile(node) ? [answers.get(node.dockerfile)] : []);
    // Many: a git process of its own, whose output (more than a pipe holds) waits in a file.
    const read = readBlobs(git, wanted, new Map(), READ_ASIDE_FROM);
    // Awaited by imageInputs; a failure is reported there, not as an unhandled rejection first.
    read.catch(() => undefined);
    return read;
}
/**
 * From this many Dockerfile blobs on, they are read aside (Git.objectsAside): a process costs
 * more than it saves for a few, whose text fits in a pipe anyway.
 */
const READ_ASIDE_FROM = 200;
/**
 * The blobs behind the answers that name files (but those in have), as text, by object id; read
 * aside when there are asideFrom or more.
 */
async function readBlobs(git, answers, have = new Map(), asideFrom = Infinity) {
    const oids = new Set();
    for (const a of answers)
        if (!a.error && a.entry && a.entry.mode !== TREE_MODE && a.entry.mode !== '160000')
            if (!have.has(a.entry.oid))
                oids.add(a.entry.oid);
    const list = [...oids];
    const objects = list.length === 0
        ? []
        : await (list.length >= asideFrom ? git.objectsAside(list) : git.objects(list));
    const texts = new Map();
    objects.forEach((object, i) => {
        if (object?.type === 'blob')
            texts.set(list[i], decoder.decode(object.data));
    });
    return texts;
}
/**
 * The values of an image's build-args-file; a file that is not in the commit is the user's mistake,
 * reported where the graph file names it (the image's field, or the top level's).
 */
function argsFileValues(graph, node, text) {
    if (text !== null)
        return parseArgsFile(text);
    const own = node.fields.includes('build-args-file');
    const segments = own ? ['images', node.name, 'build-args-file'] : ['build-args-file'];
    throw new GraphError([
        {
            file: graph.file,
            ...(graph.positions.get(segments) ?? { line: 1, col: 1 }),
            path: pathText(segments),
            message: `image ${node.name}: '${node.buildArgsFile}' is not a file in the commit; commit it, or drop build-args-file`,
            severity: 'error'
        }
    ]);
}
/** A dotenv file's values, as the `dotenv` package reads them (no `${...}` expansion). */
function parseArgsFile(text) {
    return mainExports.parse(text);
}
/** Every narrowed image's lines: anchors looked up in one batch, directories listed in another. */
async function narrowedLines(commitTree, inputs) {
    const narrowed = [...inputs.reach].flatMap(([name, reach]) => reach.kind === 'narrowed' ? [{ name, reach }] : []);
    const anchors = await commitTree.resolve([
        ...new Set(narrowed.flatMap(n => reachAnchors(n.reach)))
    ]);
    const at = (path) => {
        const answer = anchors.get(path);
        return answer.error ? { entry: null } : { real: answer.real, entry: answer.entry };
    };
    // Every directory a `**` pattern starts in is listed, in one walk of the outermost ones.
    const dirs = [...new Set(narrowed.flatMap(n => reachListings(n.reach, { at })))];
    const listed = (await commitTree.filesUnder(outermost(dirs).map(path => ({ path, tree: at(path).entry.oid })))).sort(byPath);
    // The trees the lines need are read in rounds, every image's at once: the directories a
    // wildcard steps through one level a round, a copied directory an ignore line may reach into
    // with everything beneath.
    const entries = new Map();
    const view = {
        at,
        under: (dir) => filesAtOrUnder(listed, dir),
        entries: (dir) => entries.get(dir)
    };
    let pending = narrowed;
    for (let round = 0; pending.length > 0; round++) {
        if (round > MAX_READ_ROUNDS)
            throw new Error(`the trees under the images' sources needed more than ${MAX_READ_ROUNDS} rounds`);
        const wanted = new Map();
        // Beneath a copied directory only the trees an ignore line of an image that copies it may
        // reach into are read (prunedLines walks no others).
        const readers = new Map();
        const unanswered = [];
        for (const { name, reach } of pending) {
            const result = reachLines(reach, view);
            if ('wanted' in result) {
                for (const w of result.wanted) {
                    if (!wanted.get(w.path)?.deep)
                        wanted.set(w.path, w);
                    if (w.deep)
                        readers.set(w.path, [...(readers.get(w.path) ?? []), reach]);
                }
                unanswered.push({ name, reach });
            }
            else if ('whole' in result)
                inputs.reach.set(name, {
                    kind: 'whole',
                    reason: result.whole,
                    fileArgs: reach.fileArgs,
                    declared: reach.declared
                });
            else {
                inputs.lines.set(name, result.lines);
                reach.fullDirs = result.fullDirs;
            }
        }
        const deep = outermost([...wanted.values()].filter(w => w.deep).map(w => w.path));
        const deepSet = new Set(deep);
        const shallow = [...wanted.values()].filter(w => !w.deep && !underAny(deepSet, w.path));
        const tree = (path) => ({ path, tree: wanted.get(path).oid });
        // A lookup per level of the directory, not per image: thousands of images may read deep.
        const descend = (dir) => {
            for (let at = dir;; at = at.slice(0, Math.max(at.lastIndexOf('/'), 0))) {
                if (readers.get(at)?.some(reach => reach.scope(dir).mayExclude))
                    return true;
                if (at === '')
                    return false;
            }
        };
        const read = await Promise.all([
            commitTree.entriesUnder(deep.map(tree), true, descend),
            commitTree.entriesUnder(shallow.map(w => tree(w.path)), false)
        ]);
        for (const got of read)
            for (const [dir, list] of got)
                entries.set(dir, list);
        pending = unanswered;
    }
}
/**
 * The build-args-file values that changed since the base, per image (`.env: AGENT_VERSION
 * changed`): only the values an image takes count, so an edit to the rest of the file affects none.
 * root: the graph's directory in the repository.
 */
async function argChangesSince(git, graph, reach, changed, base, root) {
    const out = new Map();
    const touched = new Set(changed.flatMap(c => touchedPaths(c).map(t => t.path)));
    const images = [...graph.nodes.values()].flatMap(n => n.kind === 'image' && n.buildArgsFile !== undefined && touched.has(n.buildArgsFile) ? [n] : []);
    if (images.length === 0)
        return out;
    const files = [...new Set(images.map(n => n.buildArgsFile))];
    const bytes = await git.fileBytesAt(files.map(path => ({ rev: base, path: joinPath(root, path) })));
    const before = new Map(files.map((file, i) => [
        file,
        bytes[i] === null ? null : parseArgsFile(decoder.decode(bytes[i]))
    ]));
    for (const node of images) {
        const r = reach.get(node.name);
        const origins = r ? fileArgChanges(node, r, before.get(node.buildArgsFile)) : [];
        if (origins.length > 0)
            out.set(node.name, origins);
    }
    return out;
}

/** Above this many config directories, git lists them in a process of its own. */
const PRELIST_ABOVE = 32;
/** How many times links inside configs lead to more directories to list before it is a loop. */
const MAX_LINK_ROUNDS = 8;
/** The graph's files at the tree's commit, under its root (the graph's directory). */
async function commitFiles(git, tree, graph) {
    const { commit, root } = tree;
    const images = [...graph.nodes.values()].flatMap(n => (n.kind === 'image' ? [n] : []));
    const configAnchors = anchorsOf(graph.nodes.values());
    // Many configs: git lists their directories (as named) in a process of its own while the trees
    // are walked (two processes, two cores). A few: their trees are walked too, which costs less
    // than starting a process. A directory reached through a link is always walked.
    const prelisted = new Prelisted(configAnchors.size > PRELIST_ABOVE ? outermost([...configAnchors]) : []);
    const listing = git
        .filesUnder(commit, prelisted.dirs.map(d => joinPath(root, d)))
        .then(files => prelisted.fill(scopeTrackedFiles(files, root)));
    listing.catch(() => undefined);
    // Contexts first: a Dockerfile in its context is then one step from there.
    const answers = await tree.resolve([...images.map(n => n.context), ...configAnchors]);
    for (const [path, answer] of await tree.resolve(images.flatMap(n => [n.dockerfile, dockerfileIgnoreFile(n.dockerfile)])))
        answers.set(path, answer);
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
        const whole = wholePathsByTrees(node, outputs, path => {
            const answer = answers.get(path);
            return answer.error ? undefined : answer.real;
        });
        if (whole)
            byTrees.set(node.name, whole.map(path => answers.get(path)));
    }
    await listing;
    const dirs = outermostAnswers([...byTrees.values()].flat());
    const linksInside = [
        ...prelisted.links,
        ...(await tree.filesUnder(dirs.filter(d => !prelisted.covers(d.path)), true))
    ].map(f => f.path);
    for (const [name, paths] of byTrees)
        if (linksInside.some(link => paths.some(a => link !== a.real && isUnder(link, a.real))))
            byTrees.delete(name);
    const listedAnchors = anchorsOf([...graph.nodes.values()].filter(n => !byTrees.has(n.name)));
    const configFiles = await configListing(tree, [...listedAnchors].map(a => answers.get(a)), prelisted);
    // Git reads the Dockerfiles while the files are matched to the nodes.
    const early = dockerfileBlobs(git, images, answers);
    const targets = new Map();
    for (const [path, link] of tree.links)
        targets.set(path, link.target);
    const symlinks = new Symlinks(targets);
    const graphFiles = new GraphFiles(graph, symlinks);
    const membership = graphFiles.membership(configFiles);
    for (const [name, paths] of byTrees)
        membership.files.set(name, wholePathLines(paths.map(a => wholePath(tree, a))));
    const inputs = await imageInputs(git, tree, graph, answers, early);
    const keyFiles = new Map();
    for (const node of images) {
        const named = [node.dockerfile, dockerfileIgnoreFile(node.dockerfile)];
        const dockerfile = answers.get(node.dockerfile);
        if (!dockerfile.error && dockerfile.real !== node.dockerfile)
            named.push(dockerfileIgnoreFile(dockerfile.real));
        const namedAnswers = named.map(p => answers.get(p));
        const context = answers.get(node.context);
        membership.files.set(node.name, imageLines(tree, context, namedAnswers));
        const narrowed = inputs.lines.get(node.name);
        if (narrowed) {
            // The context's ignore files decide what is sent: read whole, as the Dockerfile is.
            const ignores = inputs.named.get(node.name).map(p => inputs.namedAnswers.get(p));
            const own = imageLines(tree, null, [...namedAnswers, ...ignores], context.via);
            keyFiles.set(node.name, [...own, ...narrowed].sort(byPath));
        }
        if (!dockerfile.error && dockerfile.entry && dockerfile.entry.mode !== TREE_MODE)
            membership.dockerfileFound.add(node.name);
        else
            membership.dockerfileFound.delete(node.name);
    }
    narrowImpliedInputs(graph, inputs.reach);
    membership.reach = inputs.reach;
    membership.keyFiles = keyFiles;
    graphFiles.useReach(inputs.reach, inputs.named);
    return { membership, symlinks, graphFiles };
}
/**
 * An image's lines, as GraphFiles.membership gives them from a full listing: the context's tree
 * (or the file that stands in its place), each named file at its real path, every link on the way.
 */
function imageLines(tree, context, named, contextVia = []) {
    return wholePathLines([
        // Narrowed (context null): the links on the way to the context still lead the build there.
        context
            ? wholePath(tree, context)
            : wholePath(tree, { real: '', via: contextVia, entry: null }),
        // A Dockerfile or ignore file that is a directory is no file of the image.
        ...named.map(a => ({
            ...wholePath(tree, a),
            ...(a.entry?.mode === TREE_MODE ? { entry: null } : {})
        }))
    ]);
}
/** An answer as config-trees.ts takes it: the links on the way with their object ids. */
function wholePath(tree, answer) {
    return {
        real: answer.error ? undefined : answer.real,
        via: answer.via.map(link => ({ path: link, oid: tree.links.get(link).oid })),
        entry: answer.entry
    };
}
/** The fixed directories of the configs' patterns (their negations aside). */
function anchorsOf(configs) {
    const anchors = new Set();
    for (const node of configs)
        if (node.kind === 'config')
            for (const pattern of node.paths)
                if (!pattern.startsWith('!'))
                    anchors.add(anchorOf(pattern));
    return anchors;
}
/**
 * The files under the configs' fixed directories (as their real paths), and under whatever the
 * links among them lead to, in path order; the links' targets join tree.links.
 */
async function configListing(tree, anchors, prelisted) {
    const listed = new Set();
    const found = new Map();
    let wanted = anchors;
    for (let round = 0; wanted.length > 0; round++) {
        const fresh = wanted.filter(a => !a.error && a.entry && !underAny(listed, a.real));
        if (fresh.length === 0)
            break;
        if (round === MAX_LINK_ROUNDS)
            throw new Error(`links inside configs lead on more than ${MAX_LINK_ROUNDS} times`);
        const dirs = outermostAnswers(fresh);
        for (const d of dirs)
            listed.add(d.path);
        const parts = [];
        const walked = [];
        for (const d of dirs)
            if (prelisted.covers(d.path))
                parts.push(prelisted.under(d.path));
            else
                walked.push(d);
        // Joined, not spread into push: a listing can hold a million files.
        parts.push(await tree.filesUnder(walked));
        const files = parts.flat();
        // A pattern that names a file: the file itself.
        for (const a of fresh)
            if (a.entry.mode !== TREE_MODE && !underAny(listed, a.real))
                files.push({ path: a.real, mode: a.entry.mode, oid: a.entry.oid });
        const newLinks = [];
        for (const f of files) {
            if (found.has(f.path))
                continue;
            found.set(f.path, f);
            if (isSymlink(f) && !tree.links.has(f.path))
                newLinks.push(f);
        }
        // Links inside a config are followed (resolving one reads its target): what they lead to is
        // listed next.
        wanted = [...(await tree.resolve(newLinks.map(l => l.path))).values()];
    }
    // The links on the way to the configs' directories are theirs too, as in a full listing.
    for (const [path, link] of tree.links)
        if (!found.has(path))
            found.set(path, { path, mode: SYMLINK_MODE, oid: link.oid });
    return [...found.values()].sort(byPath);
}
/** What git listed under some directories, by path. */
class Prelisted {
    dirs;
    files = [];
    /** The symlinks among them. */
    links = [];
    dirSet;
    constructor(dirs) {
        this.dirs = dirs;
        this.dirSet = new Set(dirs);
    }
    fill(files) {
        this.files = files.sort(byPath);
        this.links = files.filter(isSymlink);
    }
    covers(path) {
        return underAny(this.dirSet, path);
    }
    /** The files at or under path. */
    under(path) {
        return filesAtOrUnder(this.files, path);
    }
}
/** The directories (with their trees) among answers, none under another. */
function outermostAnswers(answers) {
    const trees = new Map();
    for (const a of answers)
        if (!a.error && a.entry?.mode === TREE_MODE)
            trees.set(a.real, a.entry.oid);
    return outermost([...trees.keys()]).map(path => ({ path, tree: trees.get(path) }));
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

/** The trees of one commit under a root directory ('' the repository's top). */
class CommitTree {
    git;
    commit;
    root;
    trees = new Map();
    /** Every link met on the way, by its path under the root: its blob and its target. */
    links = new Map();
    blobs = new Map();
    /** Directories resolved with no link on the way: where a walk into them stands. */
    directories = new Map();
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
            if (rootTree === null) {
                answers.set(path, { real: path, via: [], entry: null });
                continue;
            }
            // A path in a directory already resolved without a link starts there (a Dockerfile in its
            // context): the same state a walk from the root would reach, without the steps.
            const slash = path.lastIndexOf('/');
            const dir = slash === -1 ? undefined : this.directories.get(path.slice(0, slash));
            pending.push({
                path,
                via: [],
                hops: 0,
                ...(dir
                    ? { queue: [path.slice(slash + 1)], out: [...dir.out], trees: [...dir.trees] }
                    : { queue: path === '' ? [] : path.split('/'), out: [], trees: [rootTree] })
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
    /**
     * Every file under some directories (paths under the root, each with its tree id), read tree by
     * tree in one request per level: what `git ls-tree -r` gives, without a process of its own or
     * pathspecs to match, in no particular order. linksOnly: only the symlinks (nothing else is
     * decoded).
     */
    async filesUnder(dirs, linksOnly = false) {
        const out = [];
        await this.levels(dirs, (prefix, tree, next) => tree.forEach((kind, at, nul) => {
            if (kind === 'tree')
                next.push({ path: prefix + tree.name(at, nul), tree: tree.oid(nul) });
            else if (!linksOnly || kind === 'link')
                out.push({ path: prefix + tree.name(at, nul), mode: tree.mode(at), oid: tree.oid(nul) });
        }));
        return out;
    }
    /**
     * The entries of every directory under some directories (paths under the root, each with its
     * tree id), by directory path: read tree by tree in one request per level. Not deep: the
     * directories' own entries only. descend: whether a directory beneath is read (all by default).
     */
    async entriesUnder(dirs, deep = true, descend = () => true) {
        const out = new Map();
        await this.levels(dirs, (prefix, tree, next, path) => {
            if (out.has(path))
                return;
            const entries = [];
            tree.forEach((kind, at, nul) => {
                const name = tree.name(at, nul);
                const oid = tree.oid(nul);
                entries.push({ name, mode: tree.mode(at), oid });
                if (deep && kind === 'tree' && descend(prefix + name))
                    next.push({ path: prefix + name, tree: oid });
            });
            out.set(path, entries);
        });
        return out;
    }
    /**
     * Visits directories level by level, each level's missing trees read in one request: visit
     * pushes onto next the directories of the level below.
     */
    async levels(dirs, visit) {
        let level = dirs;
        while (level.length > 0) {
            const missing = [...new Set(level.map(d => d.tree).filter(t => !this.trees.has(t)))];
            if (missing.length > 0)
                await this.read(missing);
            const next = [];
            for (const dir of level)
                visit(dir.path === '' ? '' : `${dir.path}/`, this.trees.get(dir.tree), next, dir.path);
            level = next;
        }
    }
    /** What stands at path, a link there not followed (links above it are); null when nothing. */
    async entryAt(path) {
        const slash = path.lastIndexOf('/');
        const parent = slash === -1 ? '' : path.slice(0, slash);
        const dir = (await this.resolve([parent])).get(parent);
        if (dir.error || dir.entry?.mode !== TREE_MODE)
            return null;
        if (!this.trees.has(dir.entry.oid))
            await this.read([dir.entry.oid]);
        return this.trees.get(dir.entry.oid).get(path.slice(slash + 1)) ?? null;
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
                if (isAbsoluteTarget(target))
                    return answer(null, `${this.describe(via)}, which leads outside the repository`);
                queue.shift();
                queue.unshift(...target.split('/'));
                continue;
            }
            queue.shift();
            out.push(segment);
            if (queue.length === 0) {
                if (entry.mode === TREE_MODE && via.length === 0 && out.join('/') === walk.path)
                    this.directories.set(walk.path, { out: [...out], trees: [...trees, entry.oid] });
                return answer({ mode: entry.mode, oid: entry.oid });
            }
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
        return describeVia(via, { get: link => this.links.get(link)?.target });
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

/** The problems of reading a graph, followed by those of checking it against the files. */
function problemsWithFiles(graph, readProblems, files, symlinks) {
    const membership = new GraphFiles(graph, symlinks).membership(files);
    return [...readProblems, ...checkGraphAgainstFiles(graph, membership)];
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
    const root = graphRoot(request.graphFile);
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
    const tree = new CommitTree(git, head, root);
    if (graphBytes === null) {
        const entry = await tree.entryAt(graphName);
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
    if (working?.text !== graphText && (await tree.entryAt(graphName))?.mode === SYMLINK_MODE)
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
    const files = await commitFiles(git, tree, graph);
    const everythingBecause = everythingReason(wanted) ?? baseUnreadable;
    const changedFiles = await changes;
    const argChanges = base === null || everythingBecause
        ? undefined
        : await argChangesSince(git, graph, files.membership.reach ?? new Map(), changedFiles, base, root);
    return plan({
        graph,
        graphText,
        graphFile: request.graphFile,
        baseGraphText,
        base: base ?? '',
        head,
        changedFiles,
        files,
        ...(argChanges ? { argChanges } : {}),
        ...(everythingBecause ? { everythingBecause } : {})
    });
}

// Use case: turn a base strategy into two commits that are present locally, fetching exactly what
// is needed from a shallow checkout: commits by sha, then deeper only as far as a merge-base needs.
// When the base cannot be had, every node is affected and the reason says why; never HEAD~1, never
// "nothing changed".
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const DEEPEN_STEPS = [16, 128, 1024];
async function localCommit(git, rev, remote) {
    if (SHA.test(rev))
        return (await git.hasCommit(rev)) ? rev : null;
    for (const candidate of [rev, `refs/remotes/${remote}/${rev.replace(/^refs\/heads\//, '')}`]) {
        try {
            return await git.resolveCommit(candidate);
        }
        catch {
            // not here under this name
        }
    }
    return null;
}
/** A commit present locally for rev (a sha or a branch), fetched at depth 1 when missing. */
async function ensureCommit(git, rev, options, preferRemote = false) {
    if (!preferRemote) {
        const here = await localCommit(git, rev, options.remote);
        if (here)
            return { sha: here };
    }
    // `HEAD~1`, `main^`, `@{1}`: a revision expression, which no remote can be asked for by name.
    if (/[~^:]|@\{/.test(rev)) {
        const hint = await git.shallowHint();
        return {
            error: hint
                ? `'${rev}' is not in the checkout${hint}`
                : `'${rev}' is not a revision of this repository`
        };
    }
    if (!(await git.hasRemote(options.remote)))
        return {
            error: `${shortId(rev)} is not in the checkout and there is no remote '${options.remote}' to fetch it from`
        };
    if (SHA.test(rev)) {
        options.debug(`fetching ${rev} from ${options.remote}`);
        const fetched = await git.fetch(options.remote, [rev], ['--depth=1']);
        if (fetched.ok && (await git.hasCommit(rev)))
            return { sha: rev };
        return {
            error: `commit ${shortId(rev)} cannot be fetched from ${options.remote}${fetched.error ? ` (${fetched.error})` : ''}`
        };
    }
    const branch = rev.replace(/^refs\/heads\//, '');
    const tracking = `refs/remotes/${options.remote}/${branch}`;
    options.debug(`fetching branch ${branch} from ${options.remote}`);
    const fetched = await git.fetch(options.remote, [`+refs/heads/${branch}:${tracking}`], ['--depth=1']);
    if (fetched.ok)
        return { sha: await git.resolveCommit(tracking) };
    // Not a branch: maybe a tag, which a default checkout (depth 1, no tags) does not have either.
    if (!rev.startsWith('refs/heads/')) {
        const tag = `refs/tags/${rev.replace(/^refs\/tags\//, '')}`;
        options.debug(`fetching tag ${tag} from ${options.remote}`);
        const tagFetched = await git.fetch(options.remote, [`+${tag}:${tag}`], ['--depth=1']);
        if (tagFetched.ok)
            return { sha: await git.resolveCommit(tag) };
    }
    const here = await localCommit(git, rev, options.remote);
    if (here)
        return { sha: here };
    return {
        error: `'${rev}' is neither a commit nor a branch or tag that ${options.remote} has${fetched.error ? ` (${fetched.error})` : ''}`
    };
}
/** The merge-base of two local commits, deepening a shallow history step by step until found. */
async function findMergeBase(git, base, head, options) {
    let found = await git.mergeBase(base, head);
    for (const depth of DEEPEN_STEPS) {
        if (found || !(await git.isShallow()))
            return found;
        options.debug(`no merge-base of ${shortId(base)} and ${shortId(head)} yet; deepening by ${depth}`);
        await git.fetch(options.remote, [base, head], [`--deepen=${depth}`]);
        found = await git.mergeBase(base, head);
    }
    if (!found && (await git.isShallow())) {
        options.debug('still no merge-base; fetching the whole history');
        await git.fetch(options.remote, [base, head], ['--unshallow']);
        found = await git.mergeBase(base, head);
    }
    return found;
}
async function resolveBase(git, strategy, options) {
    const head = await ensureCommit(git, strategy.head, options);
    if ('error' in head)
        throw new UserError(`the head commit is not available: ${head.error}; check out the commit the event is about (actions/checkout does by default)`);
    const unavailable = (why, missing) => ({
        kind: 'base-unavailable',
        head: head.sha,
        why,
        missing
    });
    const range = (base, why) => ({
        kind: 'range',
        base,
        head: head.sha,
        why
    });
    switch (strategy.kind) {
        case 'everything':
            return {
                kind: 'everything',
                head: head.sha,
                reason: `${strategy.why}: every node is affected`
            };
        case 'nothing':
            // Head compared with itself: every key is computed, nothing is affected.
            return range(head.sha, strategy.why);
        case 'range': {
            const base = await ensureCommit(git, strategy.base, options);
            if ('error' in base)
                return unavailable(strategy.why, base.error);
            return range(base.sha, strategy.why);
        }
        case 'merge-base': {
            const base = await ensureCommit(git, strategy.base, options, !SHA.test(strategy.base));
            if ('error' in base)
                return unavailable(strategy.why, base.error);
            const mergeBase = await findMergeBase(git, base.sha, head.sha, options);
            if (!mergeBase)
                return unavailable(strategy.why, `${shortId(base.sha)} and ${shortId(head.sha)} have no common ancestor`);
            return range(mergeBase, `${strategy.why} = ${shortId(mergeBase)}`);
        }
        case 'previous-tag': {
            const tags = await git.tags();
            if (await git.hasRemote(options.remote))
                for (const [tag, sha] of await git.tags(options.remote))
                    tags.set(tag, sha);
            const matches = options.tagPattern ? picomatch(options.tagPattern) : undefined;
            const previous = previousTag(strategy.tag, [...tags.keys()], matches);
            if (!previous) {
                const series = options.tagPattern
                    ? `matching '${options.tagPattern}'`
                    : `of the series of ${strategy.tag}`;
                return {
                    kind: 'everything',
                    head: head.sha,
                    reason: `${strategy.why}: no earlier tag ${series}, so every node is affected`
                };
            }
            const base = await ensureCommit(git, tags.get(previous), options);
            if ('error' in base)
                return unavailable(`${strategy.why}: previous tag ${previous}`, base.error);
            return range(base.sha, `${strategy.why}: previous tag ${previous} (${shortId(base.sha)})`);
        }
    }
}

// The action's outputs as pure functions of the plan: what a workflow reads with fromJSON().
/** GitHub caps a matrix at 256 jobs. */
const MAX_MATRIX_JOBS = 256;
/** An output larger than this many bytes is trimmed (GitHub takes 1 MB per output). */
const MAX_PLAN_OUTPUT = 900_000;
/**
 * `{"include":[{"image":"api","key":"<hex>"}]}` for strategy.matrix. With more affected images than
 * maxJobs, consecutive images in build order share a job: `image` lists them comma-separated and
 * `images` as an array; `key` is then the first image's.
 */
function matrixOf(plan, maxJobs = MAX_MATRIX_JOBS) {
    const names = plan.affectedImages;
    if (names.length <= maxJobs)
        return { include: names.map(image => ({ image, key: plan.images[image].key })) };
    const perJob = Math.ceil(names.length / maxJobs);
    const include = [];
    for (let i = 0; i < names.length; i += perJob) {
        const images = names.slice(i, i + perJob);
        include.push({ image: images.join(','), key: plan.images[images[0]].key, images });
    }
    return { include };
}
const bytes = (text) => Buffer.byteLength(text, 'utf8');
function pick(nodes, reasons, keep) {
    const out = {};
    for (const [name, node] of Object.entries(nodes))
        if (keep(node))
            out[name] = { ...node, reasons: node.reasons.slice(0, reasons) };
    return out;
}
/**
 * The plan as one line of JSON, at most `limit` bytes of UTF-8. When it would be larger it is cut
 * in stages until it fits: one reason per node; then no reasons (reasonCount keeps their number),
 * at most 1,000 changed files and 100 warnings; then only the affected nodes; then no nodes, only
 * the names of the affected ones; at last those names cut too. `truncated` says which stage,
 * `counts` how many of each the whole plan has; the plan file holds all of it.
 */
function planOutput(plan, limit = MAX_PLAN_OUTPUT) {
    const full = JSON.stringify(plan);
    if (bytes(full) <= limit)
        return full;
    const counts = {
        configs: Object.keys(plan.configs).length,
        changedConfigs: plan.changedConfigs.length,
        processes: Object.keys(plan.processes).length,
        affectedProcesses: plan.affectedProcesses.length,
        images: Object.keys(plan.images).length,
        affectedImages: plan.affectedImages.length,
        changedFiles: plan.changedFiles.length,
        warnings: plan.warnings.length
    };
    const cuts = [];
    if (plan.changedFiles.length > 1000)
        cuts.push(`changedFiles cut to the first 1000 of ${plan.changedFiles.length}`);
    if (plan.warnings.length > 100)
        cuts.push(`warnings cut to the first 100 of ${plan.warnings.length}`);
    const also = cuts.length > 0 ? `; ${cuts.join(', ')}` : '';
    const fit = 'to fit the output size limit';
    const lean = {
        changedFiles: plan.changedFiles.slice(0, 1000),
        warnings: plan.warnings.slice(0, 100)
    };
    const stages = [
        () => ({
            ...plan,
            truncated: `reasons trimmed to the first chain per node ${fit}`,
            counts,
            configs: pick(plan.configs, 1, () => true),
            processes: pick(plan.processes, 1, () => true),
            images: pick(plan.images, 1, () => true)
        }),
        () => ({
            ...plan,
            ...lean,
            truncated: `reasons left out (reasonCount counts them)${also} ${fit}`,
            counts,
            configs: pick(plan.configs, 0, () => true),
            processes: pick(plan.processes, 0, () => true),
            images: pick(plan.images, 0, () => true)
        }),
        () => ({
            ...plan,
            ...lean,
            truncated: `only affected nodes listed, without reasons${also} ${fit}`,
            counts,
            configs: pick(plan.configs, 0, n => n.changed),
            processes: pick(plan.processes, 0, n => n.affected),
            images: pick(plan.images, 0, n => n.affected)
        }),
        () => ({
            ...plan,
            changedFiles: [],
            warnings: [],
            truncated: `no nodes listed: only the names of the affected ones and counts ${fit}`,
            counts,
            configs: {},
            processes: {},
            images: {}
        })
    ];
    for (const stage of stages) {
        const text = JSON.stringify(stage());
        if (bytes(text) <= limit)
            return text;
    }
    // Even the names are too many: keep the first of each list that fit, in build order.
    const names = (keep) => ({
        ...stages[stages.length - 1](),
        truncated: `no nodes listed, and only the first ${keep} names of each list of affected nodes (counts has how many) ${fit}`,
        affectedImages: plan.affectedImages.slice(0, keep),
        affectedProcesses: plan.affectedProcesses.slice(0, keep),
        changedConfigs: plan.changedConfigs.slice(0, keep)
    });
    let low = 0;
    let high = Math.max(counts.affectedImages, counts.affectedProcesses, counts.changedConfigs);
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (bytes(JSON.stringify(names(mid))) <= limit)
            low = mid;
        else
            high = mid - 1;
    }
    return JSON.stringify(names(low));
}
/**
 * An output keyed by image within `limit` bytes of UTF-8: the first of the stages (each a way to
 * shorten one image's record, the first usually whole) whose JSON fits. When none fits, a user
 * error that says so (unfit: what follows "do not fit GitHub's output limit (N bytes)"); the
 * caller has written the whole of it to a file already (`results-file`).
 */
function fittedOutput(what, records, stages, limit, unfit) {
    for (const stage of stages) {
        const out = {};
        for (const [image, r] of Object.entries(records))
            out[image] = stage(r);
        const text = JSON.stringify(out);
        if (Buffer.byteLength(text, 'utf8') <= limit)
            return text;
    }
    throw new UserError(`The ${what} of ${Object.keys(records).length} images do not fit GitHub's output limit (${limit} bytes)${unfit}`);
}
/**
 * The `digests` output (`{"image": "registry/repository@sha256:..."}`) when it fits GitHub's
 * output limit; a map cut short would leave images out silently, so one that does not fit is a
 * user error that says where every digest is (`results-file`, written before).
 */
function digestsOutput(digests, limit = MAX_PLAN_OUTPUT) {
    return fittedOutput('digests', digests, [d => d], limit, "; read results-file, which has each image's ref and digest");
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
        if (hidden?.has(n.name))
            continue;
        const [open, close] = MERMAID_SHAPES[n.kind];
        out.push(`  ${ids.get(n.name)}${open}"${mermaidText(nodeLabel(n))}"${close}`);
    }
    for (const n of graph.order) {
        if (hidden?.has(n.name))
            continue;
        for (const input of inputsOf(n))
            if (!hidden?.has(input))
                out.push(`  ${ids.get(input)} --> ${ids.get(n.name)}`);
    }
    if (affected && affected.size > 0) {
        out.push('  classDef affected fill:#ffd8a8,stroke:#e8590c,stroke-width:2px');
        const marked = graph.order
            .filter(n => affected.has(n.name) && !hidden?.has(n.name))
            .map(n => ids.get(n.name));
        if (marked.length > 0)
            out.push(`  class ${marked.join(',')} affected`);
    }
    return `${out.join('\n')}\n`;
}

// The job summary and the PR comment: what a developer wants to see at a glance, within a size
// budget (GitHub takes 1 MiB of step summary, 65,536 characters of comment). A large graph still
// gets a useful summary: unaffected nodes collapse, rows truncate with a note, never nothing.
const SUMMARY_BUDGET = 1_000_000;
const COMMENT_BUDGET = 60_000;
/** GitHub renders mermaid up to about this much text; past it a diagram is an error box. */
const MERMAID_MAX_CHARS = 40_000;
const MERMAID_MAX_NODES = 300;
const CHAINS_PER_ROW = 3;
function commentMarker(graphFile) {
    // inert: a graph file named `x -->` must not close the comment.
    return `<!-- imagegraph-plan:${inert(graphFile)} -->`;
}
function chainsCell(n) {
    const shown = n.reasons.slice(0, CHAINS_PER_ROW).map(r => `<code>${cell(r)}</code>`);
    const more = n.reasonCount - shown.length;
    if (more > 0)
        shown.push(`+${more} more`);
    return shown.join('<br>');
}
/** Lines appended while they fit; the rest is counted in a note instead of dropped silently. */
class Budget {
    limit;
    parts = [];
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    get left() {
        return this.limit - this.used;
    }
    /** Adds text if it fits within the budget minus `reserve`; says whether it did. */
    add(text, reserve = 0) {
        const size = Buffer.byteLength(text, 'utf8') + 1;
        if (this.used + size > this.limit - reserve)
            return false;
        this.parts.push(text);
        this.used += size;
        return true;
    }
    /** Adds rows until the budget runs low, then a note with how many were left out. */
    addRows(rows, note, reserve) {
        for (let i = 0; i < rows.length; i++) {
            if (!this.add(rows[i], reserve)) {
                this.add(note(rows.length - i));
                return;
            }
        }
    }
    text() {
        return `${this.parts.join('\n')}\n`;
    }
}
/** The nodes to draw: all of a small graph; of a large one, the affected nodes and their inputs. */
function diagram(p) {
    const affected = new Set([...p.nodes.values()].filter(n => n.affected).map(n => n.name));
    let hidden;
    let note;
    if (p.graph.nodes.size > MERMAID_MAX_NODES) {
        const shown = new Set(affected);
        for (const name of affected)
            for (const input of p.nodes.get(name).inputs)
                shown.add(input);
        hidden = new Set([...p.graph.nodes.keys()].filter(n => !shown.has(n)));
        note = `${hidden.size} unaffected nodes are collapsed out of the diagram.`;
        if (shown.size > MERMAID_MAX_NODES)
            return {
                note: `The diagram is left out: ${shown.size} affected nodes and inputs are more than a diagram can show.`
            };
        if (shown.size === 0)
            return { note: 'Nothing is affected; the graph has too many nodes to draw.' };
    }
    const text = graphMermaid(p.graph, affected, hidden);
    if (text.length > MERMAID_MAX_CHARS)
        return {
            note: `The diagram is left out: ${text.length} characters of mermaid is more than GitHub renders.`
        };
    return { text, ...(note ? { note } : {}) };
}
function summaryMarkdown(p, ctx, limit = SUMMARY_BUDGET) {
    const b = new Budget(limit);
    const all = p.order.map(n => p.nodes.get(n));
    const images = all.filter(n => n.kind === 'image');
    const processes = all.filter(n => n.kind === 'process');
    const configs = all.filter(n => n.kind === 'config');
    const affected = affectedImages(p);
    const reserve = 2_000; // room kept for the sections after a truncated one
    b.add(commentMarker(p.graphFile));
    b.add(`## imagegraph: ${affected.length} of ${counted(images.length, 'image')} affected`);
    b.add('');
    const base = p.base ? `\`${shortId(p.base)}\`` : '*none*';
    b.add(`**Base** ${base} → **head** \`${shortId(p.head)}\`: ${cell(ctx.baseWhy)}  `);
    const changedConfigs = configs.filter(c => c.affected);
    b.add(`${counted(p.changedFiles.length, 'changed file')} · ${changedConfigs.length} of ${configs.length} configs changed · ${processes.filter(n => n.affected).length} of ${processes.length} processes affected`);
    if (p.everythingBecause)
        b.add(`\n> [!WARNING]\n> Every node is affected: ${cell(p.everythingBecause)}`);
    // Warnings take at most half the budget: the images come next and matter more.
    b.addRows(p.warnings.map(w => `\n> [!NOTE]\n> ${cell(`${w.file}:${w.line}:${w.col} ${w.path}: ${w.message}`)}`), left => `\n> [!NOTE]\n> ${left} more warnings are not shown here (size limit); the \`plan\` output has them all.`, Math.floor(limit / 2));
    b.add('');
    b.add('### Images');
    if (affected.length > 0) {
        b.add('| Image | Why | Key |');
        b.add('|---|---|---|');
        const rows = affected.map(n => `| **${cell(n.name)}** | ${chainsCell(n)} | \`${shortId(n.key)}\` |`);
        b.addRows(rows, left => `\n*${left} more affected images are not listed here (size limit); the \`plan\` output has them all.*`, reserve);
    }
    else
        b.add('No image is affected.');
    const unaffected = images.filter(n => !n.affected);
    if (unaffected.length > 0) {
        b.add('');
        b.add(`<details><summary>${counted(unaffected.length, 'image')} not affected</summary>`);
        b.add('');
        b.addRows(unaffected.map(n => `- ${cell(n.name)} \`${shortId(n.key)}\``), left => `- … and ${left} more`, reserve);
        b.add('\n</details>');
    }
    if (processes.length > 0) {
        b.add('');
        b.add('### Processes');
        const affectedProcesses = processes.filter(n => n.affected);
        if (affectedProcesses.length > 0) {
            b.add('| Process | Why | Key |');
            b.add('|---|---|---|');
            b.addRows(affectedProcesses.map(n => `| **${cell(n.name)}** | ${chainsCell(n)} | \`${shortId(n.key)}\` |`), left => `\n*${left} more affected processes are not listed here (size limit).*`, reserve);
        }
        const idle = processes.length - affectedProcesses.length;
        if (idle > 0)
            b.add(`\n${counted(idle, 'process', 'processes')} not affected.`);
    }
    const d = diagram(p);
    b.add('');
    b.add('### Graph');
    if (d.text && !b.add(`\`\`\`mermaid\n${d.text}\`\`\``, 500))
        b.add('*The diagram is left out to stay within the size limit.*');
    if (d.note)
        b.add(`*${d.note}*`);
    if (p.changedFiles.length > 0) {
        b.add('');
        b.add(`<details><summary>${counted(p.changedFiles.length, 'changed file')}</summary>`);
        b.add('');
        b.addRows(p.changedFiles.map(c => `- ${c.status}: <code>${cell(c.oldPath ? `${c.oldPath} → ${c.path}` : c.path)}</code>`), left => `- … and ${left} more`, 100);
        b.add('\n</details>');
    }
    return b.text();
}

// The event payload, read by imagegraph itself before anything else touches it: @actions/github
// parses GITHUB_EVENT_PATH when it is loaded and throws a raw stack trace on a malformed file.
function readEvent(env) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const eventPath = env.GITHUB_EVENT_PATH;
    if (!eventPath)
        return { eventName, payload: {}, missingBecause: 'GITHUB_EVENT_PATH is not set' };
    const where = `the event payload GITHUB_EVENT_PATH=${eventPath}`;
    let bytes;
    try {
        bytes = readFileSync(eventPath);
    }
    catch (e) {
        const code = e.code;
        throw new UserError(`${where} cannot be read: ${code === 'ENOENT' ? 'no such file' : (code ?? e.message)}`);
    }
    // GitHub writes plain UTF-8 JSON; a byte order mark means the file was made by something else.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        throw new UserError(`${where} starts with a UTF-8 byte order mark; write it as JSON without one`);
    let payload;
    try {
        payload = JSON.parse(bytes.toString('utf8'));
    }
    catch (e) {
        throw new UserError(`${where} is not valid JSON: ${e.message}`);
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
        throw new UserError(`${where} is not a JSON object (it is ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload})`);
    return { eventName, payload: payload };
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

// Every input of action.yml, read once and validated into a typed object named by the inputs.
const MODES = ['plan', 'build', 'comment', 'report', 'retag'];
const SAVE_CACHE = ['auto', 'always', 'never'];
const PUSH = ['false', 'true', 'always'];
const BUILDERS = ['auto', 'buildx', 'docker', 'podman', 'buildah'];
function invalid(name, value, allowed) {
    return new UserError(`Input '${name}' is set to invalid value '${value}'. Valid values: ${allowed}`);
}
function getInputs(get = name => getInput(name)) {
    const bool = (name, fallback) => {
        const v = get(name).trim().toLowerCase();
        if (v === '')
            return fallback;
        if (['true', 'yes', 'on', '1'].includes(v))
            return true;
        if (['false', 'no', 'off', '0'].includes(v))
            return false;
        throw invalid(name, v, 'true, false');
    };
    const mode = get('mode').trim() || 'plan';
    if (!MODES.includes(mode))
        throw invalid('mode', mode, MODES.join(', '));
    const maxJobsText = get('matrix-max-jobs').trim() || String(MAX_MATRIX_JOBS);
    const maxJobs = Number(maxJobsText);
    if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MAX_MATRIX_JOBS) {
        throw invalid('matrix-max-jobs', maxJobsText, `a whole number from 1 to ${MAX_MATRIX_JOBS}`);
    }
    const commentBody = get('comment-body');
    if (mode === 'comment' && commentBody.trim() === '')
        throw new UserError("Input 'comment-body' is required with mode 'comment': pass the output comment-body of a plan run");
    const saveCache = get('save-cache').trim() || 'auto';
    if (!SAVE_CACHE.includes(saveCache))
        throw invalid('save-cache', saveCache, SAVE_CACHE.join(', '));
    const parallelText = get('parallel').trim();
    const parallel = parallelText === '' ? undefined : Number(parallelText);
    if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 1))
        throw invalid('parallel', parallelText, 'a whole number of at least 1');
    const resultsDir = get('results-dir').trim();
    if (mode === 'report' && resultsDir === '')
        throw new UserError("Input 'results-dir' is required with mode 'report': the directory the legs' results files were downloaded to");
    const push = get('push').trim().toLowerCase() || 'false';
    if (!PUSH.includes(push))
        throw invalid('push', push, PUSH.join(', '));
    const builder = get('builder').trim() || 'auto';
    if (!BUILDERS.includes(builder))
        throw invalid('builder', builder, BUILDERS.join(', '));
    const rev = get('rev').trim();
    const from = get('from').trim();
    const tags = parseTagList(get('tags'));
    const images = parseImageList(get('images'));
    if (mode === 'retag')
        checkRetagInputs({ rev, from, tags, images });
    return {
        rev,
        from,
        partial: bool('partial', false),
        builder: builder,
        registry: get('registry').trim(),
        'registry-insecure': bool('registry-insecure', false),
        'registry-username': get('registry-username').trim(),
        'registry-password': get('registry-password'),
        'registry-ca-file': get('registry-ca-file').trim(),
        push: push,
        tags,
        version: get('version').trim(),
        'rebuild-missing': bool('rebuild-missing', true),
        'retag-unaffected': bool('retag-unaffected', false),
        'layer-cache': get('layer-cache').trim() || 'auto',
        images,
        'results-dir': resultsDir,
        cache: get('cache').trim(),
        'save-cache': saveCache,
        parallel,
        graph: get('graph').trim() || 'imagegraph.yml',
        base: get('base').trim(),
        head: get('head').trim(),
        'tag-pattern': get('tag-pattern').trim(),
        token: get('token').trim(),
        comment: bool('comment', false),
        'comment-body': commentBody,
        'working-directory': get('working-directory').trim() || '.',
        mode: mode,
        'matrix-max-jobs': maxJobs
    };
}
/** Mode `retag` is either every image at a revision (`rev`) or one image from a tag (`from`). */
function checkRetagInputs(given) {
    const { rev, from, tags, images } = given;
    if (rev !== '' && from !== '')
        throw new UserError("Inputs 'rev' and 'from' are both set with mode 'retag': give 'rev' to retag every image at a revision, or 'from' (with 'images' naming one image) to retag one image");
    if (rev === '' && from === '')
        throw new UserError("Input 'rev' or 'from' is required with mode 'retag': 'rev' (a commit, branch or release tag) retags every image to its content at that revision; 'from' (a tag or digest, with 'images' naming one image) retags one image");
    if (from !== '' && images.length !== 1)
        throw new UserError(`Input 'images' must name exactly one image with 'from' (mode 'retag'); it names ${images.length === 0 ? 'none' : `${images.length}: ${images.join(', ')}`}`);
    if (tags.length === 0)
        throw new UserError("Input 'tags' is required with mode 'retag': the tags to point at the images (e.g. production)");
}

// Loads the position-keeping YAML parser (the `yaml` package) when a graph problem needs a line.
// Synchronous, so the graph reader stays synchronous: require() of a CommonJS file. The bundle
// ships it as dist/yaml.cjs beside the chunks (rollup.config.js); from the sources it is the
// package itself.
const require$1 = createRequire(import.meta.url);
const BUNDLED = './yaml.cjs';
function loadYamlPackage() {
    try {
        return require$1(BUNDLED);
    }
    catch (e) {
        const error = e;
        if (error.code !== 'MODULE_NOT_FOUND' || !error.message.includes(BUNDLED))
            throw e;
    }
    return require$1('yaml');
}

// What happened to each image of a run, as data: the build-images command fills it, the renderers
// show it, the action's `results` output is its JSON (render/images.ts imagesToJson).
function imagesFailed(run) {
    return run.images.filter(i => i.status === 'failed').map(i => i.name);
}

// The results of the images of a run for people and for later steps: a headline, a markdown section
// for the job summary and PR comment, a short text for the CLI, and the `results` output's JSON.
// Names, tags, reasons and build output come from the repository: inert text (markdown.ts).
/** Each output line of a failure is cut to this many characters in the job summary. */
const SUMMARY_LINE_CHARS$1 = 300;
/** The section's default size: the rest of the summary (plan, processes) needs room too. */
const IMAGES_SECTION_BUDGET = 300_000;
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
function shortDigest$1(digest) {
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
/** A fence longer than any backtick run in the text, so nothing in it can close the block. */
function fence(lines) {
    const longest = Math.max(0, ...lines.map(l => Math.max(0, ...(l.match(/`+/g) ?? []).map(r => r.length))));
    return '`'.repeat(Math.max(3, longest + 1));
}
/** The job summary's section (and the PR comment's): headline, a table, failures' last lines. */
function imagesMarkdown(run, limit = IMAGES_SECTION_BUDGET) {
    const out = ['### Images built', '', imagesHeadline(run)];
    const where = run.registry ? `<code>${inert(run.registry)}</code>` : 'no registry';
    out.push('', `${where}${run.push ? '' : ', not pushed'}${run.builder ? ` · builder ${inert(run.builder)}` : ''}`);
    const listed = run.images.filter(i => i.status !== 'unchanged' || i.tags.length > 1);
    const unchanged = run.images.filter(i => !listed.includes(i));
    let size = out.join('\n').length;
    if (listed.length > 0) {
        out.push('', '| image | status | tags | digest | why |', '| --- | --- | --- | --- | --- |');
        let shown = 0;
        for (const image of listed) {
            const status = image.status === 'failed' ? '**failed**' : image.status;
            const tags = shownTags(image)
                .map(t => `<code>${inert(t)}</code>`)
                .join(' ');
            const digest = image.digest ? `<code>${inert(shortDigest$1(image.digest))}</code>` : '';
            const row = `| <code>${inert(image.name)}</code> | ${status} | ${tags} | ${digest} | ${inert(why(image))} |`;
            if (size + row.length > limit)
                break;
            out.push(row);
            size += row.length + 1;
            shown++;
        }
        if (shown < listed.length)
            out.push('', `*${listed.length - shown} more images are not listed here (size limit); the \`results\` output has them all.*`);
    }
    if (unchanged.length > 0) {
        const names = unchanged.map(i => `<code>${inert(i.name)}</code>`).join(', ');
        const text = size + names.length < limit
            ? names
            : `${unchanged.length} images (see the \`results\` output)`;
        out.push('', `<details><summary>${unchanged.length} unchanged (not needed by this run)</summary>`, '', text, '', '</details>');
    }
    for (const image of run.images) {
        if (image.status !== 'failed')
            continue;
        const tail = (image.logTail ?? []).map(l => l.length > SUMMARY_LINE_CHARS$1 ? `${l.slice(0, SUMMARY_LINE_CHARS$1)}…` : l);
        const lines = tail.length > 0 ? tail : ['(no output)'];
        const f = fence(lines);
        out.push('', `<details><summary><code>${inert(image.name)}</code> failed: ${inert(image.error ?? '')}</summary>`, '', `${f}text`, ...lines, f, '', '</details>');
    }
    return `${out.join('\n')}\n`;
}
/** The action's `results` output (and `imagegraph run --json`'s images part): keyed by image name. */
function imagesToJson(run) {
    return Object.fromEntries(run.images.map(({ name, ...rest }) => [name, rest]));
}

// Whether a run pushes: what the workflow asked for, under the trust rules. An untrusted event (a
// fork's pull request, pull_request_target, a workflow_run of a fork's run) never pushes, whatever
// it asked; a pull request builds without pushing unless the workflow says `always`.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function pushDecision(setting, eventName, untrusted) {
    if (setting === 'false')
        return { push: false, why: 'push is false' };
    if (untrusted)
        return { push: false, why: `untrusted event (${untrusted}): nothing is pushed` };
    if (setting === 'true' && PULL_REQUEST_EVENTS.has(eventName))
        return {
            push: false,
            why: `a ${eventName} event builds without pushing (push: always pushes pull requests from this repository too)`
        };
    return { push: true, why: `push is ${setting} on a trusted ${eventName} event` };
}

// What names a run in the action, for tag templates and labels: the commit built (a pull request's
// head commit, never its merge commit), the branch, the pull request's number and the ref pushed.
function runNamesOfEvent(event) {
    const names = { commit: event.commit };
    const pr = obj(event.payload.pull_request);
    if (event.eventName === 'pull_request' || event.eventName === 'pull_request_target') {
        const head = obj(pr.head).ref;
        if (typeof head === 'string' && head !== '')
            names.branch = head;
        const number = pr.number ?? event.payload.number;
        if (typeof number === 'number')
            names.pr = number;
    }
    else if (event.ref.startsWith('refs/heads/')) {
        names.branch = event.ref.slice('refs/heads/'.length);
    }
    else if (event.ref.startsWith('refs/tags/')) {
        names.ref = event.ref;
    }
    if (event.version)
        names.version = event.version;
    return names;
}

// The results of the matrix legs of one run, merged into one: each leg writes its results (an object
// keyed by image name, the build's `results` output) to a file; the report job merges the files.
/**
 * When two legs report the same image, the row kept is the most telling: a failure is never hidden
 * by another leg's success; a build beats a reuse; an image a leg did not need says least.
 */
const STATUS_RANK = ['failed', 'pushed', 'built', 'reused', 'skipped', 'unchanged'];
const rank = (status) => {
    const i = STATUS_RANK.indexOf(status);
    return i < 0 ? STATUS_RANK.length : i;
};
function parseLeg(file) {
    let value;
    try {
        value = JSON.parse(file.text);
    }
    catch (e) {
        throw new UserError(`${file.name}: not JSON (${e.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new UserError(`${file.name}: must be a JSON object of results keyed by image name`);
    for (const [image, result] of Object.entries(value)) {
        const r = result;
        if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof r.status !== 'string')
            throw new UserError(`${file.name}: image '${image}' has no result with a status`);
        if (r.digest !== undefined && typeof r.digest !== 'string')
            throw new UserError(`${file.name}: image '${image}' has a digest that is not a string`);
    }
    return value;
}
/**
 * Every leg's results as one object keyed by image name, names sorted. An image in several files is
 * kept once, by STATUS_RANK; two different digests for one image are an error (two legs built the
 * same image and pushed different bytes: which one its tags name depends on who pushed last).
 */
function mergeLegResults(files) {
    const merged = new Map();
    for (const file of [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        for (const [image, result] of Object.entries(parseLeg(file))) {
            const before = merged.get(image);
            if (!before) {
                merged.set(image, { result, from: file.name });
                continue;
            }
            const [a, b] = [before.result.digest, result.digest];
            if (a && b && a !== b)
                throw new UserError(`image '${image}' has two digests: ${a} in ${before.from} and ${b} in ${file.name}; two legs built it and pushed different bytes`);
            const keep = rank(result.status) < rank(before.result.status);
            const winner = keep ? { result, from: file.name } : before;
            // A digest one leg saw is kept, whichever row is shown.
            const digest = a ?? b;
            merged.set(image, {
                ...winner,
                result: digest ? { ...winner.result, digest } : winner.result
            });
        }
    }
    const out = {};
    for (const image of [...merged.keys()].sort())
        out[image] = merged.get(image).result;
    return out;
}
/**
 * The `results` output within GitHub's output limit: whole when it fits, else with one reason per
 * image, else without reasons and tags (status, ref, digest and key stay: they are what later steps
 * use). `results-file` always has all of it.
 */
function resultsOutput(results, limit = MAX_PLAN_OUTPUT) {
    return fittedOutput('results', results, [
        r => r,
        r => (r.reasons ? { ...r, reasons: r.reasons.slice(0, 1) } : r),
        ({ reasons: _reasons, tags: _tags, ...r }) => r
    ], limit, ' even without reasons and tags; read results-file');
}
/**
 * A simple table of the merged results (the build's own renderer replaces it): counts by status,
 * then one row per image while the text stays within `limit` characters, then how many were left
 * out.
 */
function resultsMarkdown(results, limit = Infinity) {
    const rows = Object.entries(results);
    if (rows.length === 0)
        return '## imagegraph: results\n\nNo leg reported a result.\n';
    const counts = new Map();
    for (const [, r] of rows)
        counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const line = [...counts].map(([status, n]) => `${inert(status)} ${n}`).join(' · ');
    const cell = (v) => v === undefined || v === '' ? '' : `<code>${inert(String(v))}</code>`;
    const head = [
        '## imagegraph: results',
        '',
        line,
        '',
        '| image | status | digest | tags |',
        '| --- | --- | --- | --- |'
    ];
    const lines = [...head];
    // Room for the note on rows left out.
    let size = head.join('\n').length + 200;
    let shown = 0;
    for (const [image, r] of rows) {
        const row = `| ${inert(image)} | ${inert(r.status)} | ${cell(r.digest)} | ${(r.tags ?? []).map(cell).join(' ')} |`;
        if (size + row.length + 1 > limit)
            break;
        lines.push(row);
        size += row.length + 1;
        shown++;
    }
    if (shown < rows.length)
        lines.push('', `… ${rows.length - shown} more images: the output \`results\` lists them all.`);
    return `${lines.join('\n')}\n`;
}

// Use case: the report of a run fanned out across matrix legs (mode `report`). Each leg uploaded
// its results as a JSON file; the report job downloaded them all into one directory. Read every
// `*.json` there, merge them into one result per image, and render the table for the job summary
// and the PR comment.
async function legFiles(dir) {
    let names;
    try {
        names = (await readdir$1(dir, { recursive: true })).filter(n => n.endsWith('.json')).sort();
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
    return Promise.all(names.map(async (name) => ({ name, text: await readFile(path$1.join(dir, name), 'utf8') })));
}
async function reportLegs(input) {
    const files = await legFiles(input.resultsDir);
    const results = mergeLegResults(files ?? []);
    const summary = resultsMarkdown(results, SUMMARY_BUDGET);
    let comment;
    if (input.planComment !== undefined && input.planComment.trim() !== '') {
        // The plan's marker line stays first: it names the sticky comment to update.
        const room = COMMENT_BUDGET - input.planComment.length - 2;
        comment = `${input.planComment}\n\n${resultsMarkdown(results, room)}`;
    }
    return {
        files: (files ?? []).map(f => f.name),
        missingDir: files === undefined,
        results,
        summary,
        ...(comment !== undefined ? { comment } : {})
    };
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
            context: path$1.resolve(request.root, node.context),
            dockerfile: path$1.resolve(request.root, node.dockerfile),
            ...(node.target !== undefined ? { target: node.target } : {}),
            platforms: [...node.platforms],
            buildArgs: { ...planned.fileArgs, ...node.buildArgs },
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

// A retag's result for people: a text table for the CLI, a markdown section for the job summary.
// Each tag shows what it named before, so a rollback can itself be rolled back by hand.
/** `sha256:0123456789ab`: enough to tell digests apart in a table. */
function shortDigest(digest) {
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
        : `${move.tag} (was ${shortDigest(move.before)})`;
}
/** The CLI's table: one row per image, then the missing ones (a partial retag). */
function retagText(result) {
    const rows = [
        ['IMAGE', 'DIGEST', 'TAGS'],
        ...retaggedOf(result).map(i => [
            i.image,
            shortDigest(i.digest),
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
const code = (text) => `<code>${inert(text)}</code>`;
/** The job summary's section: counts, a table of every image, then the missing ones. */
function retagMarkdown(result) {
    const out = [
        '### Retag',
        '',
        `${inert(headline(result))}: ${retagCounts(result)}`,
        '',
        '| image | digest | tags | before |',
        '| --- | --- | --- | --- |'
    ];
    for (const i of retaggedOf(result)) {
        const before = i.tags.map(t => !moved(i, t) ? 'same' : t.before === null ? 'new' : code(shortDigest(t.before)));
        out.push(`| ${code(i.image)} | ${code(shortDigest(i.digest))} | ${i.tags.map(t => code(t.tag)).join(', ')} | ${before.join(', ')} |`);
    }
    const missing = missingOf(result);
    if (missing.length > 0) {
        out.push('', `Not retagged (partial retag): ${missing.length}`, '');
        for (const m of missing)
            out.push(`- ${code(m.image)}: ${code(`${m.repository}:${m.from}`)} ${inert(unusableWords(m.reason))}`);
    }
    return `${out.join('\n')}\n`;
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
/**
 * The retag's `results` output within GitHub's output limit: whole when it fits, else without what
 * each tag named before, else without the tags too (status, repository, from, key, digest and
 * reason stay). `results-file` always has all of it.
 */
function retagResultsOutput(json, limit = MAX_PLAN_OUTPUT) {
    return fittedOutput('results', json, [r => r, ({ before: _before, ...r }) => r, ({ before: _before, tags: _tags, ...r }) => r], limit, ' even without tags; read results-file');
}
/** `{"api": "registry/repository@sha256:..."}` for every retagged image, as a build's `digests`. */
function retagDigests(result) {
    return Object.fromEntries(retaggedOf(result).map(i => [i.image, `${result.registry}/${i.repository}@${i.digest}`]));
}

// The images to build, grouped by dependency level into waves: one matrix job per wave, each after
// the one before, so that an image is built after every image it is built on (issue 11, fan-out).
/** Waves of the reusable workflow: one job each. Deeper images all go to the last one. */
const MAX_WAVES = 8;
/**
 * The images every image of the graph is built on: its image inputs, and the images of its
 * `image-args` mapping when the graph has that field (each of them is an input, listed or not).
 */
function upstreamImages(graph) {
    const out = new Map();
    for (const node of graph.nodes.values()) {
        if (node.kind !== 'image')
            continue;
        const imageArgs = node.imageArgs ?? {};
        const names = new Set([...inputsOf(node), ...Object.values(imageArgs)]);
        out.set(node.name, [...names].filter(n => graph.nodes.get(n)?.kind === 'image'));
    }
    return out;
}
/**
 * How many images to build lie below each image on its longest path of images built on images:
 * 0 for an image on nothing that is being built. An image that is not built passes its depth on
 * unchanged, so an image on an unbuilt image on a built one still comes after the built one.
 */
function buildDepths(input) {
    const building = new Set(input.build);
    const depth = new Map();
    const visiting = new Set();
    // The depth an image hands to the images built on it.
    const below = (name) => {
        const own = depthOf(name);
        return building.has(name) ? own + 1 : own;
    };
    const depthOf = (name) => {
        const known = depth.get(name);
        if (known !== undefined)
            return known;
        // The graph reader rejects cycles; one here is a caller's bug, not a user's mistake.
        if (visiting.has(name))
            throw new Error(`waves: a cycle of images through '${name}'`);
        visiting.add(name);
        let d = 0;
        for (const up of input.upstream.get(name) ?? [])
            d = Math.max(d, below(up));
        visiting.delete(name);
        depth.set(name, d);
        return d;
    };
    const out = new Map();
    for (const name of input.build)
        out.set(name, depthOf(name));
    return out;
}
/**
 * The images to build as waves: wave n holds the images at depth n, in build order; images deeper
 * than the last wave go to the last wave, where each leg builds what its images need that is not
 * in the registry yet (legs are self-sufficient), so correctness never depends on the waves.
 * Nothing to build: no waves. A wave with more images than maxJobs shares legs among consecutive
 * images.
 */
function wavesOf(input, options = {}) {
    const maxWaves = options.maxWaves ?? MAX_WAVES;
    const maxJobs = options.maxJobs ?? MAX_MATRIX_JOBS;
    if (!Number.isInteger(maxWaves) || maxWaves < 1 || maxWaves > MAX_WAVES)
        throw new Error(`waves: maxWaves ${maxWaves} is not from 1 to ${MAX_WAVES}`);
    if (!Number.isInteger(maxJobs) || maxJobs < 1)
        throw new Error(`waves: maxJobs ${maxJobs} is not a whole number of at least 1`);
    const depths = buildDepths(input);
    const levels = [];
    const seen = new Set();
    for (const name of input.build) {
        if (seen.has(name))
            continue;
        seen.add(name);
        const level = Math.min(depths.get(name), maxWaves - 1);
        while (levels.length <= level)
            levels.push([]);
        levels[level].push(name);
    }
    // Depths are contiguous (an image at depth n has one at n - 1 below it): no wave is empty.
    return levels.map(names => ({ image: legsOf(names, maxJobs) }));
}
/** Names as at most maxJobs legs: consecutive names share a leg, comma-joined, when they must. */
function legsOf(names, maxJobs) {
    if (names.length <= maxJobs)
        return names;
    const perLeg = Math.ceil(names.length / maxJobs);
    const legs = [];
    for (let i = 0; i < names.length; i += perLeg)
        legs.push(names.slice(i, i + perLeg).join(','));
    return legs;
}
/**
 * The `waves` output: one line of JSON within GitHub's output limit. Its names cannot be cut (a
 * missing name is a missed build), so a plan whose names alone exceed it is an error.
 */
function wavesOutput(waves, limit = MAX_PLAN_OUTPUT) {
    const text = JSON.stringify(waves);
    const size = Buffer.byteLength(text, 'utf8');
    if (size > limit)
        throw new UserError(`The waves output would be ${size} bytes, over GitHub's output limit (${limit}): too many image names to hand to a workflow`);
    return text;
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
/**
 * The backend when none is asked for: the Actions cache when the runner provides it; otherwise the
 * CLI keeps entries under the user's cache directory, and the action caches nothing.
 */
function defaultCacheSpec(env, caller, platform) {
    if (hasActionsCacheService(env))
        return { spec: { kind: 'gha' }, reason: 'the runner provides the Actions cache service' };
    return {
        spec: { kind: 'none' },
        reason: 'the runner provides no Actions cache service (ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL)'
    };
}
/** The backend asked for (by input or flag, named `source`), else the default for the caller. */
function chooseCacheSpec(value, source, env, caller, platform) {
    if (!value)
        return defaultCacheSpec(env);
    const spec = parseCacheSpec(value, source);
    if (spec.kind === 'gha' && !hasActionsCacheService(env))
        throw new UserError(`${source}: gha needs the Actions cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL), which this run does not have; use local:DIR or none`);
    return { spec, reason: source };
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

/** Each output line of a failure is cut to this many characters in the job summary. */
const SUMMARY_LINE_CHARS = 300;
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
/** Text safe inside <pre>: HTML escaped, so that output cannot close the block or add markup. */
function preText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The job summary's section: a table, then each failure's last lines folded. */
function processesMarkdown(run) {
    const out = [
        '### Processes',
        '',
        `${processCounts(run)} (cache <code>${cell(run.cache)}</code>${run.saveCache ? '' : ', not saved'})`
    ];
    const handled = run.processes.filter(p => p.outcome !== 'not-needed');
    if (handled.length > 0) {
        out.push('', '| process | result | time | cache | note |', '| --- | --- | --- | --- | --- |');
        for (const p of handled)
            out.push(`| <code>${cell(p.name)}</code> | ${p.outcome === 'failed' ? '**failed**' : OUTCOME_WORDS[p.outcome]} | ${p.seconds}s | ${bytesCell(p)} | ${cell(note(p))} |`);
    }
    const notNeeded = run.processes.filter(p => p.outcome === 'not-needed');
    if (notNeeded.length > 0 && handled.length > 0)
        out.push('', `Not needed by this run: ${notNeeded.map(p => `<code>${cell(p.name)}</code>`).join(', ')}`);
    for (const p of run.processes) {
        if (p.outcome !== 'failed')
            continue;
        const tail = (p.outputTail ?? []).map(l => l.length > SUMMARY_LINE_CHARS ? `${l.slice(0, SUMMARY_LINE_CHARS)}…` : l);
        out.push('', `<details><summary><code>${cell(p.name)}</code> failed: ${cell(p.message ?? '')}</summary>`, '', `<pre>${preText(tail.length > 0 ? tail.join('\n') : '(no output)')}</pre>`, '', '</details>');
    }
    const warnings = run.processes.flatMap(p => p.cacheWarnings.map(w => `- <code>${cell(p.name)}</code>: ${cell(w)}`));
    if (warnings.length > 0)
        out.push('', 'Cache warnings (they cost time, they fail nothing):', '', ...warnings);
    return `${out.join('\n')}\n`;
}

// The action's composition root: the only place that reads inputs and the environment, builds the
// adapters and reports failure to the runner. What it does is in src/commands/, shared with the CLI.
usePositionParser(loadYamlPackage);
/** The remote actions/checkout makes: missing commits and tags are fetched from it. */
const REMOTE = 'origin';
/** The marker a comment body written by a plan run starts with (the sticky comment's identity). */
const MARKER_LINE = /^<!-- imagegraph-plan:[^\n]* -->$/;
async function run() {
    const env = process.env;
    try {
        const inputs = getInputs();
        if (inputs.token)
            setSecret(inputs.token);
        if (inputs['registry-password'])
            setSecret(inputs['registry-password']);
        // First of all: a malformed payload is one clear line, not a stack trace from a library.
        const event = readEvent(env);
        if (isDebug())
            debug(`event ${event.eventName}: ${JSON.stringify(event.payload)}`);
        if (inputs.mode === 'comment') {
            const body = inputs['comment-body'];
            const marker = body.split('\n', 1)[0];
            if (!MARKER_LINE.test(marker))
                throw new UserError("Input 'comment-body' must be the output comment-body of a plan run (it starts with the plan's marker line)");
            await postComment(inputs, event, marker, () => body);
            return;
        }
        if (inputs.mode === 'report') {
            await reportMode(env, inputs);
            return;
        }
        if (inputs.mode === 'retag') {
            await retagMode(env, inputs, event);
            return;
        }
        await planMode(env, inputs, event);
    }
    catch (e) {
        if (e instanceof UserError)
            setFailed(e.message);
        else
            setFailed(`imagegraph: internal error: ${e.stack ?? String(e)}`);
    }
}
async function planMode(env, inputs, event) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const workingDirectory = path$1.resolve(workspace, inputs['working-directory']);
    // The graph input is relative to working-directory, which may lie anywhere in the repository.
    const location = await locateGraph({
        dir: workingDirectory,
        dirLabel: "input 'working-directory'",
        graph: inputs.graph,
        graphFrom: workingDirectory,
        graphLabel: "input 'graph'"
    });
    const { repo, graphFile } = location;
    info(`Graph file ${graphFile} in ${repo}`);
    const resolved = await group('Resolve base', async () => {
        const strategy = chooseBase({
            eventName: event.eventName,
            payload: event.payload,
            sha: env.GITHUB_SHA ?? 'HEAD',
            ref: env.GITHUB_REF ?? '',
            ...(inputs.base ? { inputBase: inputs.base } : {}),
            ...(inputs.head ? { inputHead: inputs.head } : {}),
            ...(event.missingBecause ? { payloadMissing: event.missingBecause } : {})
        });
        debug(`base strategy: ${JSON.stringify(strategy)}`);
        return resolveBase(location.git, strategy, {
            remote: REMOTE,
            ...(inputs['tag-pattern'] ? { tagPattern: inputs['tag-pattern'] } : {}),
            debug: message => debug(message)
        });
    });
    const reason = baseReason(resolved);
    if (resolved.kind === 'range')
        info(`Base ${shortId(resolved.base)}, head ${shortId(resolved.head)}: ${reason}`);
    else
        info(`No base, head ${shortId(resolved.head)}: ${reason}`);
    if (resolved.kind === 'base-unavailable')
        warning(`Every node is treated as affected because the base is unavailable: ${resolved.missing} (${resolved.why})`);
    const untrusted = untrustedBecause(event.eventName, event.payload);
    if (untrusted)
        info(`Untrusted event (${untrusted}): nothing will be pushed and no cache written.`);
    const plan = await group('Plan', async () => {
        const planned = await planLocatedGraph(location, resolved);
        for (const warning$1 of planned.warnings)
            warning(formatProblem(warning$1));
        return planned;
    });
    const json = planToJson(plan, formatProblem);
    const matrix = matrixOf(json, inputs['matrix-max-jobs']);
    // Input images (a matrix leg's share): a misspelt name fails here, before anything is built.
    if (inputs.images.length > 0)
        info(`Images asked for: ${selectImages(inputs.images, plan.graph, "input 'images'").join(', ')}`);
    // With a registry, the waves hold what a build run will build: affected images whose keys are
    // missing, and (rebuild-missing) unaffected ones whose keys are missing; not the reused ones.
    const toBuild = inputs.mode === 'plan' ? await plannedBuilds(env, inputs, event, location, plan) : undefined;
    const waves = wavesOf({ build: toBuild ?? json.affectedImages, upstream: upstreamImages(plan.graph) }, { maxJobs: inputs['matrix-max-jobs'] });
    info(`${json.affectedImages.length} of ${Object.keys(json.images).length} images affected: ${json.affectedImages.join(', ') || 'none'}`);
    setOutput('plan', planOutput(json));
    // The whole plan, however large: the `plan` output is cut to fit GitHub's output size limit.
    setOutput('plan-file', jsonFile(env, 'plan', json));
    setOutput('affected-images', JSON.stringify(json.affectedImages));
    setOutput('matrix', JSON.stringify(matrix));
    setOutput('waves', wavesOutput(waves));
    setOutput('wave-count', String(waves.length));
    setOutput('has-affected', json.affectedImages.length > 0 ? 'true' : 'false');
    setOutput('changed-configs', JSON.stringify(json.changedConfigs));
    setOutput('affected-processes', JSON.stringify(json.affectedProcesses));
    setOutput('base', resolved.kind === 'range' ? resolved.base : '');
    setOutput('head', resolved.head);
    setOutput('base-reason', reason);
    setOutput('trusted', untrusted ? 'false' : 'true');
    const context = { baseWhy: reason };
    if (inputs.mode !== 'build') {
        if (env.GITHUB_STEP_SUMMARY)
            await summary.addRaw(summaryMarkdown(plan, context)).write();
        const comment = () => summaryMarkdown(plan, context, COMMENT_BUDGET);
        // For a later job that alone may write to pull requests (mode: comment).
        setOutput('comment-body', comment());
        if (inputs.comment)
            await postComment(inputs, event, commentMarker(plan.graphFile), comment);
        return;
    }
    const job = await buildMode(env, inputs, event, location, plan, resolved.head, untrusted);
    // The plan, then what the run did: the summary, and the same tables in the PR comment.
    const imagesSection = imagesMarkdown(job.images);
    const runSections = `${processesMarkdown(job.processes)}\n${imagesSection}`;
    if (env.GITHUB_STEP_SUMMARY)
        await summary.addRaw(`${summaryMarkdown(plan, context)}\n${runSections}`).write();
    const commentImages = imagesMarkdown(job.images, COMMENT_BUDGET / 2);
    const comment = () => `${summaryMarkdown(plan, context, COMMENT_BUDGET - commentImages.length - 2)}\n${commentImages}`;
    setOutput('comment-body', comment());
    if (inputs.comment)
        await postComment(inputs, event, commentMarker(plan.graphFile), comment);
    const failedProcesses = processesFailed(job.processes);
    const failedImages = imagesFailed(job.images);
    // Last, after the summary and the comment: each fails when even its shortest form does not fit.
    const unfit = [
        outputOrError(() => setOutput('digests', digestsOutput(job.images.digests))),
        outputOrError(() => setOutput('results', resultsOutput(imagesToJson(job.images))))
    ].filter(m => m !== undefined);
    const failures = [
        ...(failedProcesses.length > 0
            ? [
                `${counted(failedProcesses.length, 'process', 'processes')} failed: ${failedProcesses.join(', ')}`
            ]
            : []),
        ...(failedImages.length > 0
            ? [`${counted(failedImages.length, 'image')} failed: ${failedImages.join(', ')}`]
            : []),
        ...unfit
    ];
    if (failures.length > 0)
        throw new UserError(failures.join('; '));
}
/** Runs set; a user error it throws (an output that does not fit) is returned as its message. */
function outputOrError(set) {
    try {
        set();
        return undefined;
    }
    catch (e) {
        if (e instanceof UserError)
            return e.message;
        throw e;
    }
}
/** The images a build would build, by the registry's answers; undefined without a registry. */
async function plannedBuilds(env, inputs, event, location, plan) {
    if (!inputs.registry && !plan.graph.registry)
        return undefined;
    const [{ imagesToBuildFor }, registry] = await Promise.all([
        import('./index-run.js'),
        actionRegistry(inputs, env)
    ]);
    try {
        const toBuild = await imagesToBuildFor({
            plan,
            root: path$1.join(location.repo, path$1.dirname(location.graphFile)),
            names: runNames(env, inputs, event, plan.head),
            ...(inputs.registry ? { registry: inputs.registry } : {}),
            labels: { tags: "input 'tags'", registry: "input 'registry'", images: "input 'images'" },
            rebuildMissing: inputs['rebuild-missing']
        }, { registry, reporter: actionReporter() });
        if (toBuild)
            info(`To build (the registry lacks their keys): ${toBuild.join(', ') || 'none'}`);
        return toBuild;
    }
    catch (e) {
        // The plan stands without it: a build step reports a bad template or a registry problem itself.
        warning(`Could not ask the registry which content keys it holds (${e.message}): the waves hold the affected images; legs still build any base whose key is missing`);
        return undefined;
    }
}
function actionReporter() {
    return {
        info: message => info(message),
        warning: message => warning(message),
        debug: message => debug(message),
        group: (name, lines) => {
            startGroup(name);
            for (const line of lines)
                info(line);
            endGroup();
        },
        mask: value => setSecret(value)
    };
}
/** How the registry is reached, from the inputs: plain HTTP, its CA, the credentials. */
function registryConnection(inputs, env) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    return {
        ...(inputs['registry-insecure'] ? { insecure: true } : {}),
        ...(inputs['registry-username'] ? { username: inputs['registry-username'] } : {}),
        ...(inputs['registry-password'] ? { password: inputs['registry-password'] } : {}),
        ...(inputs['registry-ca-file']
            ? { caFile: path$1.resolve(workspace, inputs['registry-ca-file']) }
            : {})
    };
}
/** The registry client for a host, with the inputs' connection; secrets it learns are masked. */
async function actionRegistry(inputs, env) {
    const { openRegistry } = await import('./index-registry.js');
    return host => openRegistry({
        host,
        ...registryConnection(inputs, env),
        env,
        debug: message => debug(message),
        mask: value => setSecret(value)
    });
}
/** What names this run for tag templates and labels. */
function runNames(env, inputs, event, commit) {
    return runNamesOfEvent({
        eventName: event.eventName,
        payload: event.payload,
        ref: env.GITHUB_REF ?? '',
        commit,
        ...(inputs.version ? { version: inputs.version } : {})
    });
}
/**
 * `mode: build`: the processes the builds need, then the images: built, pushed, reused, tagged.
 * Untrusted events never push and never write a cache, whatever the inputs say.
 */
async function buildMode(env, inputs, event, location, plan, head, untrusted) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const chosen = chooseCacheSpec(inputs.cache, "input 'cache'", env, 'action', process.platform);
    const saveCache = inputs['save-cache'] === 'never' ? false : untrusted === undefined;
    if (untrusted && inputs['save-cache'] === 'always')
        warning(`save-cache: always is ignored on an untrusted event (${untrusted}): no cache is written`);
    info(`Cache: ${formatCacheSpec(chosen.spec)} (${chosen.reason}); ${saveCache ? 'saving' : 'not saving'}`);
    const pushing = pushDecision(inputs.push, event.eventName, untrusted);
    info(`Push: ${pushing.push ? 'yes' : 'no'} (${pushing.why})`);
    if (untrusted && inputs.push !== 'false')
        warning(`push is ignored on an untrusted event (${untrusted}): nothing is pushed`);
    const reporter = actionReporter();
    const layerCache = layerCacheOf(inputs['layer-cache'], env, untrusted === undefined && pushing.push);
    const [{ runJob }, { createCache }, { BashProcessRunner }, { lazyBuilder }, registry] = await Promise.all([
        import('./index-run.js'),
        import('./index-factory.js'),
        import('./index-process-runner.js'),
        import('./index-detect.js'),
        actionRegistry(inputs, env)
    ]);
    const job = await runJob({
        plan,
        repository: location.repo,
        root: path$1.join(location.repo, path$1.dirname(location.graphFile)),
        names: runNames(env, inputs, event, head),
        ...(inputs.registry ? { registry: inputs.registry } : {}),
        ...(inputs.tags.length > 0 ? { tags: inputs.tags } : {}),
        labels: { tags: "input 'tags'", registry: "input 'registry'", images: "input 'images'" },
        push: pushing.push,
        rebuildMissing: inputs['rebuild-missing'],
        retagUnaffected: inputs['retag-unaffected'],
        ...(inputs.images.length > 0 ? { images: inputs.images } : {}),
        ...(inputs.parallel !== undefined ? { parallel: inputs.parallel } : {}),
        saveCache,
        callerEnv: env,
        created: new Date().toISOString(),
        ...(env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
            ? { source: `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` }
            : {}),
        connection: registryConnection(inputs, env),
        ...(layerCache ? { layerCache } : {})
    }, {
        cache: createCache(chosen.spec, {
            cwd: workspace,
            actions: { log: message => debug(message), mask: value => setSecret(value) }
        }),
        runner: new BashProcessRunner(),
        reporter,
        builder: lazyBuilder(inputs.builder),
        registry,
        git: location.git
    });
    setOutput('processes', JSON.stringify(processesToJson(job.processes)));
    const results = imagesToJson(job.images);
    setOutput('results-file', jsonFile(env, 'results', results));
    return job;
}
/**
 * The builder's layer cache: `auto` is the Actions cache for buildx where the runner has the cache
 * service (one scope per image and platforms); `none`; or a registry reference for cached layers.
 * Written only on trusted runs that push; read always.
 */
function layerCacheOf(setting, env, write) {
    if (setting === 'none')
        return undefined;
    if (setting === 'auto')
        return env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL ? { gha: true, write } : undefined;
    return { registryRef: setting, write };
}
/**
 * `mode: retag`: a release or a rollback with no build: every image's tags to its content at
 * `rev`, or one image's from `from`. Never on an untrusted event: it moves what ships.
 */
async function retagMode(env, inputs, event) {
    const untrusted = untrustedBecause(event.eventName, event.payload);
    if (untrusted)
        throw new UserError(`mode 'retag' never runs on an untrusted event (${untrusted}): nothing was retagged; run it from workflow_dispatch or a push`);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const workingDirectory = path$1.resolve(workspace, inputs['working-directory']);
    const location = await locateGraph({
        dir: workingDirectory,
        dirLabel: "input 'working-directory'",
        graph: inputs.graph,
        graphFrom: workingDirectory,
        graphLabel: "input 'graph'"
    });
    const [{ retagAtRevision, retagImage }, registry] = await Promise.all([
        import('./index-retag.js'),
        actionRegistry(inputs, env)
    ]);
    const wiring = { git: location.git, registry };
    const common = {
        graphFile: location.graphFile,
        ...(inputs.registry ? { registry: inputs.registry } : {}),
        labels: {
            registry: "input 'registry'",
            rev: "input 'rev'",
            fetchHint: 'check the repository out with its history (actions/checkout with fetch-depth: 0), or fetch the tag before this step'
        }
    };
    const result = await group('Retag', () => inputs.rev
        ? retagAtRevision({
            ...common,
            rev: inputs.rev,
            tags: inputs.tags,
            ...(inputs.images.length > 0 ? { images: inputs.images } : {}),
            partial: inputs.partial
        }, wiring)
        : retagImage({ ...common, image: inputs.images[0], from: inputs.from, to: inputs.tags }, wiring));
    info(retagText(result));
    const missing = result.images.filter(i => i.status === 'missing');
    if (missing.length > 0)
        warning(`Partial retag: ${counted(missing.length, 'image')} not retagged: ${missing.map(missingWords).join('; ')}`);
    const json = retagToJson(result);
    // All of it, however large: the output is cut to fit GitHub's limit on very large retags.
    setOutput('results-file', jsonFile(env, 'results', json));
    if (env.GITHUB_STEP_SUMMARY)
        await summary.addRaw(retagMarkdown(result)).write();
    setOutput('digests', digestsOutput(retagDigests(result)));
    setOutput('results', retagResultsOutput(json));
}
/** `mode: report`: the matrix legs' results files merged into one output and one table. */
async function reportMode(env, inputs) {
    const dir = path$1.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs['results-dir']);
    const planComment = inputs['comment-body'];
    if (planComment.trim() !== '' && !MARKER_LINE.test(planComment.split('\n', 1)[0]))
        throw new UserError("Input 'comment-body' must be the output comment-body of a plan run (it starts with the plan's marker line)");
    const report = await reportLegs({ resultsDir: dir, planComment });
    if (report.missingDir)
        warning(`No results directory ${dir}: no leg uploaded results (nothing was built?)`);
    info(`${Object.keys(report.results).length} image results from ${report.files.length} files: ${report.files.join(', ') || 'none'}`);
    // All of it, however large: the output is cut to fit GitHub's limit on very large runs.
    setOutput('results-file', jsonFile(env, 'results', report.results));
    if (report.comment !== undefined)
        setOutput('comment-body', report.comment);
    if (env.GITHUB_STEP_SUMMARY)
        await summary.addRaw(report.summary).write();
    setOutput('results', resultsOutput(report.results));
}
/** A JSON file under RUNNER_TEMP holding all of a value its output may cut to fit; its path. */
function jsonFile(env, name, value) {
    const file = path$1.join(env.RUNNER_TEMP ?? os$1.tmpdir(), 'imagegraph', `${name}-${process.pid}.json`);
    mkdirSync(path$1.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(value));
    return file;
}
/** The sticky comment on the event's pull request; a failure to write it is a warning. */
async function postComment(inputs, event, marker, body) {
    const pr = pullRequestOf(event.eventName, event.payload);
    if (!pr) {
        info(`comment: the ${event.eventName} event is not about a pull request; no comment`);
        return;
    }
    if (!inputs.token) {
        warning('comment: no token; set input token to comment on the pull request');
        return;
    }
    try {
        const api = await OctokitGitHub.create(inputs.token);
        const did = await api.upsertComment(pr, marker, body());
        info(`comment: ${did} the plan comment on #${pr.number}`);
    }
    catch (e) {
        const status = httpStatus(e);
        const hint = status === 403 || status === 404
            ? ': the token cannot write here, as on a pull request from a fork'
            : '';
        warning(`comment: could not write the plan comment on #${pr.number} (${status ?? ''} ${e.message})${hint}. The job summary has the plan.`);
    }
}

var main = /*#__PURE__*/Object.freeze({
    __proto__: null,
    run: run
});

export { warning as A, info as B, isDebug as C, setSecret as D, rmRF as E, error as F, byPath as G, planRepository as H, didYouMean as I, checkTargetTags as J, KEY_SCHEMA as K, LABELS as L, retagRegistry as M, repositoryUnder as N, unusableWords as O, keyOfContentTag as P, MissingImagesError as Q, main as R, SpawnError as S, UserError as U, imageJobs as a, blockedImages as b, contentTag as c, assertRepository as d, exec as e, formatDuration as f, assertManifestReference as g, isDigest as h, inputsOf as i, digestProblem as j, assertTag as k, debug as l, requireParse$1 as m, requireSemver as n, requireCompare as o, requireCompareBuild as p, requireRe as q, registryProblem as r, selectImages as s, requireConstants$1 as t, requireDebug as u, requireParseOptions as v, requireIdentifiers as w, mkdirP as x, exec$1 as y, which as z };
