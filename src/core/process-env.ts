// The environment a process runs with: exactly its `env`, its `pass-env` variables and a short list
// of the runner's own, never the caller's secrets (ACTIONS_RUNTIME_TOKEN, GITHUB_TOKEN, ...).
import type { ProcessNode } from './graph/model.js'

/** Passed as they are: what commands need to find tools and a home, and what CI scripts test. */
const PASSED_NAMES = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'LANG',
  'LANGUAGE',
  'TZ',
  'CI'
])
/** Passed by prefix: the runner's description of the run (GITHUB_SHA, RUNNER_TEMP, ...), locales. */
const PASSED_PREFIXES = ['GITHUB_', 'RUNNER_', 'LC_']
/**
 * Never passed, though the prefix matches: the workflow's file commands (a process is no workflow
 * step: it must not set the next step's environment, outputs or PATH) and anything that looks
 * like a credential. A process that needs one names it in `pass-env`.
 */
const WITHHELD_NAMES = new Set([
  'GITHUB_TOKEN',
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
])
const CREDENTIAL_LIKE = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|_KEY$/i

/** Whether a variable of the caller's environment reaches every process without being asked for. */
export function isPassedByDefault(name: string): boolean {
  if (WITHHELD_NAMES.has(name) || CREDENTIAL_LIKE.test(name)) return false
  return PASSED_NAMES.has(name) || PASSED_PREFIXES.some(prefix => name.startsWith(prefix))
}

export interface ProcessEnvironment {
  /** The whole environment of the command. */
  env: Record<string, string>
  /** The `pass-env` values (to mask), by name. */
  passed: Record<string, string>
  /** `pass-env` names the caller's environment does not set. */
  missing: string[]
}

/**
 * The runner's variables first, then the passed ones, then the process's own `env` (which wins:
 * it is in the key). The reader forbids a name in both `env` and `pass-env`.
 */
export function processEnvironment(
  callerEnv: Readonly<Record<string, string | undefined>>,
  node: Pick<ProcessNode, 'env' | 'passEnv'>
): ProcessEnvironment {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(callerEnv))
    if (value !== undefined && isPassedByDefault(name)) env[name] = value
  const passed: Record<string, string> = {}
  const missing: string[] = []
  for (const name of node.passEnv) {
    const value = callerEnv[name]
    if (value === undefined) missing.push(name)
    else passed[name] = env[name] = value
  }
  Object.assign(env, node.env)
  return { env, passed, missing }
}
