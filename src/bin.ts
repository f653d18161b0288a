// The `imagegraph` command (dist/cli.js). It imports nothing else statically: the compile cache is
// on before the CLI's chunks load, and each command loads only the chunks it needs (src/cli.ts).
import { enableCompileCache } from './compile-cache.js'

enableCompileCache()
const { main } = await import('./cli.js')
await main()
