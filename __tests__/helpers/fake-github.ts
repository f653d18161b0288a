// A FAKE of the GitHub REST API's issue-comment endpoints: the real API cannot run here, so this
// local server (node:http on 127.0.0.1, a free port) answers the calls imagegraph makes in GitHub's
// response shapes and records every request. The action finds it through GITHUB_API_URL.
//   GET   /repos/{owner}/{repo}/issues/{number}/comments   list (a JSON array, one page)
//   POST  /repos/{owner}/{repo}/issues/{number}/comments   create (201)
//   PATCH /repos/{owner}/{repo}/issues/comments/{id}       update (200)
//   GET   /user                                            the token's user; for the job's own
//         token (an installation token) GitHub answers 403, so does this for any token not in
//         `users`. Comments are written as the token's user, github-actions[bot] for the rest.
// In 'forbidden' mode every call gets the 403 a pull request from a fork gets.
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: unknown
}

export interface FakeComment {
  id: number
  node_id: string
  url: string
  html_url: string
  issue_url: string
  body: string
  user: { login: string; id: number; type: string }
  created_at: string
  updated_at: string
  author_association: string
}

const API_DOCS = 'https://docs.github.com/rest/issues/comments'

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  /** Comments by `owner/repo#number`. */
  readonly comments = new Map<string, FakeComment[]>()
  mode: 'ok' | 'forbidden' = 'ok'
  /** Personal tokens: token -> its user's login, or 'error' for a /user that fails (500). */
  readonly users = new Map<string, string | 'error'>()
  private nextId = 1_000_001
  private server?: Server

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined
    if (!address) throw new Error('the fake GitHub API is not listening')
    return `http://127.0.0.1:${address.port}`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let body: unknown = undefined
        try {
          body = text ? JSON.parse(text) : undefined
        } catch {
          body = text
        }
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body
        }
        this.requests.push(request)
        const [status, answer] = this.answer(request)
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-github-media-type': 'github.v3; format=json',
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '4999'
        })
        res.end(JSON.stringify(answer))
      })
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject)
      this.server!.listen(0, '127.0.0.1', () => resolve())
    })
    return this
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server) await new Promise<void>(resolve => server.close(() => resolve()))
  }

  /** Forget requests and comments between tests. */
  reset(mode: 'ok' | 'forbidden' = 'ok'): void {
    this.requests.length = 0
    this.comments.clear()
    this.users.clear()
    this.mode = mode
  }

  /** A comment someone else wrote, as the list already holds it. */
  addComment(owner: string, repo: string, number: number, body: string, login = 'octocat'): void {
    const key = `${owner}/${repo}#${number}`
    const id = this.nextId++
    const comment: FakeComment = {
      id,
      node_id: `IC_kwDOK9ZkEM${id}`,
      url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
      issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${number}`,
      body,
      user: { login, id: 583231, type: 'User' },
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      author_association: 'MEMBER'
    }
    this.comments.set(key, [...(this.comments.get(key) ?? []), comment])
  }

  /** Every comment on a pull request, oldest first. */
  commentsOn(owner: string, repo: string, number: number): FakeComment[] {
    return this.comments.get(`${owner}/${repo}#${number}`) ?? []
  }

  private answer(r: RecordedRequest): [number, unknown] {
    if (this.mode === 'forbidden')
      return [
        403,
        { message: 'Resource not accessible by integration', documentation_url: API_DOCS }
      ]
    const url = new URL(r.path, 'http://fake')
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    const text = (r.body as { body?: unknown } | undefined)?.body
    const token = /^(?:token|bearer) (.+)$/i.exec(r.headers.authorization ?? '')?.[1] ?? ''
    const user = this.users.get(token)
    if (url.pathname === '/user' && r.method === 'GET') {
      if (user === 'error') return [500, { message: 'Server Error' }]
      if (user === undefined)
        return [
          403,
          {
            message: 'Resource not accessible by integration',
            documentation_url:
              'https://docs.github.com/rest/users/users#get-the-authenticated-user',
            status: '403'
          }
        ]
      return [200, { login: user, id: 1_234_567, type: 'User', site_admin: false }]
    }
    if (list && r.method === 'GET') {
      const [, owner, repo, number] = list
      return [200, this.commentsOn(owner, repo, Number(number))]
    }
    if (list && r.method === 'POST') {
      if (typeof text !== 'string')
        return [
          422,
          { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: API_DOCS }
        ]
      const [, owner, repo, number] = list
      const id = this.nextId++
      const now = new Date().toISOString()
      const comment: FakeComment = {
        id,
        node_id: `IC_kwDOK9ZkEM${id}`,
        url: `https://api.github.com/repos/${owner}/${repo}/issues/comments/${id}`,
        html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${id}`,
        issue_url: `https://api.github.com/repos/${owner}/${repo}/issues/${number}`,
        body: text,
        user:
          user === undefined || user === 'error'
            ? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }
            : { login: user, id: 1_234_567, type: 'User' },
        created_at: now,
        updated_at: now,
        author_association: 'NONE'
      }
      const key = `${owner}/${repo}#${number}`
      this.comments.set(key, [...(this.comments.get(key) ?? []), comment])
      return [201, comment]
    }
    if (one && r.method === 'PATCH') {
      const id = Number(one[3])
      const comment = [...this.comments.values()].flat().find(c => c.id === id)
      if (!comment) return [404, { message: 'Not Found', documentation_url: API_DOCS }]
      if (typeof text !== 'string')
        return [
          422,
          { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: API_DOCS }
        ]
      comment.body = text
      comment.updated_at = new Date().toISOString()
      return [200, comment]
    }
    return [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }]
  }
}
