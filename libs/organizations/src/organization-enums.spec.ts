import { normalizeOrganizationName } from './organization-enums.js';

describe('normalizeOrganizationName', () => {
  it.each([
    ['The Hope Center, Inc.', 'hope center'],
    ['HOPE   center', 'hope center'],
    ['Hope Center LLC', 'hope center'],
    ['Family & Youth Services', 'family and youth services'],
    ['Café Clinic', 'cafe clinic'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeOrganizationName(name)).toBe(expected);
  });
});
