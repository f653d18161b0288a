import nodeModule from 'node:module';

// Node >= 22.1 keeps V8's compiled code of the modules it loads in a cache directory (by default
// under os.tmpdir()), so a later start skips parsing and compiling the bundle. Only what is loaded
// after the call is cached, so each entry point calls this before importing anything else. Node 20
// has no such function: then nothing changes. The cache is a speed-up only: enableCompileCache
// reports a directory it cannot use in its result (it does not throw), and a throw is ignored too.
/** Turns Node's module compile cache on where the runtime has it; the status, or undefined. */
function enableCompileCache() {
    const enable = nodeModule.enableCompileCache;
    if (typeof enable !== 'function')
        return undefined;
    try {
        return enable();
    }
    catch {
        return undefined;
    }
}

// The action's entry (dist/index.js). It imports nothing else statically, so the compile cache is
// on before the action's chunks load.
enableCompileCache();
const { run } = await import('./index-main.js').then(function (n) { return n.R; });
await run();
