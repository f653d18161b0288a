// The few GitHub REST calls imagegraph makes, behind one interface. Tests answer them with a local
// HTTP server in GitHub's response shapes (GITHUB_API_URL points the client at it).
// @actions/github is loaded only when a client is made: loading it parses GITHUB_EVENT_PATH and
// throws a raw stack trace on a malformed payload, which src/event.ts reports first, in one line.
import type * as github from '@actions/github'
import type { GitHubApi, PullRequestRef } from './ports.js'

/** Who comments with the job's own token (GITHUB_TOKEN). */
export const JOB_TOKEN_LOGIN = 'github-actions[bot]'

export class OctokitGitHub implements GitHubApi {
  private readonly octokit: ReturnType<typeof github.getOctokit>

  private constructor(octokit: ReturnType<typeof github.getOctokit>) {
    this.octokit = octokit
  }

  static async create(token: string): Promise<OctokitGitHub> {
    const { getOctokit } = await import('@actions/github')
    return new OctokitGitHub(getOctokit(token))
  }

  /**
   * The login that comments written with this token carry; undefined when it cannot be known.
   * The job's own token is an installation token, which GitHub refuses `GET /user` (403).
   */
  private async tokenLogin(): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.users.getAuthenticated()
      return typeof data.login === 'string' ? data.login : undefined
    } catch (e) {
      if (httpStatus(e) === 403) return JOB_TOKEN_LOGIN
      return undefined
    }
  }

  async upsertComment(
    pr: PullRequestRef,
    marker: string,
    body: string
  ): Promise<'created' | 'updated'> {
    // Only our own comment is edited: anyone can write the marker into theirs, and editing it
    // would put our plan under their name (and let them change it). Unsure whose we are: a new one.
    const login = await this.tokenLogin()
    const params = { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 }
    let existing: number | undefined
    if (login !== undefined) {
      for await (const page of this.octokit.paginate.iterator(
        this.octokit.rest.issues.listComments,
        params
      )) {
        const found = page.data.find(
          c => c.user?.login === login && typeof c.body === 'string' && c.body.startsWith(marker)
        )
        if (found) {
          existing = found.id
          break
        }
      }
    }
    if (existing !== undefined) {
      await this.octokit.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: existing,
        body
      })
      return 'updated'
    }
    await this.octokit.rest.issues.createComment({
      owner: pr.owner,
      repo: pr.repo,
      issue_number: pr.number,
      body
    })
    return 'created'
  }
}

/** The HTTP status of an Octokit error, if it has one. */
export function httpStatus(e: unknown): number | undefined {
  const status = (e as { status?: unknown })?.status
  return typeof status === 'number' ? status : undefined
}
