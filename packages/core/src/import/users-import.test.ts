import type { TestDatabase } from "@opsdeck/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTeams } from "../services/teams.ts";
import { createMember, findMemberByEmail, listMembers } from "../services/users.ts";
import { createCoreTestDatabase, createTestOrganization, type TestOrganization } from "../testing.ts";
import { importCsv } from "./import-csv.ts";
import { snapshotDatabase } from "./test-snapshot.ts";

let test: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  test = await createCoreTestDatabase();
  org = await createTestOrganization(test);
  other = await createTestOrganization(test);
  await createMember(other.ctx, { email: "shared@people.test", name: "Shared Person", role: "admin" });
});

afterAll(async () => {
  await test.destroy();
});

const team = `email,name,role,team,manager_email,title,start_date
Ava@People.test,Ava Lead,manager,West,boss@people.test,Team lead,2023-01-09
ben@people.test,Ben Rep,rep,West,ava@people.test,AE,3/1/2024
boss@people.test,Big Boss,admin,,,VP Sales,
shared@people.test,Renamed Elsewhere,new_hire,East,ben@people.test,SDR,2024-06-01
`;

describe("importCsv users", () => {
  it("creates users, memberships and teams; managers may come later in the file", async () => {
    const result = await importCsv(org.ctx, { entity: "users", input: team, batchSize: 2 });
    expect(result).toMatchObject({ committed: true, created: 4, updated: 0, unchanged: 0, errors: [] });
    const ava = await findMemberByEmail(org.ctx, "ava@people.test");
    const ben = await findMemberByEmail(org.ctx, "ben@people.test");
    const boss = await findMemberByEmail(org.ctx, "boss@people.test");
    const shared = await findMemberByEmail(org.ctx, "shared@people.test");
    expect(ava).toMatchObject({ email: "ava@people.test", name: "Ava Lead", role: "manager", teamName: "West", managerUserId: boss!.userId, startDate: "2023-01-09" });
    expect(ben).toMatchObject({ role: "rep", managerUserId: ava!.userId, startDate: "2024-03-01", title: "AE" });
    expect(shared).toMatchObject({ role: "new_hire", teamName: "East", managerUserId: ben!.userId });
    // A person who also belongs to another organization keeps the name they have there.
    expect(shared!.name).toBe("Shared Person");
    expect((await listTeams(org.ctx)).map((t) => t.name).sort()).toEqual(["East", "West"]);
    expect((await listMembers(other.ctx)).map((m) => m.email)).not.toContain("ava@people.test");
  });

  it("is idempotent by email, and reports a changed member as updated", async () => {
    const again = await importCsv(org.ctx, { entity: "users", input: team });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = await importCsv(org.ctx, {
      entity: "users",
      input: "Email,Full Name,Role\nben@people.test,Ben Rep,manager\nava@people.test,Ava L.,manager\n",
    });
    expect(changed).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    expect(await findMemberByEmail(org.ctx, "ben@people.test")).toMatchObject({ role: "manager", teamName: "West" });
    expect(await findMemberByEmail(org.ctx, "ava@people.test")).toMatchObject({ name: "Ava L." });
  });

  it("names bad rows: unknown role, bad email, unknown manager, self-management", async () => {
    const before = await snapshotDatabase(test.db);
    const result = await importCsv(org.ctx, {
      entity: "users",
      input: `email,name,role,manager_email
cy@people.test,Cy,emperor,
not-an-email,Dee,rep,
eve@people.test,Eve,rep,ghost@people.test
fay@people.test,Fay,rep,fay@people.test
`,
    });
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [1, "role", "emperor"],
      [2, "email", "not-an-email"],
      [3, "manager_email", "ghost@people.test"],
      [4, "manager_email", "fay@people.test"],
    ]);
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });

  it("refuses to leave the organization without an owner", async () => {
    const before = await snapshotDatabase(test.db);
    const run = importCsv(org.ctx, { entity: "users", input: `email,role\n${org.owner.email},rep\n` });
    await expect(run).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await snapshotDatabase(test.db)).toEqual(before);
  });
});
