// Checks real answers against an OpenAPI 3.0 document: the status must be documented for the
// operation, and a JSON body must match its schema. A small checker of the keywords the
// document uses (type, nullable, enum, required, properties, additionalProperties, items,
// allOf, minimum, maximum, minLength, maxLength, $ref); it says where a value is wrong.

function resolve(doc, schema) {
  let s = schema;
  while (s && s.$ref) {
    s = s.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o?.[k], doc);
  }
  return s;
}

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

// Problems of value under schema, as "where: what" lines.
export function schemaProblems(doc, schema, value, where = '$') {
  const s = resolve(doc, schema);
  if (!s) return [];
  const out = [];
  if (value === null) return s.nullable || s.type === undefined && !s.allOf ? [] : [`${where}: null is not allowed`];
  for (const part of s.allOf ?? []) out.push(...schemaProblems(doc, part, value, where));
  const t = typeOf(value);
  if (s.type && !(s.type === t || (s.type === 'number' && t === 'integer'))) return [...out, `${where}: ${t}, expected ${s.type}`];
  if (s.enum && !s.enum.includes(value)) out.push(`${where}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) out.push(`${where}: ${value} < ${s.minimum}`);
    if (s.maximum !== undefined && value > s.maximum) out.push(`${where}: ${value} > ${s.maximum}`);
  }
  if (typeof value === 'string') {
    if (s.maxLength !== undefined && value.length > s.maxLength) out.push(`${where}: longer than ${s.maxLength}`);
    if (s.minLength !== undefined && value.length < s.minLength) out.push(`${where}: shorter than ${s.minLength}`);
  }
  if (t === 'array' && s.items) value.forEach((v, i) => out.push(...schemaProblems(doc, s.items, v, `${where}[${i}]`)));
  if (t === 'object') {
    for (const name of s.required ?? []) if (!(name in value)) out.push(`${where}.${name}: required, missing`);
    for (const [name, v] of Object.entries(value)) {
      if (s.properties?.[name]) out.push(...schemaProblems(doc, s.properties[name], v, `${where}.${name}`));
      else if (s.additionalProperties === false) out.push(`${where}.${name}: not in the schema`);
      else if (typeof s.additionalProperties === 'object') out.push(...schemaProblems(doc, s.additionalProperties, v, `${where}.${name}`));
    }
  }
  return out;
}

// The operation of the document serving method and a concrete path ("/api/cs/sessions/sess_1").
export function operationFor(doc, method, path) {
  const segments = path.split('/');
  for (const [template, item] of Object.entries(doc.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    if (parts.every((p, i) => p.startsWith('{') || p === segments[i]) && item[method.toLowerCase()]) {
      // A literal path wins over a template of the same shape.
      const literal = Object.keys(doc.paths).find((k) => k === path && doc.paths[k][method.toLowerCase()]);
      return { template: literal ?? template, operation: doc.paths[literal ?? template][method.toLowerCase()] };
    }
  }
  return null;
}

// Problems of one real answer (status, parsed JSON body or undefined) to method path.
export function answerProblems(doc, method, path, status, body) {
  const found = operationFor(doc, method, path);
  if (!found) return [`${method} ${path}: no operation in the document`];
  const response = resolve(doc, found.operation.responses[String(status)]);
  const label = `${method} ${found.template} ${status}`;
  if (!response) return [`${label}: status not documented`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [`${label}: a body, but none documented`];
  if (body === undefined) return [`${label}: no JSON body`];
  return schemaProblems(doc, schema, body).map((p) => `${label} ${p}`);
}
