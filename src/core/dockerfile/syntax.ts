// The `# syntax=` directive picks the program that reads the Dockerfile. Only Docker's own
// Dockerfile frontend reads it the way this reader does; any other one may read the context
// differently, so it makes the whole context the input.

const DOCKER_FRONTEND =
  /^(?:(?:docker\.io|index\.docker\.io)\/)?docker\/dockerfile(?::\d+(?:\.\d+){0,2}(?:-labs)?)?(?:@sha256:[0-9a-f]{64})?$/

/** Whether `ref` (a `# syntax=` value) names Docker's own Dockerfile frontend. */
export function isDockerFrontend(ref: string): boolean {
  return DOCKER_FRONTEND.test(ref.trim())
}
