/** The roles of an organization, in order of power, with the names people read. */
export const ROLE_OPTIONS = [
  { value: "owner", label: "Owner" },
  { value: "admin", label: "Admin" },
  { value: "ops", label: "Sales Ops" },
  { value: "manager", label: "Manager" },
  { value: "rep", label: "Rep" },
  { value: "new_hire", label: "New hire" },
] as const;

export type RoleId = (typeof ROLE_OPTIONS)[number]["value"];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
}
