// Whether a run pushes: what the workflow asked for, under the trust rules. An untrusted event (a
// fork's pull request, pull_request_target, a workflow_run of a fork's run) never pushes, whatever
// it asked; a pull request builds without pushing unless the workflow says `always`.

export type PushSetting = 'false' | 'true' | 'always'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function pushDecision(
  setting: PushSetting,
  eventName: string,
  untrusted: string | undefined
): { push: boolean; why: string } {
  if (setting === 'false') return { push: false, why: 'push is false' }
  if (untrusted) return { push: false, why: `untrusted event (${untrusted}): nothing is pushed` }
  if (setting === 'true' && PULL_REQUEST_EVENTS.has(eventName))
    return {
      push: false,
      why: `a ${eventName} event builds without pushing (push: always pushes pull requests from this repository too)`
    }
  return { push: true, why: `push is ${setting} on a trusted ${eventName} event` }
}
