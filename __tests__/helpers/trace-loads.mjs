// Preloaded with `node --import` by __tests__/startup.test.ts: appends to $IMAGEGRAPH_TRACE_LOADS
// the URL of every ES module the process loads (a loader hook) and, at exit, every CommonJS file
// it required. Plain JavaScript, so node runs it as it is.
import { appendFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'

const log = process.env.IMAGEGRAPH_TRACE_LOADS
if (log) {
  const hook = `
    import { appendFileSync } from 'node:fs'
    export async function load(url, context, next) {
      appendFileSync(${JSON.stringify(log)}, url + '\\n')
      return next(url, context)
    }`
  register(`data:text/javascript,${encodeURIComponent(hook)}`)
  const required = createRequire(import.meta.url).cache
  process.on('exit', () => {
    const files = Object.keys(required).map(f => `file://${f}\n`)
    appendFileSync(log, files.join(''))
  })
}
