const NUMBER = new Intl.NumberFormat('en-US');

/**
 * "1 case", "2 cases", "1,204 follow-ups": every count people read goes through here. `many` for the irregular
 * ones ("1 person", "3 people"); otherwise an s is added.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
}
