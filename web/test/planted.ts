/** What the global setup planted in the hub, handed to the tests through the environment. */
export interface Planted {
  /** The gateway's origin: the page is at `${origin}/app/`. */
  origin: string;
  /** POST `${control}/down/<subgraph>` and `/up/<subgraph>`: a department's server stops and comes back. */
  control: string;
  county: string;
  township: string;
  village: string;
  gapped: { id: string; number: string; members: { id: string; name: string; idNumber: string }[] };
  eligible: { id: string; number: string };
  away: { id: string; number: string };
}

export const planted = (): Planted => JSON.parse(process.env.FUPIN_WEB_PLANTED ?? 'null') as Planted;
