// The portal's own API. Every call answers a Result, never throws: a missing endpoint (404/405/501) is
// "not available yet" for the view to say so, any other failure is a load error with its status.

export interface Envelope {
  dataset?: string;
  dataVersion?: number;
  asOf?: string;
}

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

// Shapes of docs/api-v1-aggregates.md. Every member is optional where an older server may not send it.

export interface RegionRef {
  code: string;
  name: string;
  level: number;
  type?: string;
}

export interface SummaryBody {
  region?: RegionRef | null;
  year?: number | null;
  hasData?: boolean;
  slum?: {
    areas?: number;
    baselineHa?: number | null;
    currentHa?: number | null;
    officialReducedHa?: number | null;
    officialReducedPct?: number | null;
    weightedReducedHa?: number | null;
    areasByLevel?: Record<string, number>;
  } | null;
  access?: { year?: number; safeWaterPct?: number | null; sanitationPct?: number | null } | null;
  money?: {
    plannedIdr?: number | null;
    disbursedIdr?: number | null;
    disbursementRate?: number | null;
    activityBudgetIdr?: number | null;
    bySource?: { source: string; budgetIdr: number | null }[];
  } | null;
  activities?: {
    total?: number | null;
    byStatus?: Record<string, number>;
    byType?: { type: string; count: number | null; budgetIdr: number | null }[];
  } | null;
  labour?: { workers?: number | null; wagesIdr?: number | null } | null;
  series?: { year: number; plannedIdr?: number | null; disbursedIdr?: number | null; activities?: number | null; completed?: number | null }[];
}

export type Summary = Envelope & SummaryBody;

export interface RegionItem {
  code: string;
  name: string;
  level: number;
  type?: string;
  parent?: string | null;
  parentName?: string | null;
  hasData?: boolean;
  lon?: number | null;
  lat?: number | null;
}

export interface ChildRegion extends RegionItem {
  slumReducedHa?: number | null;
  slumReducedPct?: number | null;
  plannedIdr?: number | null;
  disbursedIdr?: number | null;
  disbursementRate?: number | null;
  activities?: number | null;
}

export interface RegionProfile extends Envelope {
  region: RegionItem & { path?: RegionRef[] };
  summary?: SummaryBody;
  children?: ChildRegion[];
  ranking?: { among: string; metric: string; position: number | null; of: number } | null;
  links?: Record<string, string>;
}

export interface ProgressItem {
  code: string;
  name: string;
  value: number | null;
  hasData?: boolean;
  lon?: number | null;
  lat?: number | null;
}

export interface Progress extends Envelope {
  level: number;
  parent: string | null;
  year: number | null;
  metric: string;
  unit: string;
  /** [west, south, east, north] of the parent and the listed regions, null when none is located */
  bbox?: [number, number, number, number] | null;
  items: ProgressItem[];
}

export interface Activity {
  id: string;
  village?: string;
  villageCode?: string;
  villageName?: string | null;
  regencyCode?: string;
  regencyName?: string | null;
  slumAreaId?: string | null;
  allocationId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  beneficiaryPeople?: number | null;
  labourWorkers?: number | null;
  labourWagesIdr?: number | null;
  fiscalYear?: number;
  type?: string;
  name?: string;
  status?: string;
  physicalProgress?: number | null;
  budgetIdr?: number | null;
  disbursedIdr?: number | null;
  outputVolume?: number | null;
  outputUnit?: string | null;
  lon?: number | null;
  lat?: number | null;
}

export interface Page<T> extends Envelope {
  items: T[];
  links?: { next?: string | null };
}
