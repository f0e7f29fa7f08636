import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Lambda event filtering (FilterCriteria.Filters[].Pattern of an AWS::Lambda::EventSourceMapping), applied
 * to a stream record in the Lambda event shape. Lambda uses AWS's event-ruler; its rules are followed here:
 * - a pattern object's fields must all match (AND); `$or: [{...}, {...}]` matches if one branch does;
 * - a leaf is a non-empty array of allowed values or operators (OR);
 * - values and operators match leaf values only (string, number, boolean, null); an object in the record is
 *   not a leaf, so `exists: false` on it matches and everything else does not;
 * - when the record holds an array, the pattern matches if one element does;
 * - several patterns in one mapping: a record is delivered if one of them matches.
 * Anything else throws when the pattern is compiled, so a filter is never silently ignored.
 */
export type RecordFilter = (record: DynamoDBRecord) => boolean;

type Matcher = (value: unknown) => boolean;
type Leaf = string | number | boolean | null;

/** Compiles the Pattern strings of one mapping. No patterns: every record matches, as without FilterCriteria. */
export function compileFilters(patterns: string[]): RecordFilter {
  const matchers = patterns.map((pattern, index) => compilePattern(pattern, `Filters[${index}]`));
  if (matchers.length === 0) return () => true;
  return (record) => matchers.some((matches) => matches(record));
}

function compilePattern(pattern: string, where: string): Matcher {
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch (error) {
    throw new FilterPatternError(where, `is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(parsed)) throw new FilterPatternError(where, 'must be a JSON object');
  return compileObject(parsed, where);
}

function compileObject(pattern: Record<string, unknown>, path: string): Matcher {
  const fieldMatchers: Matcher[] = [];
  for (const [key, sub] of Object.entries(pattern)) {
    const subPath = `${path}.${key}`;
    if (key === '$or') {
      fieldMatchers.push(compileOr(sub, subPath));
    } else if (Array.isArray(sub)) {
      const leaf = compileLeaf(sub, subPath, key);
      fieldMatchers.push((node) => leaf(fieldOf(node, key)));
    } else if (isPlainObject(sub)) {
      const child = compileObject(sub, subPath);
      fieldMatchers.push((node) => child(fieldOf(node, key)));
    } else {
      throw new FilterPatternError(
        subPath,
        'must be an array of values or operators (e.g. ["x"] or [{"prefix": "x"}]) or a nested object',
      );
    }
  }
  const matchNode: Matcher = (node) => fieldMatchers.every((matches) => matches(node));
  // An array in the record: the pattern matches if one element matches it as a whole (event-ruler's
  // "array consistency": fields are not combined across elements). An empty array is like no field.
  const matchAny: Matcher = (node) =>
    Array.isArray(node) && node.length > 0 ? node.some(matchAny) : matchNode(emptyArrayAsAbsent(node));
  return matchAny;
}

function compileOr(sub: unknown, path: string): Matcher {
  if (!Array.isArray(sub) || sub.length < 2 || !sub.every(isPlainObject)) {
    throw new FilterPatternError(path, 'must be an array of at least two pattern objects');
  }
  const branches = sub.map((branch, index) => compileObject(branch, `${path}[${index}]`));
  return (node) => branches.some((matches) => matches(node));
}

function compileLeaf(values: unknown[], path: string, key: string): Matcher {
  if (values.length === 0) {
    // CDK's FilterRule.null() produces this; Lambda's documented null match is [null].
    throw new FilterPatternError(path, 'is an empty array; to match null use [null]');
  }
  const conditions = values.map((value, index) => compileCondition(value, `${path}[${index}]`, key));
  const matchValue: Matcher = (value) => conditions.some((matches) => matches(value));
  // An array of values (also nested arrays) matches if one of its values does.
  const matchAny: Matcher = (value) =>
    Array.isArray(value) && value.length > 0 ? value.some(matchAny) : matchValue(emptyArrayAsAbsent(value));
  return matchAny;
}

function compileCondition(condition: unknown, path: string, key: string): Matcher {
  if (isLeaf(condition)) {
    if (key === 'N' && typeof condition === 'number') throw dynamoDbNumberError(path);
    return (value) => value === condition;
  }
  if (!isPlainObject(condition)) {
    throw new FilterPatternError(path, 'must be a string, number, boolean, null or an operator object');
  }
  const entries = Object.entries(condition);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw new FilterPatternError(path, 'an operator object must have exactly one operator');
  }
  const [operator, operand] = entry;
  switch (operator) {
    case 'exists':
      if (typeof operand !== 'boolean') throw new FilterPatternError(path, '"exists" takes true or false');
      return (value) => isLeaf(value) === operand;
    case 'prefix': {
      const prefix = stringOperand(operand, operator, path);
      return (value) => typeof value === 'string' && value.startsWith(prefix);
    }
    case 'suffix': {
      const suffix = stringOperand(operand, operator, path);
      return (value) => typeof value === 'string' && value.endsWith(suffix);
    }
    case 'equals-ignore-case': {
      const expected = stringOperand(operand, operator, path).toLowerCase();
      return (value) => typeof value === 'string' && value.toLowerCase() === expected;
    }
    case 'anything-but':
      return compileAnythingBut(operand, path);
    case 'numeric':
      if (key === 'N') throw dynamoDbNumberError(path);
      return compileNumeric(operand, path);
    default:
      throw new FilterPatternError(
        path,
        `uses the operator "${operator}", which the local filter does not support`,
      );
  }
}

function compileAnythingBut(operand: unknown, path: string): Matcher {
  if (typeof operand === 'string' || typeof operand === 'number') {
    return (value) => isLeaf(value) && value !== operand;
  }
  if (Array.isArray(operand)) {
    const allStrings = operand.every((item) => typeof item === 'string');
    const allNumbers = operand.every((item) => typeof item === 'number');
    if (operand.length === 0 || !(allStrings || allNumbers)) {
      throw new FilterPatternError(
        path,
        '"anything-but" takes a non-empty list of only strings or only numbers',
      );
    }
    const excluded: unknown[] = operand;
    return (value) => isLeaf(value) && !excluded.includes(value);
  }
  if (isPlainObject(operand)) {
    const entries = Object.entries(operand);
    const [entry] = entries;
    if (entries.length === 1 && entry !== undefined && entry[0] === 'prefix') {
      const prefix = stringOperand(entry[1], 'anything-but prefix', path);
      return (value) => isLeaf(value) && !(typeof value === 'string' && value.startsWith(prefix));
    }
    throw new FilterPatternError(
      path,
      `"anything-but" with ${JSON.stringify(operand)} is not supported locally (only a value, a list or {"prefix": ...})`,
    );
  }
  throw new FilterPatternError(path, '"anything-but" takes a string, a number, a list or {"prefix": ...}');
}

const COMPARISONS: Record<string, (value: number, bound: number) => boolean> = {
  '=': (value, bound) => value === bound,
  '<': (value, bound) => value < bound,
  '<=': (value, bound) => value <= bound,
  '>': (value, bound) => value > bound,
  '>=': (value, bound) => value >= bound,
};

function compileNumeric(operand: unknown, path: string): Matcher {
  const usage = '"numeric" takes [op, number] or a range like [">", 0, "<=", 5]';
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) {
    throw new FilterPatternError(path, usage);
  }
  const checks: ((value: number) => boolean)[] = [];
  for (let index = 0; index < operand.length; index += 2) {
    const operator: unknown = operand[index];
    const bound: unknown = operand[index + 1];
    const compare = typeof operator === 'string' ? COMPARISONS[operator] : undefined;
    if (compare === undefined || typeof bound !== 'number' || !Number.isFinite(bound)) {
      throw new FilterPatternError(path, usage);
    }
    checks.push((value) => compare(value, bound));
  }
  // A range is a lower bound followed by an upper bound, as event-ruler requires.
  if (operand.length === 4 && !(['>', '>='].includes(operand[0]) && ['<', '<='].includes(operand[2]))) {
    throw new FilterPatternError(
      path,
      `${usage}: a range is a lower bound (> or >=) then an upper bound (< or <=)`,
    );
  }
  // Numeric matching applies to JSON numbers only, never to numeric-looking strings.
  return (value) => typeof value === 'number' && checks.every((check) => check(value));
}

function stringOperand(operand: unknown, operator: string, path: string): string {
  if (typeof operand !== 'string') throw new FilterPatternError(path, `"${operator}" takes a string`);
  return operand;
}

function dynamoDbNumberError(path: string): FilterPatternError {
  // In a stream record a DynamoDB number is a string ({"N": "5"}); numeric matching and number literals
  // only match JSON numbers, so such a filter would silently never match.
  return new FilterPatternError(
    path,
    'compares a DynamoDB "N" value as a number, but stream records carry N values as strings ({"N": "5"}); ' +
      'match the string instead (e.g. ["5"] or {"prefix": ...})',
  );
}

function fieldOf(node: unknown, key: string): unknown {
  return isPlainObject(node) ? node[key] : undefined;
}

function emptyArrayAsAbsent(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

function isLeaf(value: unknown): value is Leaf {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FilterPatternError extends Error {
  constructor(where: string, problem: string) {
    super(`Event filter pattern ${where} ${problem}.`);
    this.name = 'FilterPatternError';
  }
}
