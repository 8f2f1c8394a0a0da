// The values each file must give (core's reader roles) and which of the file's columns gives each: the one the user
// chose, or the one core's accepted names find. Unfound required values are said before anything is read.

import { resolveHeader, type ColumnMapping, type FieldRole } from '../../../core/engine/usage/column-mapping';

export interface RoleColumn {
  key: string;
  label: string;
  required: boolean;
  /** The column the reader will take: chosen or found by name; null when none. */
  column: string | null;
  chosen: boolean;
  acceptedNames: readonly string[];
}

export function roleColumns<Key extends string>(roles: readonly FieldRole<Key>[], columns: readonly string[], mapping: ColumnMapping<Key>): RoleColumn[] {
  const resolution = resolveHeader(columns, roles, mapping);
  return roles.map((role, index) => {
    const found = resolution.columnOf[index];
    return {
      key: role.key,
      label: role.label,
      required: role.required,
      column: found >= 0 ? columns[found] : null,
      chosen: mapping[role.key] !== undefined,
      acceptedNames: role.names,
    };
  });
}

/** One sentence per required value no column gives, or an empty list. */
export function missingRoles(roles: readonly RoleColumn[], fileName: string): string[] {
  return roles
    .filter((role) => role.required && role.column === null)
    .map((role) => `${fileName} has no column for the ${role.label}: choose one below (accepted names: ${role.acceptedNames.join(', ')}).`);
}
