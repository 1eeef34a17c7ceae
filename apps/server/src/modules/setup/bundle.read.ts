/**
 * Reads a bundle directory and checks every file's shape, collecting all problems with the file,
 * line and field they concern. Nothing is written here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '@motcua/domain';
import { AgencyBundle, UserBundle, type AgencyBundleEntry, type UserBundleEntry } from './bundle.schemas.ts';

export interface Bundle {
  dir: string;
  agencies: AgencyBundleEntry[];
  users: UserBundleEntry[];
  /** Raw JSON of the files later features validate themselves (procedures, holidays). */
  raw: {
    procedures?: { value: unknown; text: string }; holidays?: { value: unknown; text: string }; eforms?: { value: unknown; text: string };
    searchTerms?: { value: unknown; text: string };
  };
  /** `fileName` and a JSON path → "file:line" for messages. */
  locate: (file: string, jsonPath: Array<string | number>) => string;
}

const files = {
  agencies: 'agencies.json', procedures: 'procedures.json', holidays: 'holidays.json', users: 'users.json', eforms: 'eforms.json',
  searchTerms: 'search-terms.json',
} as const;

export function readBundle(dir: string): Bundle {
  const issues: FieldIssue[] = [];
  const texts = new Map<string, string>();
  const values = new Map<string, unknown>();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw bundleError([{ path: dir, message: 'not a directory' }]);
  }
  for (const [key, name] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) {
      if (key === 'agencies' || key === 'procedures') issues.push({ path: name, message: 'file missing' });
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    texts.set(name, text);
    try {
      values.set(name, JSON.parse(text));
    } catch (error) {
      issues.push({ path: `${name}:${jsonErrorLocation(text, error as Error)}`, message: `malformed JSON: ${(error as Error).message}` });
    }
  }
  const locate = (file: string, jsonPath: Array<string | number>) => {
    const text = texts.get(file);
    const line = text ? lineOfJsonPath(text, jsonPath) : undefined;
    return `${file}${line ? `:${line}` : ''} ${formatPath(jsonPath)}`.trim();
  };
  const parse = <T extends z.ZodType>(name: string, schema: T): z.infer<T> | [] => {
    if (!values.has(name)) return [];
    const result = schema.safeParse(values.get(name));
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      issues.push({ path: locate(name, issue.path as Array<string | number>), message: issue.message });
    }
    return [];
  };
  const agencies = parse(files.agencies, AgencyBundle) as AgencyBundleEntry[];
  const users = parse(files.users, UserBundle) as UserBundleEntry[];
  if (issues.length) throw bundleError(issues);
  const raw: Bundle['raw'] = {};
  if (values.has(files.procedures)) raw.procedures = { value: values.get(files.procedures), text: texts.get(files.procedures)! };
  if (values.has(files.holidays)) raw.holidays = { value: values.get(files.holidays), text: texts.get(files.holidays)! };
  if (values.has(files.eforms)) raw.eforms = { value: values.get(files.eforms), text: texts.get(files.eforms)! };
  if (values.has(files.searchTerms)) raw.searchTerms = { value: values.get(files.searchTerms), text: texts.get(files.searchTerms)! };
  return { dir, agencies, users, raw, locate };
}

export function bundleError(issues: FieldIssue[]): AppError {
  return new AppError('bundle.invalid', {
    messages: { vi: 'Gói cấu hình không hợp lệ, không có thay đổi nào được lưu', en: 'The configuration bundle is invalid; nothing was changed' },
    issues,
  });
}

function formatPath(p: Array<string | number>): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** "line L, column C" of a JSON.parse error, from the position Node reports. */
export function jsonErrorLocation(text: string, error: Error): string {
  const m = /position (\d+)/.exec(error.message);
  const pos = m ? Number(m[1]) : text.length;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/**
 * The line where the value at `jsonPath` starts, found by a small scanner over the text (JSON.parse
 * keeps no positions). Good enough for arrays of objects, which is what bundles are.
 */
export function lineOfJsonPath(text: string, jsonPath: Array<string | number>): number | undefined {
  let i = 0;
  let line = 1;
  const skipWs = () => {
    while (i < text.length && /\s/.test(text[i]!)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = (): void => {
    skipWs();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipWs();
      if (text[i] === close) { i++; return; }
      for (;;) {
        if (c === '{') { skipWs(); skipString(); skipWs(); i++; }
        skipValue();
        skipWs();
        if (text[i] === ',') { i++; continue; }
        i++;
        return;
      }
    }
    while (i < text.length && !/[,}\]\s]/.test(text[i]!)) i++;
  };
  for (const key of jsonPath) {
    skipWs();
    const c = text[i];
    if (c === '[' && typeof key === 'number') {
      i++;
      for (let k = 0; k < key; k++) { skipValue(); skipWs(); if (text[i] !== ',') return line; i++; }
      continue;
    }
    if (c === '{' && typeof key === 'string') {
      i++;
      let found = false;
      for (;;) {
        skipWs();
        if (text[i] !== '"') break;
        const start = i;
        skipString();
        const name = JSON.parse(text.slice(start, i)) as string;
        skipWs();
        i++; // colon
        if (name === key) { found = true; break; }
        skipValue();
        skipWs();
        if (text[i] === ',') i++;
      }
      if (!found) return line;
      continue;
    }
    return line;
  }
  skipWs();
  return line;
}
