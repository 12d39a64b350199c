import type { SearchFilter } from '../search-engine';

/**
 * Meilisearch filter expressions built from typed values. Every string value is quoted, with
 * backslashes and double quotes escaped, so no value can change the expression's meaning
 * (`OR`, quotes, brackets and emoji are just characters inside a string).
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quote).join(', ')}]`;
}

/** Time filters compare epoch milliseconds (Meilisearch filters numbers, not dates). */
export function buildMeiliFilter(filter: SearchFilter): string {
  if (filter.groupIds.length === 0) throw new Error('a search filter needs at least one readable group');
  const parts = ['deleted = false', inList('groupId', filter.groupIds)];
  if (filter.kinds?.length) parts.push(inList('kind', filter.kinds));
  for (const tag of filter.tags ?? []) parts.push(`tags = ${quote(tag)}`);
  if (filter.groupId) parts.push(`groupId = ${quote(filter.groupId)}`);
  if (filter.authorId) parts.push(`authorId = ${quote(filter.authorId)}`);
  if (filter.organisationId) parts.push(`organisationId = ${quote(filter.organisationId)}`);
  if (filter.from) parts.push(`createdAt >= ${filter.from.getTime()}`);
  if (filter.to) parts.push(`createdAt <= ${filter.to.getTime()}`);
  return parts.join(' AND ');
}

/** Meilisearch ids allow only letters, digits, - and _. */
export function documentKey(type: string, id: string): string {
  return `${type}-${id}`;
}
