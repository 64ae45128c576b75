// The import wizard's API: the server's upload / preview / start routes (apps/server/src/http/imports.ts).
import type { FieldSpec, ImportEntity, ImportMappingInput, ImportMode, ImportResult, PreviewResult } from "@opsdeck/core";
import { ApiError } from "../../../../lib/http.ts";
import type { CoreOutputs } from "../../../../lib/trpc.ts";

export type { FieldSpec, ImportEntity, ImportMappingInput, ImportMode, ImportResult, PreviewResult };
export type JobRow = CoreOutputs["jobs"]["get"];

/** What can be imported, in the order people usually import it (accounts before their contacts). */
export const IMPORTABLE: readonly { entity: ImportEntity; label: string }[] = [
  { entity: "accounts", label: "Accounts" },
  { entity: "contacts", label: "Contacts" },
  { entity: "leads", label: "Leads" },
  { entity: "opportunities", label: "Opportunities" },
  { entity: "activities", label: "Activities" },
  { entity: "users", label: "Users" },
];

/**
 * The fields a column can be mapped to: the upload answer's `fields` (the entity's IMPORT_FIELDS) when the
 * server sends them, else the fields its preview names (the suggested mapping and the missing required ones).
 */
export function importFields(upload: Upload): FieldSpec[] {
  if (upload.fields?.length) return upload.fields;
  const { preview } = upload;
  const names = new Set([...Object.values(preview.suggestedMapping.columns), ...Object.values(preview.mapping.columns), ...preview.missingFields]);
  return [...names]
    .filter((n): n is string => Boolean(n))
    .map((name) => ({ name, type: "text", required: preview.missingFields.includes(name), aliases: [], description: "" }));
}

async function postJson<T>(url: string, body: BodyInit, contentType: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: "POST", headers: { "content-type": contentType }, body, credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "NETWORK", "The request could not be sent. Check your connection and try again.");
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: { code?: string; message?: string } }) | null;
  if (!res.ok || !json) throw new ApiError(res.status, json?.error?.code ?? `HTTP_${res.status}`, json?.error?.message ?? `The server answered ${res.status}.`);
  return json;
}

/** What `POST /api/imports/upload` answers: the stored file's id and a first preview with the suggested (or remembered) mapping. */
export interface Upload {
  uploadId: string;
  fileName: string;
  bytes: number;
  preview: PreviewResult;
  /** The entity's fields, when the server sends them (else see `importFields`). */
  fields?: FieldSpec[];
}

/** `POST /api/imports/upload?entity=&name=` with the file as the body: stores it and previews its first rows. */
export function uploadImport(input: { entity: ImportEntity; file: Blob; fileName: string }): Promise<Upload> {
  const query = new URLSearchParams({ entity: input.entity, name: input.fileName });
  return postJson<Upload>(`/api/imports/upload?${query}`, input.file, "text/csv");
}

/** `POST /api/imports/preview`: the first rows checked with a mapping. */
export function previewImport(input: { uploadId: string; entity: ImportEntity; mapping?: ImportMappingInput }): Promise<PreviewResult> {
  return postJson<PreviewResult>("/api/imports/preview", JSON.stringify(input), "application/json");
}

/** `POST /api/imports/start?name=`: queues the import as a `core.import` job and remembers the mapping for these headers. */
export async function startImport(input: { uploadId: string; entity: ImportEntity; mapping: ImportMappingInput; mode: ImportMode; fileName: string }): Promise<JobRow> {
  const { fileName, ...body } = input;
  const answer = await postJson<{ job: JobRow }>(`/api/imports/start?${new URLSearchParams({ name: fileName })}`, JSON.stringify({ ...body, remember: true }), "application/json");
  return answer.job;
}
