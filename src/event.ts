// The event payload, read by imagegraph itself before anything else touches it: @actions/github
// parses GITHUB_EVENT_PATH when it is loaded and throws a raw stack trace on a malformed file.
import { readFileSync } from 'node:fs'
import { UserError } from './core/errors.js'

export interface GitHubEvent {
  eventName: string
  payload: Record<string, unknown>
  /** Set when there is no payload to read, saying why (no base can come from it). */
  missingBecause?: string
}

export function readEvent(env: NodeJS.ProcessEnv): GitHubEvent {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const eventPath = env.GITHUB_EVENT_PATH
  if (!eventPath) return { eventName, payload: {}, missingBecause: 'GITHUB_EVENT_PATH is not set' }
  const where = `the event payload GITHUB_EVENT_PATH=${eventPath}`
  let bytes: Buffer
  try {
    bytes = readFileSync(eventPath)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new UserError(
      `${where} cannot be read: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}`
    )
  }
  // GitHub writes plain UTF-8 JSON; a byte order mark means the file was made by something else.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw new UserError(
      `${where} starts with a UTF-8 byte order mark; write it as JSON without one`
    )
  let payload: unknown
  try {
    payload = JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new UserError(`${where} is not valid JSON: ${(e as Error).message}`)
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new UserError(
      `${where} is not a JSON object (it is ${payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload})`
    )
  return { eventName, payload: payload as Record<string, unknown> }
}
