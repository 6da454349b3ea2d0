/**
 * What must never reach a log line, since logs are read outside every access rule: values from the
 * database (MikroORM/knex put the SQL with its values inlined into error messages, PostgreSQL puts row values into
 * `detail`), concern text, names, phone numbers and emails. Logs keep the shape of what happened (statement,
 * table, constraint, error code), never the values. Applied by `RedactingLogger` to every line and stack trace
 * every deployable writes.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // SQL string literals, as knex inlines bindings into a failed statement ('it''s' included).
  [/'(?:[^'\\]|''|\\.)*'/gs, "'[redacted]'"],
  // Bound parameter lists some drivers append ("params: [...]", "parameters: [...]").
  [/\b(params|parameters|bindings)(["']?\s*[:=]\s*)\[[^\]]*\]/gi, '$1$2[redacted]'],
  // PostgreSQL details: `Key (email)=(x@y) already exists`, `Failing row contains (...)`.
  [/\bKey \(([^)]*)\)=\(.*?\)(?= already exists| is not present| conflicts|\.|$)/gm, 'Key ($1)=([redacted])'],
  [/\bFailing row contains \(.*$/gm, 'Failing row contains ([redacted])'],
  // `invalid input syntax for type uuid: "…"`, `invalid input value for enum topic: "…"`.
  [/(invalid input (?:syntax|value) for (?:type |enum )?[\w ]+): ".*?"/g, '$1: "[redacted]"'],
  // Anything that looks like an email address or an international phone number.
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, '[email]'],
  [/\+\d[\d ()-]{6,}\d/g, '[phone]'],
  // The secret in a calendar feed URL (ADR 37): the URL is the credential.
  [/(\/calendar\/feeds\/)[^/?#\s"']+/g, '$1[secret]'],
];

export function redactLogText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A database error described without its values: class, SQLSTATE, table, constraint, and the redacted message.
 * For the places that log an unexpected error (RPC filter, problem filter).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redactLogText(String(error));
  const e = error as Error & { code?: unknown; sqlState?: unknown; table?: unknown; constraint?: unknown };
  const facts = [
    e.code !== undefined ? `code=${String(e.code)}` : '',
    e.sqlState !== undefined ? `sqlState=${String(e.sqlState)}` : '',
    typeof e.table === 'string' ? `table=${e.table}` : '',
    typeof e.constraint === 'string' ? `constraint=${e.constraint}` : '',
  ].filter(Boolean);
  return redactLogText(`${e.stack ?? `${e.name}: ${e.message}`}${facts.length ? ` [${facts.join(' ')}]` : ''}`);
}
