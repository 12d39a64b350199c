/**
 * Organisations as the API shows them: part of the contract the client imports (src/contract).
 * Pure (no entity): `Date` fields travel as ISO strings; the client reads them through `Json<…>`.
 */
export const ORGANISATION_KINDS = ['cluster_association', 'agency', 'academia', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** `GET /organisations` and friends return the row as it is: every column is public. */
export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  shortName: string;
  sector: string | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
}
