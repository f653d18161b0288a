// The git adapter against real repositories: every change status, awkward paths, shallow and
// blobless clones from a bare file:// origin.
import { existsSync, renameSync } from 'node:fs'
import * as path from 'node:path'
import { GitCommandLine, parseRawDiff, parseTreeListing } from '../src/adapters/git.js'
import { treeLine } from '../src/core/changes.js'
import type { ChangedFile, TrackedFile } from '../src/core/changes.js'
import { UserError } from '../src/core/errors.js'
import { TestRepo, git, removeTempDirs, submoduleSource, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

const byPath = <T extends { path: string }>(list: T[]): T[] =>
  [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))

/** Enough distinct text that rename detection pairs only what was really moved. */
const text = (seed: string) => Array.from({ length: 12 }, (_, i) => `${seed} line ${i}\n`).join('')

const NEWLINE_NAME = 'weird/new\nline.txt'
const TAB_NAME = 'weird/tab\there.txt'

/** Every status git can report between two commits, on paths that need -z. */
function statusRepo() {
  const { lib, first: libFirst, second: libSecond } = submoduleSource()

  const repo = TestRepo.init()
  repo
    .write('keep.txt', text('keep'))
    .write('modify.txt', text('modify'))
    .write('delete.txt', text('delete'))
    .write('rename-src/old name.txt', text('rename'))
    .write('typechange', text('typechange'))
    .write('link-target.txt', text('target'))
    .write('script.sh', '#!/bin/sh\necho hi\n')
    .write('config/app/café.yaml', 'cafe: 1\n')
    .write('目录/文件.txt', '文本 1\n')
    .write('dir with space/file with space.txt', 'space 1\n')
    .write(NEWLINE_NAME, 'newline 1\n')
  repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib.dir, 'sub')
  const base = repo.commit('base')

  repo
    .write('modify.txt', `${text('modify')}one more\n`)
    .remove('delete.txt')
    .write('added file.txt', text('added'))
    .remove('rename-src')
    .write('renamed dir/new name.txt', text('rename'))
    .symlink('typechange', 'link-target.txt')
    .chmod('script.sh', 0o755)
    .write('config/app/café.yaml', 'cafe: 2\n')
    .write('目录/文件.txt', '文本 2\n')
    .write('dir with space/file with space.txt', 'space 2\n')
    .write(NEWLINE_NAME, 'newline 2\n')
    .write(TAB_NAME, 'tab\n')
  git(path.join(repo.dir, 'sub'), 'checkout', '-q', libSecond)
  const head = repo.commit('head')
  return { repo, base, head, libFirst, libSecond }
}

const EXPECTED_CHANGES: ChangedFile[] = byPath<ChangedFile>([
  { path: 'added file.txt', status: 'added' },
  { path: 'config/app/café.yaml', status: 'modified' },
  { path: 'delete.txt', status: 'deleted' },
  { path: 'dir with space/file with space.txt', status: 'modified' },
  { path: 'modify.txt', status: 'modified' },
  { path: 'renamed dir/new name.txt', status: 'renamed', oldPath: 'rename-src/old name.txt' },
  { path: 'script.sh', status: 'modified' },
  { path: 'sub', status: 'submodule' },
  { path: 'typechange', status: 'type-changed', symlink: true },
  { path: NEWLINE_NAME, status: 'modified' },
  { path: TAB_NAME, status: 'added' },
  { path: '目录/文件.txt', status: 'modified' }
])

describe('changed files between two commits', () => {
  const s = statusRepo()

  test('parseRawDiff reads real `git diff --raw -z -M` output with every status', () => {
    const raw = s.repo.git('diff', '--raw', '-z', '-M', '--no-abbrev', s.base, s.head, '--')
    expect(byPath(parseRawDiff(raw))).toEqual(EXPECTED_CHANGES)
  })

  test('Git.changedFiles reports every status, renames with both paths', async () => {
    expect(byPath(await new GitCommandLine(s.repo.dir).changedFiles(s.base, s.head))).toEqual(
      EXPECTED_CHANGES
    )
  })

  test('the reverse diff swaps added/deleted and the rename ends', async () => {
    const reverse = await new GitCommandLine(s.repo.dir).changedFiles(s.head, s.base)
    const find = (p: string) => reverse.find(c => c.path === p)
    expect(find('added file.txt')).toEqual({ path: 'added file.txt', status: 'deleted' })
    expect(find('delete.txt')).toEqual({ path: 'delete.txt', status: 'added' })
    expect(find('rename-src/old name.txt')).toEqual({
      path: 'rename-src/old name.txt',
      status: 'renamed',
      oldPath: 'renamed dir/new name.txt'
    })
    expect(find(TAB_NAME)).toEqual({ path: TAB_NAME, status: 'deleted' })
  })

  test('no changes between a commit and itself', async () => {
    expect(await new GitCommandLine(s.repo.dir).changedFiles(s.head, s.head)).toEqual([])
    expect(parseRawDiff('')).toEqual([])
  })

  test('the submodule pointer really moved between the two commits', () => {
    expect(s.repo.git('rev-parse', `${s.base}:sub`).trim()).toBe(s.libFirst)
    expect(s.repo.git('rev-parse', `${s.head}:sub`).trim()).toBe(s.libSecond)
  })

  test('a submodule added is reported as added', async () => {
    const first = await new GitCommandLine(s.repo.dir).changedFiles(
      s.repo.git('hash-object', '-t', 'tree', '/dev/null').trim(),
      s.base
    )
    expect(first.find(c => c.path === 'sub')).toEqual({ path: 'sub', status: 'added' })
  })
})

describe('tracked files', () => {
  const s = statusRepo()
  const ALL_PATHS = [
    '.gitmodules',
    'added file.txt',
    'config/app/café.yaml',
    'dir with space/file with space.txt',
    'keep.txt',
    'link-target.txt',
    'modify.txt',
    'renamed dir/new name.txt',
    'script.sh',
    'sub',
    'typechange',
    NEWLINE_NAME,
    TAB_NAME,
    '目录/文件.txt'
  ].sort()

  /** What git itself says each path is at rev, one rev-parse per path. */
  function expectedFiles(
    repo: TestRepo,
    rev: string,
    modes: Record<string, string>
  ): Array<{ path: string; line: string }> {
    return ALL_PATHS.map(p => {
      const mode = modes[p] ?? '100644'
      const oid = repo.git('rev-parse', `${rev}:${p}`).trim()
      // Each file's line is what a content key hashes: `<mode> <oid>\t<path>`.
      return { path: p, line: `${mode} ${oid}\t${p}` }
    })
  }
  const modeOf = (f: TrackedFile) => treeLine(f).split(' ')[0]
  const oidOf = (f: TrackedFile) => treeLine(f).split(' ')[1].split('\t')[0]
  const MODES = { 'script.sh': '100755', typechange: '120000', sub: '160000' }

  test('parseTreeListing reads real `git ls-tree -r -z` output', () => {
    const listing = s.repo.git('ls-tree', '-r', '-z', '--full-tree', 'HEAD')
    expect(byPath(parseTreeListing(listing, 'ls-tree'))).toEqual(
      expectedFiles(s.repo, 'HEAD', MODES)
    )
  })

  test('parseTreeListing reads real `git ls-files -s -z` output', () => {
    const listing = s.repo.git('ls-files', '-s', '-z')
    expect(byPath(parseTreeListing(listing, 'ls-files'))).toEqual(
      expectedFiles(s.repo, 'HEAD', MODES)
    )
    expect(parseTreeListing('', 'ls-files')).toEqual([])
  })

  test('trackedFiles(rev) gives the blob ids of `git rev-parse rev:path`, at head and at base', async () => {
    const g = new GitCommandLine(s.repo.dir)
    expect(byPath(await g.trackedFiles(s.head))).toEqual(expectedFiles(s.repo, s.head, MODES))
    const atBase = byPath(await g.trackedFiles(s.base))
    expect(atBase.map(f => f.path)).toEqual(
      [
        '.gitmodules',
        'config/app/café.yaml',
        'delete.txt',
        'dir with space/file with space.txt',
        'keep.txt',
        'link-target.txt',
        'modify.txt',
        'rename-src/old name.txt',
        'script.sh',
        'sub',
        'typechange',
        NEWLINE_NAME,
        '目录/文件.txt'
      ].sort()
    )
    for (const f of atBase)
      expect(oidOf(f)).toBe(s.repo.git('rev-parse', `${s.base}:${f.path}`).trim())
    expect(modeOf(atBase.find(f => f.path === 'script.sh')!)).toBe('100644')
    expect(modeOf(atBase.find(f => f.path === 'typechange')!)).toBe('100644')
  })

  test('workingFiles lists the index plus untracked, not ignored files', async () => {
    const repo = TestRepo.init()
    repo.write('.gitignore', 'ignored.log\n').write('tracked.txt', 't\n')
    repo.commit('one')
    repo.write('ignored.log', 'x\n').write('new file.txt', 'n\n')
    const files = byPath(await new GitCommandLine(repo.dir).workingFiles()).map(treeLine)
    expect(files).toEqual([
      `100644 ${repo.git('rev-parse', 'HEAD:.gitignore').trim()}\t.gitignore`,
      '100644 \tnew file.txt',
      `100644 ${repo.git('rev-parse', 'HEAD:tracked.txt').trim()}\ttracked.txt`
    ])
  })

  describe('in clones from a bare file:// origin', () => {
    const origin = s.repo.bareCopy()

    test('a shallow clone (--depth 1) lists every file of HEAD; the parent commit is absent', async () => {
      const clone = TestRepo.clone(origin, ['--depth', '1'])
      expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true')
      const g = new GitCommandLine(clone.dir)
      expect(byPath(await g.trackedFiles('HEAD'))).toEqual(expectedFiles(clone, 'HEAD', MODES))
      expect(await g.resolveCommit('HEAD')).toBe(s.head)
      expect(await g.hasCommit(s.head)).toBe(true)
      expect(await g.hasCommit(s.base)).toBe(false)
      await expect(g.resolveCommit(s.base)).rejects.toThrow(UserError)
    })

    test('a blobless clone (--filter=blob:none) lists files without fetching a blob', async () => {
      const dir = tempDir('imagegraph-blobless-')
      const clone = TestRepo.clone(origin, ['--filter=blob:none', '--no-checkout'], dir)
      const missing = () =>
        clone
          .git('rev-list', '--objects', '--missing=print', 'HEAD')
          .split('\n')
          .filter(l => l.startsWith('?'))
          .sort()
      const missingBefore = missing()
      // Every blob of HEAD (the submodule is a commit, not a blob) is still only at the origin.
      const headBlobs = expectedFiles(clone, 'HEAD', MODES)
        .filter(f => modeOf(f) !== '160000')
        .map(f => `?${oidOf(f)}`)
      expect(headBlobs).toHaveLength(13)
      expect(missingBefore).toEqual(expect.arrayContaining(headBlobs))
      // With the origin gone any lazy fetch would fail, so a pass proves none was attempted.
      const moved = `${origin}.away`
      renameSync(origin, moved)
      try {
        const files = byPath(await new GitCommandLine(clone.dir).trackedFiles('HEAD'))
        expect(files).toEqual(expectedFiles(clone, 'HEAD', MODES))
        expect(missing()).toEqual(missingBefore)
      } finally {
        renameSync(moved, origin)
      }
    })
  })
})

describe('fileAt, resolveCommit', () => {
  const repo = TestRepo.init()
  repo
    .write('present.txt', 'hello\nworld\n')
    .write('目录/文件.txt', '文本\n')
    .write(NEWLINE_NAME, 'nl\n')
  const first = repo.commit('first')
  repo.remove('present.txt')
  const second = repo.commit('second')
  const g = new GitCommandLine(repo.dir)

  test('fileAt returns the text of a present file, exactly', async () => {
    expect(await g.fileAt(first, 'present.txt')).toBe('hello\nworld\n')
    expect(await g.fileAt(first, '目录/文件.txt')).toBe('文本\n')
    expect(await g.fileAt(first, NEWLINE_NAME)).toBe('nl\n')
  })

  test('fileAt returns null for a missing file and for a directory', async () => {
    expect(await g.fileAt(second, 'present.txt')).toBeNull()
    expect(await g.fileAt(first, 'never-there.txt')).toBeNull()
    expect(await g.fileAt(first, '目录')).toBeNull()
  })

  test('fileAt returns null when the working tree has the file but the revision does not', async () => {
    repo.write('present.txt', 'back on disk\n')
    try {
      expect(await g.fileAt(second, 'present.txt')).toBeNull()
    } finally {
      repo.remove('present.txt')
    }
  })

  test('resolveCommit gives the full id of a branch, HEAD~1 and an abbreviated id', async () => {
    expect(await g.resolveCommit('main')).toBe(second)
    expect(await g.resolveCommit('HEAD~1')).toBe(first)
    expect(await g.resolveCommit(first.slice(0, 10))).toBe(first)
  })

  test('resolveCommit of an unknown revision throws a UserError naming it', async () => {
    await expect(g.resolveCommit('no-such-branch')).rejects.toThrow(
      new UserError(`unknown revision 'no-such-branch' in ${repo.dir}`)
    )
    await expect(g.resolveCommit('no-such-branch')).rejects.toBeInstanceOf(UserError)
    // A tree is not a commit.
    await expect(g.resolveCommit('HEAD^{tree}')).rejects.toBeInstanceOf(UserError)
  })

  test.each(['--output=/tmp/imagegraph-pwned', '-n', '', 'a\nb'])(
    'resolveCommit rejects %p before running git',
    async rev => {
      await expect(g.resolveCommit(rev)).rejects.toThrow(
        new UserError(`'${rev}' is not a git revision`)
      )
      expect(existsSync('/tmp/imagegraph-pwned')).toBe(false)
    }
  )

  test('toplevel finds the repository from a subdirectory and rejects a plain directory', async () => {
    expect(await GitCommandLine.toplevel(path.join(repo.dir, '目录'))).toBe(repo.dir)
    await expect(GitCommandLine.toplevel(tempDir())).rejects.toBeInstanceOf(UserError)
  })
})

describe('several revisions and files in one call', () => {
  let repo: TestRepo
  beforeAll(() => {
    repo = TestRepo.init()
    repo.write('a.txt', 'first\n').write('dir/b.yml', 'héllo: wörld\n')
    repo.commit('one')
    repo.write('a.txt', 'second\n').remove('dir/b.yml')
    repo.commit('two')
  })

  test('resolveCommits keeps the order asked and names the first unknown revision', async () => {
    const g = new GitCommandLine(repo.dir)
    const [head, base] = await g.resolveCommits(['HEAD', 'HEAD~1'])
    expect(head).toBe(repo.git('rev-parse', 'HEAD').trim())
    expect(base).toBe(repo.git('rev-parse', 'HEAD~1').trim())
    await expect(g.resolveCommits(['HEAD', 'nope', 'nada'])).rejects.toThrow(
      `unknown revision 'nope' in ${repo.dir}`
    )
  })

  test('filesAt gives each text, null where the commit has no such file', async () => {
    const g = new GitCommandLine(repo.dir)
    expect(
      await g.filesAt([
        { rev: 'HEAD', path: 'a.txt' },
        { rev: 'HEAD~1', path: 'a.txt' },
        { rev: 'HEAD', path: 'dir/b.yml' },
        { rev: 'HEAD~1', path: 'dir/b.yml' },
        { rev: 'HEAD', path: 'dir' }
      ])
    ).toEqual(['second\n', 'first\n', null, 'héllo: wörld\n', null])
  })
})
