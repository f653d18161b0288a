// Every git call imagegraph makes, behind one interface. Arguments are arrays, output is -z, and a
// plan costs a handful of git processes whatever the size of the repository.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { ChangeStatus, ChangedFile, TrackedFile } from '../core/changes.js'
import { UserError } from '../core/errors.js'
import { decodeGraphText, decodePaths } from '../core/utf8.js'
import { Session, exec } from './exec.js'
import type { Git, GitAncestry, GitObject } from './ports.js'

export interface GitResult {
  stdout: string
  stderr: string
  code: number
}

interface RawResult {
  stdout: Buffer
  stderr: string
  code: number
}

/** Runs git with an argument array (never a shell); stdout to a pipe, or to a file descriptor. */
async function spawnGit(
  cwd: string,
  args: string[],
  io: { input?: string; stdoutFd?: number } = {}
): Promise<RawResult> {
  let r
  try {
    r = await exec('git', args, {
      cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      ...(io.input === undefined ? {} : { input: io.input }),
      ...(io.stdoutFd === undefined ? {} : { stdoutFd: io.stdoutFd })
    })
  } catch (e) {
    throw new Error((e as Error).message)
  }
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), code: r.code ?? 1 }
}

export async function runGit(cwd: string, args: string[], input?: string): Promise<GitResult> {
  const r = await spawnGit(cwd, args, input === undefined ? {} : { input })
  // Paths are bytes: decodePaths keeps every one (valid UTF-8, the usual case, decodes as is).
  return { ...r, stdout: decodePaths(r.stdout) }
}

/**
 * Like runGit for large output, written to a temporary file rather than a pipe: git then runs at
 * full speed while this process is busy (a pipe fills at 64 KiB and stalls git until we read it).
 */
export async function runGitToFile(cwd: string, args: string[]): Promise<GitResult> {
  const r = await gitToFile(cwd, args)
  return { stderr: r.stderr, code: r.code, stdout: decodePaths(r.bytes) }
}

/** git with its output in a temporary file (runGitToFile), as bytes; input on its stdin. */
async function gitToFile(
  cwd: string,
  args: string[],
  input?: string
): Promise<{ bytes: Buffer; stderr: string; code: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'imagegraph-git-'))
  const file = path.join(dir, 'out')
  const fd = openSync(file, 'w')
  try {
    const r = await spawnGit(cwd, args, { stdoutFd: fd, ...(input === undefined ? {} : { input }) })
    return { bytes: readFileSync(file), stderr: r.stderr, code: r.code }
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
  X: 'unknown'
}

/** Parse `git diff --raw -z` output: `:old new oldoid newoid STATUS\0path\0[path2\0]`. */
export function parseRawDiff(text: string): ChangedFile[] {
  const parts = text.split('\0')
  const out: ChangedFile[] = []
  for (let i = 0; i < parts.length; i++) {
    const meta = parts[i]
    if (!meta.startsWith(':')) continue
    const [oldMode, newMode, , , statusField] = meta.slice(1).split(' ')
    const letter = statusField?.[0] ?? 'X'
    const status = STATUS[letter] ?? 'unknown'
    const link = oldMode === '120000' || newMode === '120000' ? { symlink: true as const } : {}
    if (letter === 'R' || letter === 'C') {
      out.push({ path: parts[i + 2], status, oldPath: parts[i + 1], ...link })
      i += 2
    } else {
      const submodule = letter === 'M' && oldMode === '160000' && newMode === '160000'
      out.push({ path: parts[i + 1], status: submodule ? 'submodule' : status, ...link })
      i += 1
    }
  }
  return out
}

/**
 * What a content key hashes per file: `<mode> <object id>\t<path>`. `git ls-files` prints exactly
 * this with --format (git 2.38 and later), so each line is a slice of its output; from `git
 * ls-tree` and older git the line is put together from the default output.
 */
export const KEY_LINE_FORMAT = '--format=%(objectmode) %(objectname)%x09%(path)'

/**
 * Parse a `-z` listing: `key-line` (`mode oid\tpath`, from KEY_LINE_FORMAT), `ls-tree`
 * (`mode type oid\tpath`) or `ls-files` (`mode oid stage\tpath`).
 */
export function parseTreeListing(
  text: string,
  format: 'key-line' | 'ls-tree' | 'ls-files'
): TrackedFile[] {
  const out: TrackedFile[] = []
  let start = 0
  const n = text.length
  while (start < n) {
    let end = text.indexOf('\0', start)
    if (end === -1) end = n
    const tab = text.indexOf('\t', start)
    const path = text.slice(tab + 1, end)
    if (format === 'key-line') {
      out.push({ path, line: text.slice(start, end) })
    } else {
      const space1 = text.indexOf(' ', start)
      const mode = text.slice(start, space1)
      const space2 = text.indexOf(' ', space1 + 1)
      const oid =
        format === 'ls-tree' ? text.slice(space2 + 1, tab) : text.slice(space1 + 1, space2)
      out.push({ path, line: `${mode} ${oid}\t${path}` })
    }
    start = end + 1
  }
  return out
}

/**
 * `git cat-file --batch` kept running for the life of a plan: a plan walks trees level by level,
 * and each level's objects are one request to the same process instead of one process each.
 */
class ObjectStore {
  private session?: Session
  private closer?: NodeJS.Timeout
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Bytes the object being read needs before it is whole (0: unknown yet). */
  private need = 0
  /**
   * `--batch-command --buffer` (git 2.36 and later): each request is flushed once, not object by
   * object (2,000 small trees otherwise cost 2,000 turns of the event loop). Older git: `--batch`.
   */
  private command = true
  private readonly queue: Array<{
    names: string[]
    count: number
    results: Array<GitObject | null>
    resolve: (objects: Array<GitObject | null>) => void
    reject: (e: Error) => void
  }> = []

  constructor(private readonly dir: string) {}

  read(names: string[]): Promise<Array<GitObject | null>> {
    if (names.length === 0) return Promise.resolve([])
    if (this.closer) clearTimeout(this.closer)
    if (this.session?.ended) this.session = undefined
    const session = (this.session ??= this.start())
    return new Promise((resolve, reject) => {
      this.queue.push({ names, count: names.length, results: [], resolve, reject })
      session.write(this.request(names))
    })
  }

  private request(names: string[]): string {
    return this.command
      ? `${names.map(n => `contents ${n}\n`).join('')}flush\n`
      : names.map(n => `${n}\n`).join('')
  }

  private start(): Session {
    const session = new Session(
      'git',
      this.command ? ['cat-file', '--batch-command', '--buffer'] : ['cat-file', '--batch'],
      { cwd: this.dir, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      chunk => {
        this.pending.push(chunk)
        this.pendingBytes += chunk.length
        // A large object comes in many chunks: joined once it is all there, not at every chunk.
        if (this.pendingBytes >= this.need) this.parse()
      }
    )
    session.onEnd = error => {
      if (this.session !== session) return
      this.session = undefined
      if (this.command && /batch-command|usage:/.test(error.message)) {
        // An older git: the same requests, one object at a time.
        this.command = false
        this.pending = []
        this.pendingBytes = 0
        this.need = 0
        if (this.queue.length === 0) return
        const again = (this.session = this.start())
        for (const waiting of this.queue) {
          waiting.results = []
          again.write(this.request(waiting.names))
        }
        return
      }
      for (const waiting of this.queue.splice(0)) waiting.reject(error)
    }
    return session
  }

  /** An idle git process is let go after a while (a long job plans once, then builds). */
  private closeWhenIdle(): void {
    const session = this.session
    this.closer = setTimeout(() => {
      if (this.session === session && this.queue.length === 0) {
        this.session = undefined
        session?.close()
      }
    }, 2000)
    this.closer.unref()
  }

  /** Answers every request whose objects have all arrived. */
  private parse(): void {
    let buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending)
    let at = 0
    while (this.queue.length > 0) {
      const head = this.queue[0]
      if (head.results.length === head.count) {
        this.queue.shift()
        this.session!.answered()
        head.resolve(head.results)
        if (this.queue.length === 0) this.closeWhenIdle()
        continue
      }
      this.need = 0
      const got = batchEntry(buf, at)
      if (got === undefined) break
      if ('need' in got) {
        this.need = got.need
        break
      }
      head.results.push(got.object)
      at = got.next
    }
    buf = buf.subarray(at)
    this.pending = buf.length > 0 ? [buf] : []
    this.pendingBytes = buf.length
  }
}

/**
 * One answer of `git cat-file --batch` at `at` in its output: the object (null for `<name>
 * missing`, `ambiguous`: not there) and where the next answer starts; the bytes it needs from `at`
 * when only part of it is there; undefined before its header line is whole.
 */
function batchEntry(
  buf: Buffer,
  at: number
): { object: GitObject | null; next: number } | { need: number } | undefined {
  const eol = buf.indexOf(10, at)
  if (eol === -1) return undefined
  const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(buf.toString('latin1', at, eol))
  if (!m) return { object: null, next: eol + 1 }
  const end = eol + 1 + Number(m[3])
  if (end + 1 > buf.length) return { need: end + 1 - at }
  return { object: { oid: m[1], type: m[2], data: buf.subarray(eol + 1, end) }, next: end + 1 }
}

/** Whether git refused an option it does not know (an older git). */
const unknownOption = (r: GitResult) => r.code === 129 || /unknown option|usage:/i.test(r.stderr)

function checkRev(rev: string): void {
  if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) {
    throw new UserError(`'${rev}' is not a git revision`)
  }
}

/** The git command line on one repository. */
export class GitCommandLine implements Git, GitAncestry {
  private readonly store: ObjectStore

  constructor(readonly dir: string) {
    this.store = new ObjectStore(dir)
  }

  private async git(args: string[], what: string): Promise<string> {
    const r = await runGit(this.dir, args)
    if (r.code !== 0) throw new Error(`git ${what} failed in ${this.dir}: ${r.stderr.trim()}`)
    return r.stdout
  }

  /** The repository's top directory, or a user error when dir is not in one. */
  static async toplevel(dir: string): Promise<string> {
    const r = await runGit(dir, ['rev-parse', '--show-toplevel'])
    if (r.code !== 0)
      throw new UserError(`${dir} is not in a git repository (${r.stderr.trim().split('\n')[0]})`)
    return r.stdout.trim()
  }

  /** The full commit id of a revision; an unknown revision is the user's error. */
  async resolveCommit(rev: string): Promise<string> {
    checkRev(rev)
    const r = await runGit(this.dir, [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${rev}^{commit}`
    ])
    if (r.code !== 0)
      throw new UserError(`unknown revision '${rev}' in ${this.dir}${await this.shallowHint()}`)
    return r.stdout.trim()
  }

  /** When the history is shallow, what to do about a revision it may not reach; else ''. */
  async shallowHint(): Promise<string> {
    const r = await runGit(this.dir, ['rev-parse', '--is-shallow-repository'])
    if (r.stdout.trim() !== 'true') return ''
    return `; the clone is shallow, so its history may not reach it: fetch more (git fetch --deepen=N, or --unshallow; with actions/checkout, fetch-depth: 0) or name the base by its commit sha`
  }

  /** Full commit ids for several revisions in one git call; an unknown one is the user's error. */
  async resolveCommits(revs: string[]): Promise<string[]> {
    revs.forEach(checkRev)
    // No --end-of-options: git before 2.43 prints it back. checkRev keeps options out.
    const r = await runGit(this.dir, ['rev-parse', ...revs.map(rev => `${rev}^{commit}`)])
    const shas = r.stdout.split('\n').filter(Boolean)
    if (r.code === 0 && shas.length === revs.length) return shas
    // One by one, in order, for a message that names the (first) revision at fault.
    const resolved: string[] = []
    for (const rev of revs) resolved.push(await this.resolveCommit(rev))
    return resolved
  }

  /**
   * Whether the index holds exactly the files of commit (a clean checkout of it, as on CI). Git
   * answers from the index's cache-tree without reading a tree when it is so.
   */
  async indexMatches(commit: string): Promise<boolean> {
    checkRev(commit)
    const r = await runGit(this.dir, [
      'diff-index',
      '--cached',
      '--quiet',
      '--ignore-submodules=none',
      '--no-ext-diff',
      commit,
      '--'
    ])
    return r.code === 0
  }

  /**
   * Starts `git ls-files` now, for the tracked files of a commit asked for later: from the index
   * when it holds exactly that commit's files, else from `git ls-tree -r` (which reads every tree
   * object: 2-3x slower on 100,000 files). Git lists while this process does other work.
   */
  listTrackedFiles(): { at(commit: string): Promise<TrackedFile[]> } {
    const listing = runGitToFile(this.dir, ['ls-files', '-z', KEY_LINE_FORMAT])
    listing.catch(() => undefined)
    return {
      at: async commit => {
        if (await this.indexMatches(commit)) {
          const r = await listing
          if (r.code === 0) return parseTreeListing(r.stdout, 'key-line')
          if (unknownOption(r)) {
            const plain = await runGitToFile(this.dir, ['ls-files', '-s', '-z'])
            if (plain.code === 0) return parseTreeListing(plain.stdout, 'ls-files')
          }
        }
        return this.trackedFiles(commit)
      }
    }
  }

  /**
   * Several graph files' text at commits in one git call: null for each one that is not there, a
   * located GraphError for one that is not UTF-8.
   */
  async filesAt(wanted: Array<{ rev: string; path: string }>): Promise<Array<string | null>> {
    const bytes = await this.fileBytesAt(wanted)
    return bytes.map((b, i) => (b === null ? null : decodeGraphText(b, wanted[i].path)))
  }

  /** Several files' bytes at commits in one git call: null for each one that is not there. */
  async fileBytesAt(wanted: Array<{ rev: string; path: string }>): Promise<Array<Buffer | null>> {
    if (wanted.length === 0) return []
    if (wanted.some(w => /[\n\0]/.test(w.path) || /[\n\0]/.test(w.rev) || w.rev.startsWith('-')))
      return Promise.all(wanted.map(w => this.fileBytes(w.rev, w.path)))
    const objects = await this.store.read(wanted.map(w => `${w.rev}:${w.path}`))
    return objects.map(o => (o?.type === 'blob' ? o.data : null))
  }

  /** Blobs' text by object id, in one git call: null for each one that is not there. */
  async blobs(oids: string[]): Promise<Array<string | null>> {
    if (oids.length === 0) return []
    if (oids.some(oid => !/^[0-9a-f]{40,64}$/.test(oid))) throw new Error('not an object id')
    // Symlink targets are paths: decoded without loss, like every path git gives.
    const objects = await this.store.read(oids)
    return objects.map(o => (o?.type === 'blob' ? decodePaths(o.data) : null))
  }

  /** Objects by name (ids, `<commit>^{tree}`) in one git call: null for each one not there. */
  async objects(names: string[]): Promise<Array<GitObject | null>> {
    if (names.length === 0) return []
    if (names.some(n => /[\n\0]/.test(n) || n.startsWith('-')))
      throw new Error('not an object name')
    return this.store.read(names)
  }

  /**
   * Objects by id read by a `git cat-file --batch` of their own whose output goes to a file: git
   * reads them at full speed while this process is busy (through a pipe it would stop at 64 KiB
   * until this process read), and the reads of the plan's own reader do not wait behind them.
   */
  async objectsAside(names: string[]): Promise<Array<GitObject | null>> {
    if (names.length === 0) return []
    if (names.some(n => /[\n\0]/.test(n) || n.startsWith('-')))
      throw new Error('not an object name')
    const r = await gitToFile(this.dir, ['cat-file', '--batch'], `${names.join('\n')}\n`)
    if (r.code !== 0)
      throw new Error(`git cat-file --batch failed in ${this.dir}: ${r.stderr.trim()}`)
    const out: Array<GitObject | null> = []
    for (let at = 0; out.length < names.length;) {
      const got = batchEntry(r.bytes, at)
      if (got === undefined || 'need' in got)
        throw new Error(
          `git cat-file --batch in ${this.dir} ended after ${out.length} of ${names.length} objects`
        )
      out.push(got.object)
      at = got.next
    }
    return out
  }

  /** A commit's files under some directories ('' for all), with their object ids. */
  async filesUnder(commit: string, dirs: string[]): Promise<TrackedFile[]> {
    if (dirs.length === 0) return []
    if (dirs.includes('')) return this.trackedFiles(commit)
    checkRev(commit)
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
    ])
    if (r.code !== 0) throw new Error(`git ls-tree failed in ${this.dir}: ${r.stderr.trim()}`)
    return parseTreeListing(r.stdout, 'ls-tree')
  }

  /** Whether a commit object is present locally (a shallow clone may lack it). */
  async hasCommit(sha: string): Promise<boolean> {
    const r = await runGit(this.dir, ['cat-file', '-e', `${sha}^{commit}`])
    return r.code === 0
  }

  /** Files that differ between two commits, as trees; renames count at both ends. */
  async changedFiles(base: string, head: string): Promise<ChangedFile[]> {
    const out = await this.git(
      [
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
      ],
      'diff'
    )
    return parseRawDiff(out)
  }

  /** Every tracked file of a commit with its object id: one call, no file is read. */
  async trackedFiles(rev: string): Promise<TrackedFile[]> {
    // Not --format: git before 2.40 quotes paths in ls-tree's --format output even with -z.
    const r = await runGitToFile(this.dir, ['ls-tree', '-r', '-z', '--full-tree', rev])
    if (r.code !== 0) throw new Error(`git ls-tree failed in ${this.dir}: ${r.stderr.trim()}`)
    return parseTreeListing(r.stdout, 'ls-tree')
  }

  /** Files in the index plus untracked, not ignored ones (for validating a work in progress). */
  async workingFiles(): Promise<TrackedFile[]> {
    const [indexed, others] = await Promise.all([
      this.git(['ls-files', '-s', '-z'], 'ls-files'),
      this.git(['ls-files', '-o', '--exclude-standard', '-z'], 'ls-files')
    ])
    const files = parseTreeListing(indexed, 'ls-files')
    for (const path of others.split('\0')) if (path) files.push({ path, mode: '100644', oid: '' }) // untracked: no object yet
    return files
  }

  /** A graph file's text at a commit, or null when the commit has no such file. */
  async fileAt(rev: string, path: string): Promise<string | null> {
    const bytes = await this.fileBytes(rev, path)
    return bytes === null ? null : decodeGraphText(bytes, path)
  }

  /** A file's bytes at a commit, or null when the commit has no such file. */
  async fileBytes(rev: string, path: string): Promise<Buffer | null> {
    const r = await spawnGit(this.dir, ['cat-file', 'blob', `${rev}:${path}`])
    if (r.code === 0) return r.stdout
    // "exists on disk, but not in": git's wording when the working tree has the file and rev lacks it.
    if (
      /does not exist|exists on disk, but not in|not a valid object name|bad file/i.test(r.stderr)
    )
      return null
    throw new Error(`git cat-file ${rev}:${path} failed in ${this.dir}: ${r.stderr.trim()}`)
  }

  /** Fetch from a remote; ok false (not an exception) when the remote cannot give what was asked. */
  async fetch(
    remote: string,
    refspecs: string[],
    options: string[] = []
  ): Promise<{ ok: boolean; error: string }> {
    refspecs.forEach(checkRev)
    const r = await runGit(this.dir, [
      'fetch',
      '--no-tags',
      '--quiet',
      ...options,
      remote,
      ...refspecs
    ])
    return { ok: r.code === 0, error: r.stderr.trim().split('\n').pop() ?? '' }
  }

  async isShallow(): Promise<boolean> {
    return (await this.git(['rev-parse', '--is-shallow-repository'], 'rev-parse')).trim() === 'true'
  }

  /**
   * Whether `ancestor` is `descendant` or one of its ancestors (`git merge-base --is-ancestor`);
   * undefined when either is not a commit in the local history (a shallow clone may lack it).
   */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    for (const rev of [ancestor, descendant])
      if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) return undefined
    const r = await runGit(this.dir, ['merge-base', '--is-ancestor', ancestor, descendant])
    if (r.code === 0) return true
    // 1: not an ancestor; 128 and others: git could not answer (a missing or unknown commit).
    return r.code === 1 ? false : undefined
  }

  /**
   * What a revision as a person typed it names, for tag templates: the branch checked out (HEAD)
   * or named, or the tag named (`refs/tags/v1.2.3`); nothing for a commit id or a detached HEAD.
   */
  async refNamed(rev: string): Promise<{ branch?: string; tagRef?: string }> {
    if (rev === '' || rev.startsWith('-') || /[\0\n]/.test(rev)) return {}
    if (rev === 'HEAD') {
      const r = await runGit(this.dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])
      return r.code === 0 && r.stdout.trim() ? { branch: r.stdout.trim() } : {}
    }
    const exists = async (ref: string) =>
      (await runGit(this.dir, ['show-ref', '--verify', '--quiet', ref])).code === 0
    if (await exists(`refs/heads/${rev}`)) return { branch: rev }
    if (await exists(`refs/tags/${rev}`)) return { tagRef: `refs/tags/${rev}` }
    return {}
  }

  /** The best common ancestor, or null when the local history has none (yet). */
  async mergeBase(a: string, b: string): Promise<string | null> {
    const r = await runGit(this.dir, ['merge-base', a, b])
    return r.code === 0 ? r.stdout.trim() : null
  }

  async hasRemote(name: string): Promise<boolean> {
    return (await runGit(this.dir, ['remote', 'get-url', name])).code === 0
  }

  /** Tags with the commits they point at (annotated tags peeled), from a remote or locally. */
  async tags(remote?: string): Promise<Map<string, string>> {
    const r = remote
      ? await runGit(this.dir, ['ls-remote', '--tags', remote])
      : await runGit(this.dir, [
          'for-each-ref',
          '--format=%(objectname) %(refname)%0a%(*objectname) %(refname)^{}',
          'refs/tags'
        ])
    const tags = new Map<string, string>()
    if (r.code !== 0) return tags
    for (const line of r.stdout.split('\n')) {
      const m = /^([0-9a-f]{40,64})\s+refs\/tags\/(.+?)(\^\{\})?$/.exec(line.trim())
      if (!m) continue
      // A peeled entry (^{}) names the commit of an annotated tag and wins over the tag object.
      if (m[3] || !tags.has(m[2])) tags.set(m[2], m[1])
    }
    return tags
  }
}
