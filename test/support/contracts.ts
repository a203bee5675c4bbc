import { Ajv, type ValidateFunction } from 'ajv';
import { startApi } from './processes.js';

/**
 * Checks case events against the contract the API publishes (ARCHITECTURE §Contracts): the timeline item schema of
 * the OpenAPI document, with every object closed (additionalProperties: false), so a payload field the contract does
 * not declare fails as surely as a missing or mistyped one.
 */
export interface EventContract {
  /** The problems of one event ({ type, data }), empty when it matches. */
  problems(event: { type: string; data: unknown }): string[];
  /** Every event type the document declares. */
  types: string[];
}

interface SchemaNode {
  [key: string]: unknown;
}

function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (node === null || typeof node !== 'object') return;
  const schema = node as SchemaNode;
  if (schema.nullable === true && schema.type === undefined) {
    // OpenAPI 3.0's nullable beside oneOf or $ref: JSON Schema says it as "either that or null".
    const { nullable: _nullable, description, ...rest } = schema;
    const either: SchemaNode = { description, anyOf: [rest, { type: 'null' }] };
    Object.keys(schema).forEach((key) => Reflect.deleteProperty(schema, key));
    Object.assign(schema, either);
  }
  if (schema.type === 'object' || schema.properties) schema.additionalProperties ??= false;
  // The discriminator is a hint for code generators; oneOf with one-value `type` enums decides the same.
  delete schema.discriminator;
  Object.values(schema).forEach(closeObjects);
}

/** The document of `apiUrl`, or of a built API started just for this when none is given. */
export async function eventContract(apiUrl?: string): Promise<EventContract> {
  const api = apiUrl ? null : await startApi();
  const doc = (await (await fetch(`${apiUrl ?? api?.url}/api/docs/json`)).json()) as {
    components: { schemas: Record<string, SchemaNode> };
  };
  await api?.stop();
  closeObjects(doc.components);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'api', components: doc.components });
  const item = doc.components.schemas.CaseEventListDto?.properties as { items: { items: { oneOf: Array<{ $ref: string }> } } };
  const variants = new Map<string, ValidateFunction>();
  for (const { $ref } of item.items.items.oneOf) {
    const name = $ref.split('/').pop() ?? '';
    const type = ((doc.components.schemas[name]?.properties as { type: { enum: string[] } }).type.enum ?? [])[0] ?? '';
    const dataRef = (doc.components.schemas[name]?.properties as { data: { $ref?: string; allOf?: Array<{ $ref: string }> } }).data;
    variants.set(type, ajv.compile({ $ref: `api${dataRef.$ref ?? dataRef.allOf?.[0]?.$ref}` }));
  }
  return {
    types: [...variants.keys()],
    problems({ type, data }) {
      const validate = variants.get(type);
      if (!validate) return [`${type}: not an event type of the API document`];
      return validate(data)
        ? []
        : (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
    },
  };
}
