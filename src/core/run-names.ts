// What names a run in the action, for tag templates and labels: the commit built (a pull request's
// head commit, never its merge commit), the branch, the pull request's number and the ref pushed.
import { obj } from './base.js'
import type { RunNames } from './image-jobs.js'

export function runNamesOfEvent(event: {
  eventName: string
  payload: Record<string, unknown>
  /** GITHUB_REF: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  ref: string
  /** The commit planned and built (the plan's head). */
  commit: string
  /** Input `version`. */
  version?: string
}): RunNames {
  const names: RunNames = { commit: event.commit }
  const pr = obj(event.payload.pull_request)
  if (event.eventName === 'pull_request' || event.eventName === 'pull_request_target') {
    const head = obj(pr.head).ref
    if (typeof head === 'string' && head !== '') names.branch = head
    const number = pr.number ?? event.payload.number
    if (typeof number === 'number') names.pr = number
  } else if (event.ref.startsWith('refs/heads/')) {
    names.branch = event.ref.slice('refs/heads/'.length)
  } else if (event.ref.startsWith('refs/tags/')) {
    names.ref = event.ref
  }
  if (event.version) names.version = event.version
  return names
}
