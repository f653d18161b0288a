// The action's composition root: the only place that reads inputs and the environment, builds the
// adapters and reports failure to the runner.
import * as core from '@actions/core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { Git } from './adapters/git.js'
import { OctokitGitHub, httpStatus } from './adapters/github.js'
import type { GitHubApi } from './adapters/github.js'
import { resolveBase } from './base.js'
import { chooseBase, pullRequestOf, short, untrustedBecause } from './core/base.js'
import { UserError, formatProblem } from './core/errors.js'
import { matrixOf, planOutput } from './core/outputs.js'
import { planToJson } from './core/plan.js'
import { COMMENT_BUDGET, commentMarker, summaryMarkdown } from './core/summary.js'
import { getInputs } from './inputs.js'
import { planRepository, workingFile } from './planner.js'

export interface ActionDeps {
  env: NodeJS.ProcessEnv
  /** The GitHub REST client for a token (a test may pass its own). */
  github: (token: string) => GitHubApi
}

function readEvent(env: NodeJS.ProcessEnv): {
  eventName: string
  payload: Record<string, unknown>
} {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const eventPath = env.GITHUB_EVENT_PATH
  let payload: Record<string, unknown> = {}
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>
    } catch (e) {
      throw new UserError(
        `cannot read the event payload at GITHUB_EVENT_PATH=${eventPath}: ${(e as Error).message}`
      )
    }
  }
  return { eventName, payload }
}

export async function run(
  deps: ActionDeps = { env: process.env, github: token => new OctokitGitHub(token) }
): Promise<void> {
  const { env } = deps
  try {
    const inputs = getInputs()
    if (inputs.token) core.setSecret(inputs.token)
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const repo = await Git.toplevel(path.resolve(workspace, inputs['working-directory']))
    const git = new Git(repo)
    const event = readEvent(env)
    if (core.isDebug()) core.debug(`event ${event.eventName}: ${JSON.stringify(event.payload)}`)

    const resolved = await core.group('Resolve base', async () => {
      const strategy = chooseBase({
        eventName: event.eventName,
        payload: event.payload,
        sha: env.GITHUB_SHA ?? 'HEAD',
        ref: env.GITHUB_REF ?? '',
        ...(inputs.base ? { inputBase: inputs.base } : {}),
        ...(inputs.head ? { inputHead: inputs.head } : {})
      })
      core.debug(`base strategy: ${JSON.stringify(strategy)}`)
      return resolveBase(git, strategy, {
        remote: 'origin',
        ...(inputs['tag-pattern'] ? { tagPattern: inputs['tag-pattern'] } : {}),
        debug: m => core.debug(m)
      })
    })
    if (resolved.base)
      core.info(`Base ${short(resolved.base)}, head ${short(resolved.head)}: ${resolved.why}`)
    else core.info(`No base, head ${short(resolved.head)}: ${resolved.everythingBecause}`)
    if (resolved.unavailable)
      core.warning(
        `Every node is treated as affected because the base is unavailable: ${resolved.unavailable} (${resolved.why})`
      )
    const untrusted = untrustedBecause(event.eventName, event.payload)
    if (untrusted)
      core.info(`Untrusted event (${untrusted}): nothing will be pushed and no cache written.`)

    const plan = await core.group('Plan', async () => {
      const p = await planRepository(git, {
        graphFile: inputs.graph,
        base: resolved.base,
        head: resolved.head,
        ...(resolved.everythingBecause ? { everythingBecause: resolved.everythingBecause } : {}),
        workingGraphText: workingFile(repo, inputs.graph)
      })
      for (const w of p.warnings) core.warning(formatProblem(w))
      return p
    })
    const json = planToJson(plan, formatProblem)
    const matrix = matrixOf(json, inputs['matrix-max-jobs'])
    core.info(
      `${json.affectedImages.length} of ${Object.keys(json.images).length} images affected: ${json.affectedImages.join(', ') || 'none'}`
    )
    core.setOutput('plan', planOutput(json))
    // The whole plan, however large: the `plan` output is cut to fit GitHub's output size limit.
    const planFile = path.join(
      env.RUNNER_TEMP ?? os.tmpdir(),
      'imagegraph',
      `plan-${process.pid}.json`
    )
    mkdirSync(path.dirname(planFile), { recursive: true })
    writeFileSync(planFile, JSON.stringify(json))
    core.setOutput('plan-file', planFile)
    core.setOutput('affected-images', JSON.stringify(json.affectedImages))
    core.setOutput('matrix', JSON.stringify(matrix))
    core.setOutput('has-affected', json.affectedImages.length > 0 ? 'true' : 'false')
    core.setOutput('changed-configs', JSON.stringify(json.changedConfigs))
    core.setOutput('affected-processes', JSON.stringify(json.affectedProcesses))
    core.setOutput('base', resolved.base ?? '')
    core.setOutput('head', resolved.head)
    core.setOutput('base-reason', resolved.everythingBecause ?? resolved.why)

    const context = { baseWhy: resolved.everythingBecause ?? resolved.why }
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(plan, context)).write()

    if (inputs.comment) {
      const pr = pullRequestOf(event.eventName, event.payload)
      if (!pr)
        core.info(`comment: the ${event.eventName} event is not about a pull request; no comment`)
      else if (!inputs.token)
        core.warning('comment: no token; set input token to comment on the pull request')
      else {
        try {
          const did = await deps
            .github(inputs.token)
            .upsertComment(
              pr,
              commentMarker(plan.graphFile),
              summaryMarkdown(plan, context, COMMENT_BUDGET)
            )
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
    }
  } catch (e) {
    if (e instanceof UserError) core.setFailed(e.message)
    else core.setFailed(`imagegraph: internal error: ${(e as Error).stack ?? String(e)}`)
  }
}
