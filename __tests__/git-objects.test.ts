// The object store behind a plan's tree walk: one `git cat-file` process answers requests in
// batches (`--batch-command --buffer`, git 2.36 and later), and an older git that refuses that
// mode is asked object by object (`--batch`) with the same answers.
import { chmodSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { execFileSync } from 'node:child_process'
import { GitCommandLine } from '../src/adapters/git.js'
import { TestRepo, removeTempDirs, tempDir } from './helpers/repo.js'

afterAll(removeTempDirs)

async function readAll(repo: TestRepo) {
  const git = new GitCommandLine(repo.dir)
  const head = repo.git('rev-parse', 'HEAD').trim()
  const [tree, missing, blob] = await git.objects([
    `${head}^{tree}`,
    '0'.repeat(40),
    repo.git('rev-parse', 'HEAD:imagegraph.yml').trim()
  ])
  // A second request to the same process.
  const again = await git.objects([`${head}^{tree}`])
  return { tree, missing, blob, again: again[0] }
}

describe('git objects', () => {
  test('trees, blobs and a missing object, in several requests to one process', async () => {
    const repo = TestRepo.fromExample()
    repo.commit('example')
    const r = await readAll(repo)
    expect(r.tree?.type).toBe('tree')
    expect(r.tree?.oid).toBe(repo.git('rev-parse', 'HEAD^{tree}').trim())
    expect(r.missing).toBeNull()
    expect(r.blob?.data.toString('utf8')).toContain('version: 1')
    expect(r.again?.oid).toBe(r.tree?.oid)
  })

  test('a git without --batch-command gives the same answers', async () => {
    const repo = TestRepo.fromExample()
    repo.commit('example')
    const expected = await readAll(repo)
    // A git that refuses --batch-command as git before 2.36 does (usage, exit 129).
    const bin = tempDir('imagegraph-oldgit-')
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
    writeFileSync(
      path.join(bin, 'git'),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = --batch-command ] && { echo "error: unknown option \\\`batch-command'" >&2; echo "usage: git cat-file" >&2; exit 129; }; done\nexec ${realGit} "$@"\n`
    )
    chmodSync(path.join(bin, 'git'), 0o755)
    const saved = process.env.PATH
    process.env.PATH = `${bin}:${saved}`
    try {
      const old = await readAll(repo)
      expect(old.tree?.oid).toBe(expected.tree?.oid)
      expect(old.missing).toBeNull()
      expect(old.blob?.data.equals(expected.blob!.data)).toBe(true)
      expect(old.again?.oid).toBe(expected.tree?.oid)
    } finally {
      process.env.PATH = saved
    }
  })

  test('objectsAside gives what objects gives, in order, for more than a pipe holds', async () => {
    const repo = TestRepo.init()
    // About 300 KB of blobs: more than a pipe's 64 KiB, which the aside read writes to a file.
    for (let i = 0; i < 300; i++) repo.write(`f/${i}.txt`, `${i}\n${'x'.repeat(1000)}\n`)
    repo.write('empty', '')
    repo.commit('many')
    const head = repo.git('rev-parse', 'HEAD').trim()
    const names = [
      `${head}^{tree}`,
      ...Array.from({ length: 300 }, (_, i) => repo.git('rev-parse', `HEAD:f/${i}.txt`).trim()),
      '0'.repeat(40),
      repo.git('rev-parse', 'HEAD:empty').trim()
    ]
    const git = new GitCommandLine(repo.dir)
    const aside = await git.objectsAside(names)
    const direct = await new GitCommandLine(repo.dir).objects(names)
    expect(aside).toHaveLength(names.length)
    expect(aside.map(o => o && { ...o, data: o.data.toString('base64') })).toEqual(
      direct.map(o => o && { ...o, data: o.data.toString('base64') })
    )
    expect(aside[0]?.type).toBe('tree')
    expect(aside[299]?.data.toString('utf8')).toMatch(/^298\n/)
    expect(aside[301]).toBeNull()
    expect(aside[302]).toMatchObject({ type: 'blob' })
    expect(aside[302]?.data.length).toBe(0)
    await expect(git.objectsAside(['-bad'])).rejects.toThrow('not an object name')
  })
})
