// What every page module gets from the shell, and what it gives back.
import type { Envelope } from './api';

export interface PageContext {
  /** path parameters, e.g. the region code of /wilayah/{code} */
  params: Record<string, string>;
  /** the query string of the current URL */
  search: string;
  navigate: (path: string, options?: { replace?: boolean }) => void;
  /** replaces the URL (query) without re-rendering, for state kept in the URL */
  replaceUrl: (pathAndQuery: string) => void;
  /** shows the data version and as-of date of what the page displays */
  setEnvelope: (envelope: Envelope) => void;
  setTitle: (title: string) => void;
}

export type Cleanup = () => void;

// biome-ignore lint/suspicious/noConfusingVoidType: a page that needs no cleanup returns nothing (an async render is Promise<void>)
export type PageRender = (main: HTMLElement, context: PageContext) => Promise<Cleanup | void> | Cleanup | void;
