// The action's entry (dist/index.js). It imports nothing else statically, so the compile cache is
// on before the action's chunks load.
import { enableCompileCache } from './compile-cache.js'

enableCompileCache()
const { run } = await import('./main.js')
await run()
