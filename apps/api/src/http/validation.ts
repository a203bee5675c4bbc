import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** Flattens class-validator's tree into one entry per field, with dotted paths for nested objects. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-validator looks up a DTO's rules on every validation by walking every registered DTO class with `instanceof`
 * (`getTargetValidationMetadatas`), and Nest's ValidationPipe does it once more per request for its binary-value check:
 * ~0.04 ms of a case list request's ~1 ms of CPU (bench/README.md "Case list"). The rules are fixed once the
 * decorators have run at start-up, so the answer is kept per class and options; registering any rule or schema (a
 * decorator run later) empties the memo. The arrays it returns are only read, by class-validator and the pipe.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  let memo = new WeakMap<object, Map<string, TargetMetadatas>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = JSON.stringify([schema, always, strictGroups, groups]);
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map()));
    let found = byOptions.get(options);
    if (!found) byOptions.set(options, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  const forget =
    <Args extends unknown[]>(register: (...args: Args) => void) =>
    (...args: Args) => {
      memo = new WeakMap();
      register(...args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata.bind(storage));
  storage.addValidationSchema = forget(storage.addValidationSchema.bind(storage));
}

/** The global pipe: DTO classes validated and transformed, unknown fields refused, one error entry per field. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = fieldErrors(errors);
      const summary = details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; ');
      return new BadRequestException({ message: `Validation failed: ${summary}`, details });
    },
  });
}
