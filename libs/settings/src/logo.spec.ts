import { LOGO_MAX_BYTES, parseLogo } from './logo.js';

const dataUrl = (type: string, bytes: Buffer | string) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';

describe('logo sniffing', () => {
  it('accepts a PNG, a JPEG and a plain SVG by their content', () => {
    expect(parseLogo(dataUrl('image/png', PNG)).type).toBe('image/png');
    expect(parseLogo(dataUrl('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).type).toBe('image/jpeg');
    expect(parseLogo(dataUrl('image/svg+xml', SVG)).bytes.toString()).toBe(SVG);
  });

  it('refuses content that is not what it says, or not an image at all', () => {
    expect(() => parseLogo(dataUrl('image/png', SVG))).toThrow(/says it is image\/png but its content is image\/svg\+xml/);
    expect(() => parseLogo(dataUrl('image/png', 'GIF89a....'))).toThrow(/not a PNG, JPEG or SVG/);
    expect(() => parseLogo(dataUrl('image/gif', 'GIF89a'))).toThrow(/base64 data URL/);
    expect(() => parseLogo('https://example.org/logo.png')).toThrow(/base64 data URL/);
    expect(() => parseLogo(dataUrl('image/svg+xml', '<html><svg></svg></html>'))).toThrow(/not a PNG, JPEG or SVG/);
  });

  it('refuses an SVG that could run anything', () => {
    for (const active of [
      '<svg><script>alert(1)</script></svg>',
      '<svg onload="alert(1)"></svg>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><foreignObject><body/></foreignObject></svg>',
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
    ]) {
      expect(() => parseLogo(dataUrl('image/svg+xml', active))).toThrow(/SVG with|not a PNG, JPEG or SVG/);
    }
  });

  it('refuses a logo over the size limit', () => {
    const big = Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]);
    expect(() => parseLogo(dataUrl('image/png', big))).toThrow(/at most 200 kB/);
  });
});
