// Real git repositories in temp dirs for tests: fixed author and dates, no signing, no hooks.
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
export const EXAMPLE = path.join(ROOT, 'examples', 'monorepo')

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

const dirs: string[] = []

export function tempDir(prefix = 'imagegraph-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

export function git(cwd: string, ...args: string[]): string {
  return gitWith({}, cwd, ...args)
}

/** git with extra environment on top of the fixed one (another author or date). */
export function gitWith(env: Record<string, string>, cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
}

/** Who commits and when; the defaults are GIT_ENV's. */
export interface CommitAs {
  name?: string
  email?: string
  /** An ISO date, used for both author and committer. */
  date?: string
}

function commitEnv(as: CommitAs): Record<string, string> {
  const env: Record<string, string> = {}
  if (as.name) env.GIT_AUTHOR_NAME = env.GIT_COMMITTER_NAME = as.name
  if (as.email) env.GIT_AUTHOR_EMAIL = env.GIT_COMMITTER_EMAIL = as.email
  if (as.date) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = as.date
  return env
}

export class TestRepo {
  constructor(readonly dir: string) {}

  static init(dir = tempDir(), branch = 'main'): TestRepo {
    mkdirSync(dir, { recursive: true })
    git(dir, 'init', '-q', '-b', branch)
    git(dir, 'config', 'commit.gpgsign', 'false')
    git(dir, 'config', 'core.hooksPath', '/dev/null')
    return new TestRepo(dir)
  }

  /** A repository holding a copy of the bundled example, committed once. */
  static fromExample(dir = tempDir(), as: CommitAs = {}): TestRepo {
    const repo = TestRepo.init(dir)
    cpSync(EXAMPLE, dir, { recursive: true })
    repo.commit('example', as)
    return repo
  }

  /** A bare copy of this repository, to clone from over file:// (filters allowed). */
  bareCopy(dir = tempDir('imagegraph-bare-')): string {
    git(path.dirname(dir), 'clone', '-q', '--bare', '--no-local', this.dir, dir)
    git(dir, 'config', 'uploadpack.allowFilter', 'true')
    return dir
  }

  /** `git clone ARGS file://origin DIR`, e.g. with ['--depth', '1'] or ['--filter=blob:none']. */
  static clone(origin: string, args: string[], dir = tempDir('imagegraph-clone-')): TestRepo {
    git(
      path.dirname(dir),
      '-c',
      'protocol.file.allow=always',
      'clone',
      '-q',
      ...args,
      `file://${origin}`,
      dir
    )
    return new TestRepo(dir)
  }

  write(file: string, content: string): this {
    const full = path.join(this.dir, file)
    mkdirSync(path.dirname(full), { recursive: true })
    writeFileSync(full, content)
    return this
  }

  /** A symbolic link at file pointing to target (a path relative to the link). */
  symlink(file: string, target: string): this {
    const full = path.join(this.dir, file)
    mkdirSync(path.dirname(full), { recursive: true })
    rmSync(full, { force: true })
    symlinkSync(target, full)
    return this
  }

  chmod(file: string, mode: number): this {
    chmodSync(path.join(this.dir, file), mode)
    return this
  }

  remove(file: string): this {
    rmSync(path.join(this.dir, file), { recursive: true, force: true })
    return this
  }

  git(...args: string[]): string {
    return git(this.dir, ...args)
  }

  commit(message: string, as: CommitAs = {}): string {
    this.git('add', '-A')
    gitWith(commitEnv(as), this.dir, 'commit', '-q', '--allow-empty', '-m', message)
    return this.head()
  }

  head(): string {
    return this.git('rev-parse', 'HEAD').trim()
  }
}

/** A repository to add as a submodule: two commits, the first checked out. */
export function submoduleSource(): { lib: TestRepo; first: string; second: string } {
  const lib = TestRepo.init()
  lib.write('lib.txt', 'v1\n')
  const first = lib.commit('lib v1')
  lib.write('lib.txt', 'v2\n')
  const second = lib.commit('lib v2')
  lib.git('checkout', '-q', first)
  return { lib, first, second }
}
