import { getMetadataStorage, IsInt, IsString, Max, validate } from 'class-validator';
import { memoizeValidationMetadata } from './validation.js';

class Earlier {
  @IsString()
  name!: string;
}

describe('memoized class-validator metadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('answers a class and options from the memo after the first look-up, with the same rules', async () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Earlier, '', false, false, undefined);
    expect(first.map((m) => m.propertyName)).toEqual(['name']);
    expect(storage.getTargetValidationMetadatas(Earlier, '', false, false, undefined)).toBe(first);
    // Other options are another entry, not the same answer.
    expect(storage.getTargetValidationMetadatas(Earlier, '', false, false, ['admin'])).not.toBe(first);
    const errors = await validate(Object.assign(new Earlier(), { name: 42 }));
    expect(errors.map((e) => e.property)).toEqual(['name']);
  });

  it('sees the rules of a class decorated after the memo was filled', async () => {
    await validate(Object.assign(new Earlier(), { name: 'x' }));
    class Later {
      @IsInt()
      @Max(10)
      count!: number;
    }
    const errors = await validate(Object.assign(new Later(), { count: 11 }));
    expect(errors.map((e) => Object.keys(e.constraints ?? {}))).toEqual([['max']]);
    // A subclass declared later inherits its parent's rules and adds its own.
    class LaterStill extends Later {
      @IsString()
      label!: string;
    }
    const more = await validate(Object.assign(new LaterStill(), { count: 'many', label: 3 }));
    expect(more.map((e) => e.property).sort()).toEqual(['count', 'label']);
  });
});
