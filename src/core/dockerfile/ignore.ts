// The ignore file: which context files the builder sends (and so COPY can reach), with Docker's
// rules through @balena/dockerignore (a port of moby's fileutils: `!` re-includes, the last
// matching line wins, `**` is any depth, a pattern that matches a directory excludes what is
// beneath it).
//
// The Dockerfile and the ignore file obey the filter like any file: when a line excludes them, COPY
// cannot reach them, yet the builder still reads them. They are inputs of the image either way, and
// the caller counts them itself.
import * as path from 'node:path'
import dockerignore from '@balena/dockerignore'

export type Builder = 'docker' | 'buildah'

/**
 * `(path) => true` when the build sees the context file `path` (context-relative, '/'-separated).
 * No ignore file (null) keeps everything.
 */
export function contextFilter(ignoreText: string | null): (path: string) => boolean {
  if (ignoreText === null) return () => true
  // The library ignores case by default (its node-ignore heritage); Docker on Linux does not, and
  // ignoring `Build/` for a rule `build/` would make the inputs narrower than the build.
  // The package is CommonJS typed as an ES default export: its module object is the factory, and
  // the factory is also its own `default`, which is what both node and the bundle can call.
  const rules = dockerignore.default({ ignorecase: false })
  // moby drops a UTF-8 byte order mark before the first line; the library would read it as part of the pattern.
  rules.add(ignoreText.replace(/^\uFEFF/, ''))
  return p => rules.ignores(p) === false
}

/**
 * The ignore files a builder reads for a Dockerfile and a context (repository-relative paths), in
 * the order it looks for them: the first that exists applies, the others do not.
 * - docker (BuildKit): `<dockerfile>.dockerignore` beside the Dockerfile, then `<context>/.dockerignore`.
 *   Docker's classic builder reads only the second; BuildKit is what `docker buildx` runs.
 * - buildah and podman: `<context>/.containerignore`, then `<context>/.dockerignore`.
 */
export function ignoreFileFor(
  dockerfilePath: string,
  contextDir: string,
  builder: Builder = 'docker'
): string[] {
  const inContext = (name: string) => path.posix.normalize(path.posix.join(contextDir, name))
  if (builder === 'buildah') return [inContext('.containerignore'), inContext('.dockerignore')]
  return [path.posix.normalize(`${dockerfilePath}.dockerignore`), inContext('.dockerignore')]
}
