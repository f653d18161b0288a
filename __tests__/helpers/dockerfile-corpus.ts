// The corpus of Dockerfiles under __tests__/fixtures/dockerfiles: one directory per case holding the
// Dockerfile, its ignore files and case.json (the other context files, by name, and what the
// reader must answer). The context files are written by the tests (content: their own path), so
// names such as `*.log` need no exception in the repository's .gitignore.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import * as path from 'node:path'

export const CORPUS = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  'fixtures',
  'dockerfiles'
)

export interface CorpusCase {
  name: string
  dir: string
  about: string
  dockerfile: string
  /** Context files named in case.json (written by the test). */
  files: string[]
  buildArgs: Record<string, string>
  target?: string
  /** Whether Debian 12's buildah 1.28 can build it offline (no heredocs, --parents, remote ADD). */
  buildah: boolean
  expect: {
    sources?: { instruction: string; line: number; patterns: string[] }[]
    args?: string[]
    whole?: string
    line?: number
    reads: string[]
    emptyDirectories?: string[]
  }
}

/** Files kept in the case directory itself (Dockerfile, ignore files), context-relative. */
export function fixtureFiles(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(path.join(dir, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name
    if (rel === 'case.json') continue
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...fixtureFiles(dir, rel))
    else out.push(rel)
  }
  return out
}

export function corpusCases(): CorpusCase[] {
  return readdirSync(CORPUS)
    .sort()
    .map(name => {
      const dir = path.join(CORPUS, name)
      const spec = JSON.parse(readFileSync(path.join(dir, 'case.json'), 'utf8')) as Omit<
        CorpusCase,
        'name' | 'dir'
      >
      return { name, dir, ...spec, buildArgs: spec.buildArgs ?? {} }
    })
}
