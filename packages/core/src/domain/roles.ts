import { ROLES } from "../schema/tables.ts";

export { ROLES };
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  ops: "Sales Ops",
  manager: "Manager",
  rep: "Rep",
  new_hire: "New hire",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
