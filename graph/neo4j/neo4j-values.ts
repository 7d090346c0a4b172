// Value mapping between JavaScript and the Neo4j driver. Results: the driver is configured with
// disableLosslessIntegers, but Integer and temporal objects can still arrive (inside lists and maps
// or from a driver built elsewhere), so every value is normalised to plain JSON-like data.
// Parameters: the driver sends every JS number as a float, and Neo4j refuses a float for LIMIT
// or SKIP, so whole numbers go as Integer.
import neo4j from 'neo4j-driver';

function isTemporal(v: unknown): boolean {
  return neo4j.isDate(v) || neo4j.isDateTime(v) || neo4j.isLocalDateTime(v) || neo4j.isTime(v) || neo4j.isLocalTime(v) || neo4j.isDuration(v);
}

/** Converts a driver value into plain data: Integer → number, temporal → ISO string, nodes → their properties. */
export function fromNeo4j(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  // temporal types print as ISO 8601
  if (isTemporal(value)) return String(value);
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return fromNeo4j(value.properties);
  if (neo4j.isPoint(value)) return { srid: fromNeo4j(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromNeo4j(v);
    return out;
  }
  return value;
}

/** Converts a parameter value for the driver: safe whole numbers become Integer, recursively. */
export function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  // a stored list must hold one type: numbers stay floats when any of them is fractional
  if (Array.isArray(value)) return value.every((v) => typeof v === 'number') && !value.every(Number.isSafeInteger) ? value : value.map(toNeo4j);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4j(v);
    return out;
  }
  return value;
}
