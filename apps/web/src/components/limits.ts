/**
 * Checks for number and long text fields that say what is wrong, in the field's own terms, instead of quietly
 * changing what was typed (a NumberInput clamps 0 to its minimum unless told not to: `clampBehavior="none"`).
 */
const NUMBER = new Intl.NumberFormat('en-US');

interface RangeOptions {
  /** Words after the numbers: "minutes", "people". */
  unit?: string;
  /** An empty field is an error ("Enter …"); otherwise it is left alone. */
  required?: boolean;
}

/** The allowed range in words: "from 1 to 600 minutes". */
export function rangeWords(min: number, max: number, unit?: string): string {
  return `from ${NUMBER.format(min)} to ${NUMBER.format(max)}${unit ? ` ${unit}` : ''}`;
}

/** A form validator for a whole number between min and max (inclusive). */
export function wholeNumberIn(min: number, max: number, { unit, required = false }: RangeOptions = {}) {
  return (value: unknown): string | null => {
    if (value === '' || value === null || value === undefined) return required ? `Enter a number ${rangeWords(min, max, unit)}` : null;
    const number = Number(value);
    if (!Number.isFinite(number) || !Number.isInteger(number)) return `Enter a whole number ${rangeWords(min, max, unit)}`;
    if (number < min || number > max) return `${NUMBER.format(number)} is out of range: enter a number ${rangeWords(min, max, unit)}`;
    return null;
  };
}

/** A form validator for a text's length: the limit and how much to cut, in characters. */
export function atMostChars(limit: number) {
  return (value: unknown): string | null => {
    const length = typeof value === 'string' ? value.length : 0;
    if (length <= limit) return null;
    return `This is ${NUMBER.format(length - limit)} ${length - limit === 1 ? 'character' : 'characters'} over the ${NUMBER.format(limit)}-character limit: please shorten it`;
  };
}

/** "1,234 / 10,000 characters". */
export function charCount(length: number, limit: number): string {
  return `${NUMBER.format(length)} / ${NUMBER.format(limit)} characters`;
}
