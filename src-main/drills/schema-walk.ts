// Walks the scenario schema along a path of the parsed data, so that a problem can say which
// fields or values were expected there. Reads zod's own definitions (`_zod.def`), nothing else.
import type { z } from 'zod';
import type { Path } from './problems';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  in?: z.ZodType;
  values?: unknown[];
};

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** Past optional, default, lazy and pipe wrappers to the schema that decides. */
function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = def(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable') && d.innerType) s = d.innerType;
    else if (d.type === 'lazy' && d.getter) s = d.getter();
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
  }
}

/** For a union of mappings, the option with a field the value has (a non-literal one first). */
function option(s: z.ZodType, value: unknown): z.ZodType | undefined {
  const d = def(s);
  if (d.type !== 'union' || !d.options) return s;
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  const options = d.options.map(unwrap);
  const has = (o: z.ZodType, literal: boolean) => keys.some((k) => def(o).shape?.[k] !== undefined && (literal || def(def(o).shape![k]!).type !== 'literal'));
  return options.find((o) => has(o, false)) ?? options.find((o) => has(o, true));
}

/** The schema that validates the value at `path` (unions on the way resolved by the data). */
export function schemaAt(schema: z.ZodType, data: unknown, path: Path): z.ZodType | undefined {
  let s: z.ZodType | undefined = unwrap(schema);
  let v = data;
  for (const k of path) {
    s = s && option(s, v);
    if (!s) return undefined;
    const d = def(s);
    const next: z.ZodType | undefined = d.type === 'object' ? d.shape?.[k as string] : d.type === 'array' ? d.element : undefined;
    if (!next) return undefined;
    s = unwrap(next);
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as string] : undefined;
  }
  return s;
}

/** The fields the mapping at `path` may have. */
export function fieldsAt(schema: z.ZodType, data: unknown, path: Path): string[] | null {
  const at = schemaAt(schema, data, path);
  const s = at && option(at, valueAt(data, path));
  const shape = s && def(s).type === 'object' ? def(s).shape : undefined;
  return shape ? Object.keys(shape) : null;
}

/** The keys the options of a union of one-key mappings use (the predicate vocabulary). */
export function optionKeys(schema: z.ZodType, data: unknown, path: Path): string[] {
  const d = def(schemaAt(schema, data, path) ?? schema);
  return [...new Set((d.options ?? []).flatMap((o) => Object.keys(def(unwrap(o)).shape ?? {})))];
}

/** The values a discriminated union's key may take (`on: kill | divergence | …`). */
export function discriminatorValues(schema: z.ZodType, data: unknown, path: Path, key: string): string[] {
  const d = def(schemaAt(schema, data, path) ?? schema);
  return (d.options ?? []).flatMap((o) => {
    const k = def(unwrap(o)).shape?.[key];
    return k ? (def(k).values ?? []).map(String) : [];
  });
}
