// `imagegraph run`, loaded only when it is the command: it brings the builders, the registry
// client and (on demand again) the cache backends, which no other command needs.
import * as path from 'node:path'
import { BUILDER_CHOICES, lazyBuilder } from '../adapters/builders/detect.js'
import type { BuilderChoice } from '../adapters/builders/detect.js'
import type { Reporter } from '../adapters/ports.js'
import { BashProcessRunner } from '../adapters/process-runner.js'
import { openRegistry } from '../adapters/registry.js'
import { planLocatedGraph } from '../commands/plan.js'
import { runJob } from '../commands/run.js'
import { chooseCacheSpec, formatCacheSpec } from '../core/cache-spec.js'
import { UserError } from '../core/errors.js'
import { imagesFailed } from '../core/image-results.js'
import { parseImageList } from '../core/image-selection.js'
import { processesFailed, processesToJson } from '../core/process-results.js'
import { imagesText, imagesToJson } from '../core/render/images.js'
import { processesText } from '../core/render/processes.js'
import { parseTagList } from '../core/tags.js'
import { listFlag, namedRevisions, registryConnection } from './call.js'
import type { CommandCall } from './call.js'

/**
 * `imagegraph run`: the whole job on a workstation: the images' keys checked in the registry, the
 * processes the builds need restored or run, the images built, and with --push pushed and tagged.
 */
export async function runCommand({ args, io, location }: CommandCall): Promise<number> {
  const revisions = namedRevisions(args)
  const plan = await planLocatedGraph(location, revisions)
  const env = process.env
  const { spec } = chooseCacheSpec(
    typeof args.flags.cache === 'string' ? args.flags.cache : undefined,
    '--cache',
    env,
    'cli',
    process.platform
  )
  let parallel: number | undefined
  if (typeof args.flags.parallel === 'string') {
    parallel = Number(args.flags.parallel)
    if (!Number.isInteger(parallel) || parallel < 1)
      throw new UserError(
        `run: --parallel ${args.flags.parallel} is not a whole number of at least 1`
      )
  }
  const builder = typeof args.flags.builder === 'string' ? args.flags.builder : 'auto'
  if (!(BUILDER_CHOICES as readonly string[]).includes(builder))
    throw new UserError(
      `run: --builder ${builder} is not a builder; use ${BUILDER_CHOICES.join(', ')}`
    )
  const reporter: Reporter = {
    info: message => io.err(`${message}\n`),
    warning: message => io.err(`warning: ${message}\n`),
    debug: () => undefined,
    group: (name, lines) => io.err([`== ${name}`, ...lines, ''].join('\n')),
    mask: () => undefined,
    processLine: (name, line) => io.err(`[${name}] ${line}\n`)
  }
  reporter.info(`cache: ${formatCacheSpec(spec)}`)
  const headRev = revisions.head
  const named = await location.git.refNamed(headRev)
  const { insecure, caFile } = registryConnection(args, io)
  const registry = typeof args.flags.registry === 'string' ? args.flags.registry : undefined
  const push = args.flags.push === true
  const tags = listFlag(args, 'tags', parseTagList)
  const images = listFlag(args, 'images', parseImageList)
  // Loaded here only: the Actions cache library is most of the bundle, and no other command needs it.
  const { createCache } = await import('../adapters/cache/factory.js')
  const job = await runJob(
    {
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
    },
    {
      cache: createCache(spec, { cwd: io.cwd }),
      runner: new BashProcessRunner(),
      reporter,
      builder: lazyBuilder(builder as BuilderChoice),
      registry: host => openRegistry({ host, insecure, ...(caFile ? { caFile } : {}), env }),
      git: location.git
    }
  )
  if (args.flags.json)
    io.out(
      `${JSON.stringify(
        {
          processes: processesToJson(job.processes),
          images: imagesToJson(job.images),
          digests: job.images.digests
        },
        null,
        2
      )}\n`
    )
  else io.out(`${processesText(job.processes)}${imagesText(job.images)}`)
  return processesFailed(job.processes).length > 0 || imagesFailed(job.images).length > 0 ? 1 : 0
}
