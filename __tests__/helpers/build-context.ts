// Build contexts for builder tests: a temp dir with a Dockerfile and the given files.
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import type { BuildRequest } from '../../src/adapters/ports.js'
import { tempDir } from './repo.js'

export function buildContext(files: Record<string, string>): string {
  const dir = tempDir('imagegraph-context-')
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

/** A request with the fields a test does not care about filled in. */
export function request(
  fields: Partial<BuildRequest> & Pick<BuildRequest, 'image' | 'context'>
): BuildRequest {
  return {
    key: `k-${fields.image}`,
    dockerfile: path.join(fields.context, 'Dockerfile'),
    platforms: [],
    buildArgs: {},
    labels: {},
    tags: [],
    push: false,
    ...fields
  }
}

/** Built on `${BASE}`: an ARG used by RUN, and a generated file (a process output) copied in. */
export const ON_BASE = [
  'ARG BASE',
  'FROM ${BASE}',
  'ARG GREETING',
  'RUN echo "$GREETING" > /greeting',
  'COPY generated.txt /generated.txt',
  ''
].join('\n')

/** Built on an ON_BASE image: fails unless the greeting and the generated file are there. */
export const CHECKS_BASE = [
  'ARG BASE',
  'FROM ${BASE}',
  'ARG EXPECT',
  'RUN test "$(cat /greeting)" = "$EXPECT" && cat /generated.txt > /seen',
  ''
].join('\n')
