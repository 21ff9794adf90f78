// The portal's own API. Every call answers a Result, never throws: a missing endpoint (404/405/501) is
// "not available yet" for the view to say so, any other failure is a load error with its status.
// The shapes of the answers are the contract's (openapi/portal.yaml), generated into src/generated/api.d.ts at
// build time (tools/api-types): a field renamed or removed there fails the type check of every page that reads it.
import type { components } from './generated/api';

type Schemas = components['schemas'];

export type Result<T> =
  | { ok: true; data: T }
  | { ok: false; missing: boolean; status: number; detail: string | null };

const inFlight = new Map<string, Promise<Result<unknown>>>();

/** GET a JSON document from the portal (same origin); identical concurrent requests are shared. */
export function getJson<T>(path: string): Promise<Result<T>> {
  let pending = inFlight.get(path);
  if (!pending) {
    pending = fetchJson(path).finally(() => inFlight.delete(path));
    inFlight.set(path, pending);
  }
  return pending as Promise<Result<T>>;
}

async function fetchJson(path: string): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    return { ok: false, missing: false, status: 0, detail: null };
  }
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    const detail = problem && typeof problem.detail === 'string' ? problem.detail : null;
    return { ok: false, missing: isMissing(response.status), status: response.status, detail };
  }
  if (!type.includes('json')) {
    // an HTML page where JSON was expected means the route does not exist here
    return { ok: false, missing: true, status: response.status, detail: null };
  }
  try {
    return { ok: true, data: await response.json() };
  } catch {
    return { ok: false, missing: false, status: response.status, detail: null };
  }
}

function isMissing(status: number): boolean {
  return status === 404 || status === 405 || status === 501;
}

export function query(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

// The answers the site reads, named after the contract's schemas.

/** dataset, dataVersion, asOf and licence: what every answer starts with, and what the data stamp shows. */
export type Envelope = Schemas['Envelope'];
/** The envelope of the database-backed answers (searches and records): the same members and the paging links. */
export type ListEnvelope = Schemas['ListEnvelope'];
export type Licence = Schemas['Licence'];
export type SiteConfig = Schemas['SiteConfig'];

export type Summary = Schemas['Summary'];
/** The figures of a summary, also the `summary` of a region's profile. */
export type SummaryBody = Schemas['Figures'];
export type RegionRef = NonNullable<Schemas['RegionRef']>;
export type RegionItem = Schemas['RegionItem'];
export type RegionList = Schemas['RegionList'];
export type RegionProfile = Schemas['RegionProfile'];
export type ChildRegion = Schemas['ChildRegion'];
export type Progress = Schemas['Progress'];
export type ProgressItem = Progress['items'][number];
export type Spending = Schemas['Spending'];
export type SpendingItem = Spending['items'][number];

export type Activity = Schemas['Activity'];
export type ActivityList = Schemas['ActivityList'];
export type ActivityItem = Schemas['ActivityItem'];
export type SlumArea = Schemas['SlumArea'];
export type SlumAreaList = Schemas['SlumAreaList'];
/** One slum area's answer: the area, its decree, its assessments and (with explain=true) why it has its level. */
export type SlumAreaItem = Schemas['SlumAreaItem'];
export type SlumExplanation = Schemas['SlumExplanation'];
export type Assessment = Schemas['Assessment'];
export type Decree = Schemas['Decree'];

export type DatasetList = Schemas['DatasetList'];
export type Dataset = Schemas['DatasetDescription'];
export type DatasetDownload = Schemas['DatasetDownload'];
export type CheckList = Schemas['CheckList'];
export type Check = Schemas['CheckSummary'];
export type Changes = Schemas['Changes'];
export type Batch = Schemas['Batch'];
export type TileJson = Schemas['TileJson'];
