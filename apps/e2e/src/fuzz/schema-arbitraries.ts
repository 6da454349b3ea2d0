import fc from 'fast-check';

/**
 * fast-check arbitraries built from the JSON schemas of the gateway's OpenAPI description (what zod's
 * toJSONSchema emits): values that fit the schema, values at and just past its bounds, and hostile values
 * (wrong types, huge strings, deep nesting, `__proto__` keys, odd unicode, missing and extra fields).
 */
export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
};

const MAX_DEPTH = 4;

const nest = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
};

/** Strings that break naive handling: odd unicode, control characters, path and injection shapes, sizes. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\ud800',
      '\udfff\ud800',
      '\u202e\u0645\u0631\u062d\u0628\u0627',
      '𝕏'.repeat(50),
      'é́́́́́́',
      '../../etc/passwd',
      "' OR 1=1 --",
      '%00',
      '${jndi:ldap://x}',
      '__proto__',
      'constructor',
      'null',
      'NaN',
      '-1',
      '1e309',
      '9'.repeat(40),
      '2026-02-30',
      '2026-13-01T25:61:00Z',
      '0000-00-00',
      '<script>alert(1)</script>',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 256, max: 70_000 }).map((n) => 'a'.repeat(n)),
  );

const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileString(),
    fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}, [null], { __proto__: { admin: true } }),
    fc.constantFrom(50, 2_000, 20_000).map((depth) => nest(depth)),
    fc.jsonValue({ maxDepth: 3 }),
  );

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 200));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    default:
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // an unsupported pattern: fall through to plain strings
    }
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberFor(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
  const lo = Math.max(min, -1_000_000_000);
  const hi = Math.min(max, 1_000_000_000);
  return integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.max(lo, hi)) }) : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
}

/** A value meant to fit `schema`. */
export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1);
  const types = typesOf(schema);
  if (!types.length) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringFor(schema);
        case 'integer':
          return numberFor(schema, true);
        case 'number':
          return numberFor(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return fc.array(validValue(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 5)) });
        case 'object': {
          const properties = schema.properties ?? {};
          const required = new Set(schema.required ?? []);
          const record: Record<string, fc.Arbitrary<unknown>> = {};
          for (const [name, property] of Object.entries(properties)) record[name] = validValue(property, depth + 1);
          return fc.record(record, { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) });
        }
        default:
          return fc.constant(null);
      }
    }),
  );
}

/** A value at or just past one of the bounds of `schema` (lengths, ranges, item counts). */
export function boundaryValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue();
  const options: unknown[] = [];
  const types = typesOf(schema);
  if (types.includes('string')) {
    const min = schema.minLength ?? 0;
    options.push('x'.repeat(min), min > 0 ? 'x'.repeat(min - 1) : '');
    if (schema.maxLength !== undefined) options.push('x'.repeat(schema.maxLength), 'x'.repeat(schema.maxLength + 1), 'é'.repeat(schema.maxLength), '😀'.repeat(schema.maxLength));
  }
  if (types.includes('integer') || types.includes('number')) {
    for (const bound of [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum]) if (bound !== undefined) options.push(bound, bound - 1, bound + 1);
    options.push(0, -1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 0.5);
  }
  if (types.includes('array')) {
    options.push([]);
    if (schema.maxItems !== undefined) options.push(Array.from({ length: schema.maxItems + 1 }, () => null));
    options.push(Array.from({ length: 10_000 }, () => 1));
  }
  if (schema.enum) options.push(`${String(schema.enum[0])} `, String(schema.enum[0]).toUpperCase());
  return options.length ? fc.constantFrom(...options) : hostileValue();
}

/** One mutation of an object that fits the schema: a field removed, retyped, made huge, or an extra or `__proto__` key. */
export function invalidBody(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const properties = schema?.properties ?? {};
  const names = Object.keys(properties);
  const base = validValue(schema);
  const whole = fc.oneof(
    hostileValue(),
    fc.constantFrom('__RAW__{', '__RAW__{"a":', '__RAW__', '__RAW__nul', '__RAW__{"__proto__":{"polluted":1}}', '__RAW__{"a":1,"a":2}', '__RAW__\ufeff{}', '__RAW__[' .repeat(1) + '['.repeat(5000)),
  );
  if (!names.length) return whole;
  const mutated = fc.tuple(base, fc.constantFrom(...names), fc.nat(5), hostileValue()).map(([value, name, how, junk]) => {
    const object: Record<string, unknown> = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
    switch (how) {
      case 0:
        delete object[name];
        break;
      case 1:
        object[name] = junk;
        break;
      case 2:
        object[`extra_${name}`] = junk;
        break;
      case 3:
        return `__RAW__${JSON.stringify(object).replace(/^\{/, '{"__proto__":{"isAdmin":true},')}`;
      case 4:
        object[name] = 'z'.repeat(100_000);
        break;
      default:
        object[name] = nest(5_000);
    }
    return object;
  });
  const boundary = fc.tuple(base, fc.constantFrom(...names)).chain(([value, name]) =>
    boundaryValue(properties[name]).map((edge) => ({ ...(value && typeof value === 'object' ? (value as object) : {}), [name]: edge })),
  );
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: boundary, weight: 3 }, { arbitrary: whole, weight: 2 });
}
