import type { PublicSolicitation, Solicitation } from '@qinlian/contracts';
import { solicitationOpen } from './demand-intake.service.ts';
import type { SolicitationRow } from './demands.repo.ts';

/** The campaign's public page, where its QR poster leads (web: PUBLIC_BASE /p). */
export const solicitationPublicPath = (code: string) => `/p/s/${code}`;

/** Kept as a JSON array of names. */
export const categoriesOf = (row: Pick<SolicitationRow, 'categories'>): string[] => JSON.parse(row.categories) as string[];

export function presentSolicitation(row: SolicitationRow, submissions: number, now: Date): Solicitation {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    categories: categoriesOf(row),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    open: solicitationOpen(row, now),
    publicPath: solicitationPublicPath(row.code),
    submissions,
    version: row.version,
  };
}

/** What anyone with the code reads: what it asks, until when, and whether it takes suggestions now. */
export function presentPublicSolicitation(row: SolicitationRow, now: Date): PublicSolicitation {
  return {
    code: row.code,
    title: row.title,
    description: row.description,
    categories: categoriesOf(row),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    open: solicitationOpen(row, now),
  };
}
