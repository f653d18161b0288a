// Bytes that are not UTF-8: a graph file with them is a located error; file names with them keep
// every byte, so that two names differing only there give different keys. Real git repositories.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { GitCommandLine } from '../src/adapters/git.js'
import { runCli } from '../src/cli.js'
import { GraphError } from '../src/core/errors.js'
import { sha256 } from '../src/core/keys.js'
import { decodeGraphText, decodePaths, encodePaths, firstInvalidUtf8 } from '../src/core/utf8.js'
import { namedRange, planRepository } from '../src/commands/plan.js'
import { TestRepo, removeTempDirs } from './helpers/repo.js'

afterAll(removeTempDirs)

const GRAPH = [
  'version: 1',
  'configs:',
  '  cfg:',
  '    paths: [cfg/**]',
  'images:',
  '  api:',
  '    context: api',
  '    inputs: [cfg]',
  ''
].join('\n')

/** A file whose name is these bytes, under dir. */
function writeBytesName(dir: string, name: Buffer, content: string): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), content)
}

function plainRepo(): TestRepo {
  return TestRepo.init().write('imagegraph.yml', GRAPH).write('api/Dockerfile', 'FROM scratch\n')
}

describe('file names that are not UTF-8', () => {
  test('two names differing only in invalid bytes are two paths and give two keys', async () => {
    const repo = plainRepo()
    writeBytesName(path.join(repo.dir, 'cfg'), Buffer.from([0x61, 0xff]), 'same\n')
    const first = repo.commit('a\\xff')
    renameSync(
      Buffer.concat([Buffer.from(`${repo.dir}/cfg/`), Buffer.from([0x61, 0xff])]),
      Buffer.concat([Buffer.from(`${repo.dir}/cfg/`), Buffer.from([0x61, 0xfe])])
    )
    const second = repo.commit('a\\xfe')
    const git = new GitCommandLine(repo.dir)
    const planAt = (base: string | null, head: string) =>
      planRepository(git, { graphFile: 'imagegraph.yml', base: namedRange(base, head) })
    const one = await planAt(null, first)
    const two = await planAt(first, second)
    expect(two.nodes.get('cfg')!.key).not.toBe(one.nodes.get('cfg')!.key)
    expect(two.nodes.get('api')!.key).not.toBe(one.nodes.get('api')!.key)
    expect(two.nodes.get('api')!.affected).toBe(true)
    // git diff reports the rename by both byte names.
    expect(
      two.changedFiles
        .flatMap(c => [c.oldPath, c.path])
        .map(p => p && encodePaths(p).toString('latin1'))
    ).toEqual(['cfg/a\xff', 'cfg/a\xfe'])
    // The directory is named by git's tree id, which holds each name's bytes.
    expect([one, two].map(p => p.nodes.get('cfg')!.breakdown.files)).toEqual([
      [`040000 ${repo.git('rev-parse', `${first}:cfg`).trim()}\tcfg`],
      [`040000 ${repo.git('rev-parse', `${second}:cfg`).trim()}\tcfg`]
    ])
  })

  test('both names in one tree are two files, by ls-files and by ls-tree', async () => {
    const repo = plainRepo()
    writeBytesName(path.join(repo.dir, 'cfg'), Buffer.from([0x61, 0xff]), 'x\n')
    writeBytesName(path.join(repo.dir, 'cfg'), Buffer.from([0x61, 0xfe]), 'x\n')
    // A real name that spells an escape out must not meet an escaped one.
    writeBytesName(path.join(repo.dir, 'cfg'), Buffer.from('a\\xff'), 'x\n')
    const head = repo.commit('three names')
    const git = new GitCommandLine(repo.dir)
    const cfgFiles = (files: Array<{ path: string }>) =>
      files.filter(f => f.path.startsWith('cfg/')).map(f => encodePaths(f.path).toString('hex'))
    const expected = ['cfg/a\\xff', 'cfg/a\xfe', 'cfg/a\xff']
      .map(s => Buffer.from(s, 'latin1').toString('hex'))
      .sort()
    expect(cfgFiles(await git.trackedFiles(head)).sort()).toEqual(expected)
    expect(cfgFiles(await git.listTrackedFiles().at(head)).sort()).toEqual(expected)
    expect(cfgFiles(await git.workingFiles()).sort()).toEqual(expected)
  })
})

describe('a graph file that is not UTF-8', () => {
  const bad = Buffer.concat([
    Buffer.from('version: 1\nimages:\n  api:\n    context: api\n    build-args: { A: "caf'),
    Buffer.from([0xe9]),
    Buffer.from('" }\n')
  ])

  test('is a located error in a plan', async () => {
    const repo = plainRepo()
    writeFileSync(path.join(repo.dir, 'imagegraph.yml'), bad)
    repo.commit('latin-1')
    const planned = planRepository(new GitCommandLine(repo.dir), {
      graphFile: 'imagegraph.yml',
      base: namedRange(null, 'HEAD')
    })
    await expect(planned).rejects.toThrow(GraphError)
    await expect(planned).rejects.toThrow(
      'imagegraph.yml:5:26 byte 0xe9 is not UTF-8; a graph file must be UTF-8 text'
    )
  })

  test('is a located error in validate', async () => {
    const repo = plainRepo()
    writeFileSync(path.join(repo.dir, 'imagegraph.yml'), bad)
    let err = ''
    const code = await runCli(['validate', '--repo', repo.dir], {
      cwd: repo.dir,
      out: () => undefined,
      err: (s: string) => void (err += s)
    } as never)
    expect(code).toBe(1)
    expect(err).toContain(
      'imagegraph.yml:5:26 byte 0xe9 is not UTF-8; a graph file must be UTF-8 text'
    )
  })

  test('at the base makes every node affected, saying why', async () => {
    const repo = plainRepo()
    writeBytesName(path.join(repo.dir, 'cfg'), Buffer.from('a'), 'x\n')
    writeFileSync(path.join(repo.dir, 'imagegraph.yml'), bad)
    const base = repo.commit('latin-1')
    repo.write('imagegraph.yml', GRAPH)
    const head = repo.commit('utf-8')
    const p = await planRepository(new GitCommandLine(repo.dir), {
      graphFile: 'imagegraph.yml',
      base: namedRange(base, head)
    })
    expect(p.everythingBecause).toContain(
      'is not valid (imagegraph.yml:5:26 byte 0xe9 is not UTF-8'
    )
    expect([...p.nodes.values()].every(n => n.affected)).toBe(true)
  })
})

describe('decoding', () => {
  test.each<[string, number[], { at: number; length: number } | undefined]>([
    ['ascii', [0x61, 0x62], undefined],
    ['two-byte', [0xc3, 0xa9], undefined],
    ['a lone continuation byte', [0x61, 0x80], { at: 1, length: 1 }],
    ['an overlong form', [0xc0, 0xaf], { at: 0, length: 1 }],
    ['a surrogate encoded', [0xed, 0xa0, 0x80], { at: 0, length: 1 }],
    ['a cut sequence at the end', [0x61, 0xe2, 0x82], { at: 1, length: 1 }],
    ['four-byte', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], { at: 0, length: 1 }]
  ])('%s', (_title, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toEqual(expected)
  })

  test.each<[string, number[]]>([
    ['plain', [0x61, 0x2f, 0x62]],
    ['invalid bytes', [0x61, 0xff, 0xfe, 0x2f, 0x80]],
    ['a cut sequence', [0xe2, 0x82, 0x61]],
    ['valid and invalid around a four-byte character', [0xff, 0xf0, 0x9f, 0x98, 0x80, 0xdc]],
    ['a backslash escape spelled out', [...Buffer.from('a\\xff')]]
  ])('decodePaths keeps every byte: %s', (_title, bytes) => {
    const buffer = Buffer.from(bytes)
    expect(encodePaths(decodePaths(buffer))).toEqual(buffer)
  })

  test('names that differ in invalid bytes hash differently; valid names hash as before', () => {
    const a = decodePaths(Buffer.from([0x61, 0xff]))
    const b = decodePaths(Buffer.from([0x61, 0xfe]))
    expect(a).not.toBe(b)
    expect(sha256(a)).not.toBe(sha256(b))
    expect(sha256(decodePaths(Buffer.from('héllo')))).toBe(sha256('héllo'))
  })

  test('a graph text error names the line and the column in characters', () => {
    const bytes = Buffer.concat([Buffer.from('a: 1\nb: é'), Buffer.from([0xff])])
    expect(() => decodeGraphText(bytes, 'g.yml')).toThrow('g.yml:2:5 byte 0xff is not UTF-8')
  })
})
