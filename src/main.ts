// The action's composition root: the only place that reads inputs and the environment, builds the
// adapters and reports failure to the runner. What it does is in src/commands/, shared with the CLI.
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { OctokitGitHub, httpStatus } from './adapters/github.js'
import { locateGraph } from './adapters/working-tree.js'
import { planLocatedGraph } from './commands/plan.js'
import { resolveBase } from './commands/resolve-base.js'
import { baseReason, chooseBase, pullRequestOf, untrustedBecause } from './core/base.js'
import { UserError, formatProblem } from './core/errors.js'
import { digestsOutput, matrixOf, planOutput } from './core/outputs.js'
import { counted, shortId } from './core/render/text.js'
import { COMMENT_BUDGET, commentMarker, summaryMarkdown } from './core/summary.js'
import { readEvent } from './event.js'
import type { GitHubEvent } from './event.js'
import { getInputs } from './inputs.js'
import type { Inputs } from './inputs.js'
import { loadYamlPackage } from './adapters/yaml-package.js'
import { usePositionParser } from './core/graph/position-parser.js'

// The cache backends, the builders, the registry client and the retag use case are imported where
// a mode needs them: a plan run without a registry evaluates none of them.
import type { Registry, Reporter } from './adapters/ports.js'
import type { JobRun } from './commands/run.js'
import type { GraphLocation } from './adapters/working-tree.js'
import type { LayerCache } from './adapters/ports.js'
import { imagesFailed } from './core/image-results.js'
import { imagesMarkdown, imagesToJson } from './core/render/images.js'
import { pushDecision } from './core/push.js'
import { runNamesOfEvent } from './core/run-names.js'
import { reportLegs } from './commands/report.js'
import { missingWords } from './core/retag.js'
import {
  retagDigests,
  retagMarkdown,
  retagResultsOutput,
  retagText,
  retagToJson
} from './core/render/retag.js'
import { selectImages } from './core/image-selection.js'
import { resultsOutput } from './core/leg-results.js'
import { upstreamImages, wavesOf, wavesOutput } from './core/waves.js'
import { chooseCacheSpec, formatCacheSpec } from './core/cache-spec.js'
import { planToJson } from './core/plan.js'
import type { Plan } from './core/plan.js'
import { processesFailed, processesToJson } from './core/process-results.js'
import { processesMarkdown } from './core/render/processes.js'

usePositionParser(loadYamlPackage)

/** The remote actions/checkout makes: missing commits and tags are fetched from it. */
const REMOTE = 'origin'

/** The marker a comment body written by a plan run starts with (the sticky comment's identity). */
const MARKER_LINE = /^<!-- imagegraph-plan:[^\n]* -->$/

export async function run(): Promise<void> {
  const env = process.env
  try {
    const inputs = getInputs()
    if (inputs.token) core.setSecret(inputs.token)
    if (inputs['registry-password']) core.setSecret(inputs['registry-password'])
    // First of all: a malformed payload is one clear line, not a stack trace from a library.
    const event = readEvent(env)
    if (core.isDebug()) core.debug(`event ${event.eventName}: ${JSON.stringify(event.payload)}`)
    if (inputs.mode === 'comment') {
      const body = inputs['comment-body']
      const marker = body.split('\n', 1)[0]
      if (!MARKER_LINE.test(marker))
        throw new UserError(
          "Input 'comment-body' must be the output comment-body of a plan run (it starts with the plan's marker line)"
        )
      await postComment(inputs, event, marker, () => body)
      return
    }
    if (inputs.mode === 'report') {
      await reportMode(env, inputs)
      return
    }
    if (inputs.mode === 'retag') {
      await retagMode(env, inputs, event)
      return
    }
    await planMode(env, inputs, event)
  } catch (e) {
    if (e instanceof UserError) core.setFailed(e.message)
    else core.setFailed(`imagegraph: internal error: ${(e as Error).stack ?? String(e)}`)
  }
}

async function planMode(env: NodeJS.ProcessEnv, inputs: Inputs, event: GitHubEvent): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const workingDirectory = path.resolve(workspace, inputs['working-directory'])
  // The graph input is relative to working-directory, which may lie anywhere in the repository.
  const location = await locateGraph({
    dir: workingDirectory,
    dirLabel: "input 'working-directory'",
    graph: inputs.graph,
    graphFrom: workingDirectory,
    graphLabel: "input 'graph'"
  })
  const { repo, graphFile } = location
  core.info(`Graph file ${graphFile} in ${repo}`)
  const resolved = await core.group('Resolve base', async () => {
    const strategy = chooseBase({
      eventName: event.eventName,
      payload: event.payload,
      sha: env.GITHUB_SHA ?? 'HEAD',
      ref: env.GITHUB_REF ?? '',
      ...(inputs.base ? { inputBase: inputs.base } : {}),
      ...(inputs.head ? { inputHead: inputs.head } : {}),
      ...(event.missingBecause ? { payloadMissing: event.missingBecause } : {})
    })
    core.debug(`base strategy: ${JSON.stringify(strategy)}`)
    return resolveBase(location.git, strategy, {
      remote: REMOTE,
      ...(inputs['tag-pattern'] ? { tagPattern: inputs['tag-pattern'] } : {}),
      debug: message => core.debug(message)
    })
  })
  const reason = baseReason(resolved)
  if (resolved.kind === 'range')
    core.info(`Base ${shortId(resolved.base)}, head ${shortId(resolved.head)}: ${reason}`)
  else core.info(`No base, head ${shortId(resolved.head)}: ${reason}`)
  if (resolved.kind === 'base-unavailable')
    core.warning(
      `Every node is treated as affected because the base is unavailable: ${resolved.missing} (${resolved.why})`
    )
  const untrusted = untrustedBecause(event.eventName, event.payload)
  if (untrusted)
    core.info(`Untrusted event (${untrusted}): nothing will be pushed and no cache written.`)

  const plan = await core.group('Plan', async () => {
    const planned = await planLocatedGraph(location, resolved)
    for (const warning of planned.warnings) core.warning(formatProblem(warning))
    return planned
  })
  const json = planToJson(plan, formatProblem)
  const matrix = matrixOf(json, inputs['matrix-max-jobs'])
  // Input images (a matrix leg's share): a misspelt name fails here, before anything is built.
  if (inputs.images.length > 0)
    core.info(
      `Images asked for: ${selectImages(inputs.images, plan.graph, "input 'images'").join(', ')}`
    )
  // With a registry, the waves hold what a build run will build: affected images whose keys are
  // missing, and (rebuild-missing) unaffected ones whose keys are missing; not the reused ones.
  const toBuild =
    inputs.mode === 'plan' ? await plannedBuilds(env, inputs, event, location, plan) : undefined
  const waves = wavesOf(
    { build: toBuild ?? json.affectedImages, upstream: upstreamImages(plan.graph) },
    { maxJobs: inputs['matrix-max-jobs'] }
  )
  core.info(
    `${json.affectedImages.length} of ${Object.keys(json.images).length} images affected: ${json.affectedImages.join(', ') || 'none'}`
  )
  core.setOutput('plan', planOutput(json))
  // The whole plan, however large: the `plan` output is cut to fit GitHub's output size limit.
  core.setOutput('plan-file', jsonFile(env, 'plan', json))
  core.setOutput('affected-images', JSON.stringify(json.affectedImages))
  core.setOutput('matrix', JSON.stringify(matrix))
  core.setOutput('waves', wavesOutput(waves))
  core.setOutput('wave-count', String(waves.length))
  core.setOutput('has-affected', json.affectedImages.length > 0 ? 'true' : 'false')
  core.setOutput('changed-configs', JSON.stringify(json.changedConfigs))
  core.setOutput('affected-processes', JSON.stringify(json.affectedProcesses))
  core.setOutput('base', resolved.kind === 'range' ? resolved.base : '')
  core.setOutput('head', resolved.head)
  core.setOutput('base-reason', reason)
  core.setOutput('trusted', untrusted ? 'false' : 'true')

  const context = { baseWhy: reason }
  if (inputs.mode !== 'build') {
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(plan, context)).write()
    const comment = () => summaryMarkdown(plan, context, COMMENT_BUDGET)
    // For a later job that alone may write to pull requests (mode: comment).
    core.setOutput('comment-body', comment())
    if (inputs.comment) await postComment(inputs, event, commentMarker(plan.graphFile), comment)
    return
  }
  const job = await buildMode(env, inputs, event, location, plan, resolved.head, untrusted)
  // The plan, then what the run did: the summary, and the same tables in the PR comment.
  const imagesSection = imagesMarkdown(job.images)
  const runSections = `${processesMarkdown(job.processes)}\n${imagesSection}`
  if (env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(`${summaryMarkdown(plan, context)}\n${runSections}`).write()
  const commentImages = imagesMarkdown(job.images, COMMENT_BUDGET / 2)
  const comment = () =>
    `${summaryMarkdown(plan, context, COMMENT_BUDGET - commentImages.length - 2)}\n${commentImages}`
  core.setOutput('comment-body', comment())
  if (inputs.comment) await postComment(inputs, event, commentMarker(plan.graphFile), comment)
  const failedProcesses = processesFailed(job.processes)
  const failedImages = imagesFailed(job.images)
  // Last, after the summary and the comment: each fails when even its shortest form does not fit.
  const unfit = [
    outputOrError(() => core.setOutput('digests', digestsOutput(job.images.digests))),
    outputOrError(() => core.setOutput('results', resultsOutput(imagesToJson(job.images))))
  ].filter(m => m !== undefined)
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
  ]
  if (failures.length > 0) throw new UserError(failures.join('; '))
}

/** Runs set; a user error it throws (an output that does not fit) is returned as its message. */
function outputOrError(set: () => void): string | undefined {
  try {
    set()
    return undefined
  } catch (e) {
    if (e instanceof UserError) return e.message
    throw e
  }
}

/** The images a build would build, by the registry's answers; undefined without a registry. */
async function plannedBuilds(
  env: NodeJS.ProcessEnv,
  inputs: Inputs,
  event: GitHubEvent,
  location: GraphLocation,
  plan: Plan
): Promise<string[] | undefined> {
  if (!inputs.registry && !plan.graph.registry) return undefined
  const [{ imagesToBuildFor }, registry] = await Promise.all([
    import('./commands/run.js'),
    actionRegistry(inputs, env)
  ])
  try {
    const toBuild = await imagesToBuildFor(
      {
        plan,
        root: path.join(location.repo, path.dirname(location.graphFile)),
        names: runNames(env, inputs, event, plan.head),
        ...(inputs.registry ? { registry: inputs.registry } : {}),
        labels: { tags: "input 'tags'", registry: "input 'registry'", images: "input 'images'" },
        rebuildMissing: inputs['rebuild-missing']
      },
      { registry, reporter: actionReporter() }
    )
    if (toBuild)
      core.info(`To build (the registry lacks their keys): ${toBuild.join(', ') || 'none'}`)
    return toBuild
  } catch (e) {
    // The plan stands without it: a build step reports a bad template or a registry problem itself.
    core.warning(
      `Could not ask the registry which content keys it holds (${(e as Error).message}): the waves hold the affected images; legs still build any base whose key is missing`
    )
    return undefined
  }
}

function actionReporter(): Reporter {
  return {
    info: message => core.info(message),
    warning: message => core.warning(message),
    debug: message => core.debug(message),
    group: (name, lines) => {
      core.startGroup(name)
      for (const line of lines) core.info(line)
      core.endGroup()
    },
    mask: value => core.setSecret(value)
  }
}

/** How the registry is reached, from the inputs: plain HTTP, its CA, the credentials. */
function registryConnection(inputs: Inputs, env: NodeJS.ProcessEnv) {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  return {
    ...(inputs['registry-insecure'] ? { insecure: true } : {}),
    ...(inputs['registry-username'] ? { username: inputs['registry-username'] } : {}),
    ...(inputs['registry-password'] ? { password: inputs['registry-password'] } : {}),
    ...(inputs['registry-ca-file']
      ? { caFile: path.resolve(workspace, inputs['registry-ca-file']) }
      : {})
  }
}

/** The registry client for a host, with the inputs' connection; secrets it learns are masked. */
async function actionRegistry(
  inputs: Inputs,
  env: NodeJS.ProcessEnv
): Promise<(host: string) => Registry> {
  const { openRegistry } = await import('./adapters/registry.js')
  return host =>
    openRegistry({
      host,
      ...registryConnection(inputs, env),
      env,
      debug: message => core.debug(message),
      mask: value => core.setSecret(value)
    })
}

/** What names this run for tag templates and labels. */
function runNames(env: NodeJS.ProcessEnv, inputs: Inputs, event: GitHubEvent, commit: string) {
  return runNamesOfEvent({
    eventName: event.eventName,
    payload: event.payload,
    ref: env.GITHUB_REF ?? '',
    commit,
    ...(inputs.version ? { version: inputs.version } : {})
  })
}

/**
 * `mode: build`: the processes the builds need, then the images: built, pushed, reused, tagged.
 * Untrusted events never push and never write a cache, whatever the inputs say.
 */
async function buildMode(
  env: NodeJS.ProcessEnv,
  inputs: Inputs,
  event: GitHubEvent,
  location: GraphLocation,
  plan: Plan,
  head: string,
  untrusted: string | undefined
): Promise<JobRun> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const chosen = chooseCacheSpec(inputs.cache, "input 'cache'", env, 'action', process.platform)
  const saveCache = inputs['save-cache'] === 'never' ? false : untrusted === undefined
  if (untrusted && inputs['save-cache'] === 'always')
    core.warning(
      `save-cache: always is ignored on an untrusted event (${untrusted}): no cache is written`
    )
  core.info(
    `Cache: ${formatCacheSpec(chosen.spec)} (${chosen.reason}); ${saveCache ? 'saving' : 'not saving'}`
  )
  const pushing = pushDecision(inputs.push, event.eventName, untrusted)
  core.info(`Push: ${pushing.push ? 'yes' : 'no'} (${pushing.why})`)
  if (untrusted && inputs.push !== 'false')
    core.warning(`push is ignored on an untrusted event (${untrusted}): nothing is pushed`)
  const reporter = actionReporter()
  const layerCache = layerCacheOf(
    inputs['layer-cache'],
    env,
    untrusted === undefined && pushing.push
  )
  const [{ runJob }, { createCache }, { BashProcessRunner }, { lazyBuilder }, registry] =
    await Promise.all([
      import('./commands/run.js'),
      import('./adapters/cache/factory.js'),
      import('./adapters/process-runner.js'),
      import('./adapters/builders/detect.js'),
      actionRegistry(inputs, env)
    ])
  const job = await runJob(
    {
      plan,
      repository: location.repo,
      root: path.join(location.repo, path.dirname(location.graphFile)),
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
    },
    {
      cache: createCache(chosen.spec, {
        cwd: workspace,
        actions: { log: message => core.debug(message), mask: value => core.setSecret(value) }
      }),
      runner: new BashProcessRunner(),
      reporter,
      builder: lazyBuilder(inputs.builder),
      registry,
      git: location.git
    }
  )
  core.setOutput('processes', JSON.stringify(processesToJson(job.processes)))
  const results = imagesToJson(job.images)
  core.setOutput('results-file', jsonFile(env, 'results', results))
  return job
}

/**
 * The builder's layer cache: `auto` is the Actions cache for buildx where the runner has the cache
 * service (one scope per image and platforms); `none`; or a registry reference for cached layers.
 * Written only on trusted runs that push; read always.
 */
function layerCacheOf(
  setting: string,
  env: NodeJS.ProcessEnv,
  write: boolean
): LayerCache | undefined {
  if (setting === 'none') return undefined
  if (setting === 'auto')
    return env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL ? { gha: true, write } : undefined
  return { registryRef: setting, write }
}

/**
 * `mode: retag`: a release or a rollback with no build: every image's tags to its content at
 * `rev`, or one image's from `from`. Never on an untrusted event: it moves what ships.
 */
async function retagMode(
  env: NodeJS.ProcessEnv,
  inputs: Inputs,
  event: GitHubEvent
): Promise<void> {
  const untrusted = untrustedBecause(event.eventName, event.payload)
  if (untrusted)
    throw new UserError(
      `mode 'retag' never runs on an untrusted event (${untrusted}): nothing was retagged; run it from workflow_dispatch or a push`
    )
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const workingDirectory = path.resolve(workspace, inputs['working-directory'])
  const location = await locateGraph({
    dir: workingDirectory,
    dirLabel: "input 'working-directory'",
    graph: inputs.graph,
    graphFrom: workingDirectory,
    graphLabel: "input 'graph'"
  })
  const [{ retagAtRevision, retagImage }, registry] = await Promise.all([
    import('./commands/retag.js'),
    actionRegistry(inputs, env)
  ])
  const wiring = { git: location.git, registry }
  const common = {
    graphFile: location.graphFile,
    ...(inputs.registry ? { registry: inputs.registry } : {}),
    labels: {
      registry: "input 'registry'",
      rev: "input 'rev'",
      fetchHint:
        'check the repository out with its history (actions/checkout with fetch-depth: 0), or fetch the tag before this step'
    }
  }
  const result = await core.group('Retag', () =>
    inputs.rev
      ? retagAtRevision(
          {
            ...common,
            rev: inputs.rev,
            tags: inputs.tags,
            ...(inputs.images.length > 0 ? { images: inputs.images } : {}),
            partial: inputs.partial
          },
          wiring
        )
      : retagImage(
          { ...common, image: inputs.images[0], from: inputs.from, to: inputs.tags },
          wiring
        )
  )
  core.info(retagText(result))
  const missing = result.images.filter(i => i.status === 'missing')
  if (missing.length > 0)
    core.warning(
      `Partial retag: ${counted(missing.length, 'image')} not retagged: ${missing.map(missingWords).join('; ')}`
    )
  const json = retagToJson(result)
  // All of it, however large: the output is cut to fit GitHub's limit on very large retags.
  core.setOutput('results-file', jsonFile(env, 'results', json))
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(retagMarkdown(result)).write()
  core.setOutput('digests', digestsOutput(retagDigests(result)))
  core.setOutput('results', retagResultsOutput(json))
}

/** `mode: report`: the matrix legs' results files merged into one output and one table. */
async function reportMode(env: NodeJS.ProcessEnv, inputs: Inputs): Promise<void> {
  const dir = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs['results-dir'])
  const planComment = inputs['comment-body']
  if (planComment.trim() !== '' && !MARKER_LINE.test(planComment.split('\n', 1)[0]))
    throw new UserError(
      "Input 'comment-body' must be the output comment-body of a plan run (it starts with the plan's marker line)"
    )
  const report = await reportLegs({ resultsDir: dir, planComment })
  if (report.missingDir)
    core.warning(`No results directory ${dir}: no leg uploaded results (nothing was built?)`)
  core.info(
    `${Object.keys(report.results).length} image results from ${report.files.length} files: ${report.files.join(', ') || 'none'}`
  )
  // All of it, however large: the output is cut to fit GitHub's limit on very large runs.
  core.setOutput('results-file', jsonFile(env, 'results', report.results))
  if (report.comment !== undefined) core.setOutput('comment-body', report.comment)
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(report.summary).write()
  core.setOutput('results', resultsOutput(report.results))
}

/** A JSON file under RUNNER_TEMP holding all of a value its output may cut to fit; its path. */
function jsonFile(env: NodeJS.ProcessEnv, name: string, value: unknown): string {
  const file = path.join(
    env.RUNNER_TEMP ?? os.tmpdir(),
    'imagegraph',
    `${name}-${process.pid}.json`
  )
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(value))
  return file
}

/** The sticky comment on the event's pull request; a failure to write it is a warning. */
async function postComment(
  inputs: Inputs,
  event: GitHubEvent,
  marker: string,
  body: () => string
): Promise<void> {
  const pr = pullRequestOf(event.eventName, event.payload)
  if (!pr) {
    core.info(`comment: the ${event.eventName} event is not about a pull request; no comment`)
    return
  }
  if (!inputs.token) {
    core.warning('comment: no token; set input token to comment on the pull request')
    return
  }
  try {
    const api = await OctokitGitHub.create(inputs.token)
    const did = await api.upsertComment(pr, marker, body())
    core.info(`comment: ${did} the plan comment on #${pr.number}`)
  } catch (e) {
    const status = httpStatus(e)
    const hint =
      status === 403 || status === 404
        ? ': the token cannot write here, as on a pull request from a fork'
        : ''
    core.warning(
      `comment: could not write the plan comment on #${pr.number} (${status ?? ''} ${(e as Error).message})${hint}. The job summary has the plan.`
    )
  }
}
